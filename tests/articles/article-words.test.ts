// An add counts the words of a pasted text (those with a letter in them) only
// until it has enough for an article: the count must be what splitting on white
// space and keeping words with a letter gives, up to the bound, for every kind of
// white space JS's \s knows, words of digits or marks only, and letters outside ASCII.
import { describe, expect, it } from 'vitest';
import { wordsUpTo } from '../../src/articles/raw-from-input.js';

const bySplit = (text: string) => text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

describe('words of a pasted text', () => {
  it('counts as splitting on white space does, up to the bound', () => {
    const samples = [
      '',
      '   ',
      'one',
      ' lead and trail ',
      '123 4.5 -- ... ½ 2024-01-17 word',
      'tab\tsep\nnew\r\nline\vvert\fform',
      'no\u00a0break\u1680ogham\u2000en\u200aquad\u2028line\u2029para\u202fnarrow\u205fmath\u3000ideo\ufeffbom',
      'zero\u200bwidth (not white space) joins',
      'Bahasa Indonésia: ekspor nikel naik 12% – kata Menteri',
      'Ελληνικά και русский и 日本語 テキスト',
      '𝐌𝐚𝐭𝐡 bold 𝟏𝟐𝟑 digits only 😀 🇮🇩',
      '١٢٣ ٤٥٦ عربى',
      '\u0301\u0301 combining only, é composed, e\u0301 decomposed',
    ];
    for (const text of samples) {
      for (const bound of [1, 3, 25, 1000]) expect(wordsUpTo(text, bound), `${JSON.stringify(text)} up to ${bound}`).toBe(Math.min(bySplit(text), bound));
    }
  });

  it('stops at the bound in a long text', () => {
    const text = 'word '.repeat(100_000);
    expect(wordsUpTo(text, 25)).toBe(25);
    expect(wordsUpTo(`${'12 '.repeat(1000)} a b`, 25)).toBe(2);
  });
});

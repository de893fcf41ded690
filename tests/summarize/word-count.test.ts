// wordCount counts words as splitting on JavaScript's white space does, for
// every character `\s` matches and for text around them.
import { describe, expect, it } from 'vitest';
import { wordCount } from '../../src/summarize/shorten-point.js';

const bySplit = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe('wordCount', () => {
  it('counts the words splitting on white space gives', () => {
    const spaces = Array.from({ length: 0x3001 }, (_, c) => String.fromCharCode(c)).filter((ch) => /\s/.test(ch));
    spaces.push('\ufeff');
    expect(spaces.length).toBeGreaterThan(20);
    const texts = ['', ' ', 'one', ' one two  three ', 'Rp2,5 triliun (12/3).', 'a\u00a0b\u2009c', '\u{1F600} x', ...spaces.map((sp) => `kata${sp}lain${sp}${sp}akhir${sp}`), spaces.join('')];
    for (const t of texts) expect(wordCount(t), JSON.stringify(t)).toBe(bySplit(t));
  });
});

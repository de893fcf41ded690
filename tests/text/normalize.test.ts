// Folding's fast path (plain ASCII words by char codes) must give the very words
// of the definition: NFKD, no combining marks, lower case, letters and digits only.
import { describe, expect, it } from 'vitest';
import { normaliseForFingerprint } from '../../src/ingest/fingerprint.js';
import { foldText, foldTokens, foldWord } from '../../src/text/normalize.js';

function definition(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return folded === '' ? [] : folded.split(' ');
}

const TRICKY = [
  '',
  '  \n\t ',
  'Kendaraan Listrik: Rp2,5 triliun (US$160 juta)!',
  'Émile’s café — “naïve” résumé',
  'ﬁnance ½ x² Ｆｕｌｌ-width',
  'İstanbul and Iğdır',
  'ΟΔΟΣ ΑΣ\'Α σοφός',
  'a\u00a0b\u2028c',
  'x\u0301y e\u0301',
  'ǅemal STRASSE straße',
  'snake_case and kebab-case, 3.14 and 1,000',
  '“Kami berkomitmen,” kata Siti.\r\n\nRp24,2 triliun… ¥5 ㎞ ①',
];

/** The fingerprint's definition: NFKC (accents kept), lower case, letters and digits only. */
function fingerprintDefinition(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** A small deterministic generator, so a failure names the same string every run. */
function* randomStrings(count: number): Generator<string> {
  const chars = 'aZq9 \n\t-.,’\'é\u0301ΣσİıßﬁＡ½\u00a0\u2028_';
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let k = 0; k < count; k++) {
    let s = '';
    const length = Math.floor(next() * 14);
    for (let j = 0; j < length; j++) s += chars[Math.floor(next() * chars.length)];
    yield s;
  }
}

describe('foldTokens', () => {
  it('gives the words of the definition on ASCII and non-ASCII text alike', () => {
    for (const text of TRICKY) {
      expect(foldTokens(text), JSON.stringify(text)).toEqual(definition(text));
      expect(foldText(text)).toBe(definition(text).join(' '));
    }
  });

  it('agrees with the definition on 20,000 random mixes of ASCII, accents, Greek, ligatures and spaces', () => {
    for (const text of randomStrings(20_000)) expect(foldTokens(text), JSON.stringify(text)).toEqual(definition(text));
  });

  it('folds a single word (foldWord, remembered or plain ASCII) as foldText does', () => {
    for (const text of [...TRICKY, 'Toyota', 'PLN', 'e2e', 'U.S', "Japan's", 'Rp24,2', ...randomStrings(5_000)]) {
      expect(foldWord(text), JSON.stringify(text)).toBe(definition(text).join(' '));
    }
  });
});

describe('normaliseForFingerprint', () => {
  it('gives the text of its definition on ASCII and non-ASCII text alike', () => {
    for (const text of TRICKY) expect(normaliseForFingerprint(text), JSON.stringify(text)).toBe(fingerprintDefinition(text));
  });

  it('agrees with the definition on 20,000 random mixes of ASCII, accents, Greek, ligatures and spaces', () => {
    for (const text of randomStrings(20_000)) expect(normaliseForFingerprint(text), JSON.stringify(text)).toBe(fingerprintDefinition(text));
  });
});

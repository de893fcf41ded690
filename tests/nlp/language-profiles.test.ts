// The compact copy of tinyld's profiles ranks exactly as tinyld does: same
// languages, same order, same accuracies, with and without a restriction.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Tinyld from 'tinyld';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../scripts/bench/synthetic-corpus.js';
import { loadLanguageProfilesFromPackage, readLanguageProfiles } from '../../src/nlp/language-profiles.js';
import { rankLanguages } from '../../src/nlp/rank-languages.js';

const require = createRequire(import.meta.url);
const tinyld = require('tinyld') as typeof Tinyld;
const profiles = loadLanguageProfilesFromPackage();

function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const SEEDS = readdirSync('seeds').map((f) => readFileSync(path.join('seeds', f), 'utf8'));
const OTHER_SCRIPTS = [
  'Bonjour tout le monde, ceci est un texte en français sur la politique énergétique.',
  'Das ist ein deutscher Satz über Häuser, Straßen und Brücken.',
  'Привет, как дела? Это русский текст.',
  '東京は日本の首都です。人口は多い。',
  '서울은 한국의 수도입니다. 날씨가 좋아요.',
  'مرحبا بالعالم، هذا نص عربي',
  'Xin chào thế giới, đây là tiếng Việt.',
  'Kerja sama ekonomi (IJEPA) dibahas di Tokyo; "kami optimistis," kata menteri.',
  'ﬁnal ＡＢＣ１２３ ’quote’ “x” e\u0301te\u0301 cafe\u0301 𝑥 😀',
  '한국어 English mixed 日本語 bahasa Indonesia',
  '',
  '   ',
  '123 456 789',
  '(a) [b] {c} <d> 《e》',
];

function corpus(): string[] {
  const texts = [...SEEDS, ...OTHER_SCRIPTS];
  for (let i = 0; i < 150; i++) texts.push(generateArticle(6500 + i).text.slice(0, 600));
  const random = seeded(14);
  const whole = [...texts];
  for (let i = 0; i < 400; i++) {
    const s = whole[Math.floor(random() * whole.length)]!;
    const at = Math.floor(random() * s.length);
    texts.push(s.slice(at, at + Math.floor(random() * 300)));
  }
  const alphabet = 'abcdefghijklmnopqrstuvwxyz  éèüößçñ.,;:!?()"\'’-–—日本語한국어абвгдеαβγ١٢٣  \t\n0123456789';
  for (let i = 0; i < 400; i++) {
    let s = '';
    for (let n = Math.floor(random() * 80); n > 0; n--) s += alphabet[Math.floor(random() * alphabet.length)];
    texts.push(s);
  }
  return texts;
}

describe('rankLanguages over the compact profiles', () => {
  const texts = corpus();

  it('reads every gram of the installed tinyld', () => {
    expect(profiles.codes).toContain('ind');
    expect(profiles.iso2[profiles.codes.indexOf('eng')]).toBe('en');
    expect(profiles.grams.size).toBeGreaterThan(30_000);
  });

  it('ranks as tinyld does over all its languages', () => {
    for (const text of texts) expect(rankLanguages(profiles, text), text).toEqual(tinyld.detectAll(text));
  });

  it('ranks as tinyld does restricted to Indonesian and English', () => {
    const only = ['id', 'en'];
    for (const text of texts) expect(rankLanguages(profiles, text, only), text).toEqual(tinyld.detectAll(text, { only }));
  });

  it('restricts by either code, as tinyld does', () => {
    const text = SEEDS[0]!.slice(0, 600);
    expect(rankLanguages(profiles, text, ['ind', 'eng', 'fr'])).toEqual(tinyld.detectAll(text, { only: ['ind', 'eng', 'fr'] }));
  });
});

describe('readLanguageProfiles', () => {
  const source = readFileSync(require.resolve('tinyld'), 'utf8');

  it('refuses a source it does not recognise (the caller then loads tinyld itself)', () => {
    expect(() => readLanguageProfiles('module.exports = {}')).toThrow(/tinyld/);
    expect(() => readLanguageProfiles(source.replace('{id:"tinyld-dict",', '{id:"tinyld-dict",extra:{},'))).toThrow(/part extra/);
    expect(() => readLanguageProfiles(source.replace(/(multiples:\{"[^"]*":")/, '$1\\u0041'))).toThrow(/string/);
    expect(() => readLanguageProfiles(source.replace(/(multiples:\{"[^"]*":")/, '$1ZZZZ'))).toThrow(/language number/);
  });

  it('reads number keys and values as JavaScript names them', () => {
    const p = readLanguageProfiles(source.replace('{id:"tinyld-dict",', '{id:"tinyld-dict",uniques:{1e1:"1",x:10},multiples:{"ab":"0101"}},{'));
    expect(p.grams.has('10')).toBe(true);
    expect(p.codes[p.unique[p.grams.get('10')!]! - 1]).toBe(p.codes[0]);
    expect(p.codes[p.unique[p.grams.get('x')!]! - 1]).toBe(p.codes[35]); // "10" in base 36
    expect(p.weight[p.start[p.grams.get('ab')!]!]).toBe(1);
  });
});

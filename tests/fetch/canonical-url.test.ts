// The de-duplication key: tracking variants of one link must agree, different
// articles must not.
import { describe, expect, it } from 'vitest';
import { canonicalizeUrl } from '../../src/fetch/safe-fetch.js';
import { cleanLink } from '../../src/fetch/canonical-url.js';

const BASE = 'https://kompas.example/read/2024/03/05/ri-jepang-otomotif';

describe('canonicalizeUrl', () => {
  it.each([
    `${BASE}?utm_source=twitter&utm_medium=social&utm_campaign=share`,
    `${BASE}?UTM_Source=wa`,
    `${BASE}?fbclid=IwAR0abc`,
    `${BASE}?gclid=xyz&utm_term=ev`,
    `${BASE}?utm_content=a&mc_cid=1&mc_eid=2&_ga=3&igshid=4&msclkid=5`,
    `${BASE}#comments`,
    `${BASE}/`,
    'HTTPS://WWW.Kompas.Example:443/read/2024/03/05/ri-jepang-otomotif?utm_id=9#top',
    ` ${BASE}?ref=newsletter `,
  ])('%s maps to the same key', (variant) => {
    expect(canonicalizeUrl(variant)).toBe(BASE);
  });

  it('keeps parameters that select content, in a stable order', () => {
    expect(canonicalizeUrl('https://news.example/read?id=42&page=2&utm_source=x')).toBe('https://news.example/read?id=42&page=2');
    expect(canonicalizeUrl('https://news.example/read?page=2&id=42')).toBe('https://news.example/read?id=42&page=2');
    expect(canonicalizeUrl('https://news.example/read?id=42')).not.toBe(canonicalizeUrl('https://news.example/read?id=43'));
    expect(canonicalizeUrl('https://news.example/')).toBe('https://news.example/');
  });

  it('refuses what is not an http(s) link', () => {
    expect(() => canonicalizeUrl('not a link')).toThrow(/web address/);
    expect(() => canonicalizeUrl('file:///etc/passwd')).toThrow(/http and https/);
  });

  it('cleanLink drops only tracking and the fragment', () => {
    expect(cleanLink('https://www.news.example/a/?b=1&utm_source=x#p2')).toBe('https://www.news.example/a/?b=1');
  });
});

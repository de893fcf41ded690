// Made-up cards for renderer tests: ordinary, huge, and random ones from a seeded PRNG.
import type { Card, CardSource } from '../../../src/model/article.js';

export function makeCard(overrides: Partial<Card> = {}): Card {
  return {
    id: 'a1b2c3',
    headline: 'Indonesia and Japan review the IJEPA',
    source: 'Antara',
    date: '2024-06-27',
    language: 'en',
    keyPoints: ['Both sides agreed to review tariff lines.', 'Talks continue next month.'],
    keyFigures: [{ value: '99', context: '99 cars per 1,000 people' }],
    entities: [],
    topics: [{ id: 'ijepa', name: 'IJEPA' }],
    link: 'https://example.com/news/ijepa',
    storyId: 's1',
    alsoReportedBy: [],
    ...overrides,
  };
}

const long = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

export function hugeCard(i: number): Card {
  const sources: CardSource[] = Array.from({ length: 40 }, (_, j) => ({
    id: `x${i}-${j}`,
    headline: long(`Berita <!channel> & lain ${j} `, 400),
    source: long('Media & Co ', 120),
    language: j % 2 ? 'id' : 'en',
    link: `https://example.com/${long('path|<>&', 300)}?q=${j}`,
  }));
  return makeCard({
    id: `huge-${i}-${long('id', 300)}`,
    headline: long(`Headline ${i} & <@U123> `, 1000),
    source: long('Source & <b> ', 500),
    keyPoints: Array.from({ length: 50 }, (_, j) => long(`Point ${j} with <!here> & numbers 1.000 `, 500)),
    keyFigures: Array.from({ length: 30 }, (_, j) => ({ value: long(`${j}&`, 300), context: long('context <x> ', 2500) })),
    topics: Array.from({ length: 30 }, (_, j) => ({ id: `t${j}`, name: long(`Topic ${j} `, 80) })),
    link: `https://example.com/${long('a', 2000)}`,
    alsoReportedBy: sources,
  });
}

/** Deterministic PRNG (mulberry32) so a failing random case can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['a', 'b', ' ', '&', '<', '>', '!', '@', '|', 'é', '😀', '\n', '*', '_', '`', 'U', '1', ';', '#'];

export function randomText(rand: () => number, max: number): string {
  const n = Math.floor(rand() * rand() * max);
  let s = '';
  for (let i = 0; i < n; i += 1) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  if (rand() < 0.2) s += '<!channel> <@U123> <!everyone>';
  return s;
}

export function randomCard(rand: () => number, i: number): Card {
  const count = (max: number) => Math.floor(rand() * max);
  return makeCard({
    id: `r${i}`,
    headline: randomText(rand, 600),
    source: rand() < 0.2 ? null : randomText(rand, 300),
    date: rand() < 0.2 ? null : '2024-01-01',
    language: rand() < 0.5 ? 'id' : 'en',
    keyPoints: Array.from({ length: count(12) }, () => randomText(rand, 1500)),
    keyFigures: Array.from({ length: count(15) }, () => ({ value: randomText(rand, 50), context: randomText(rand, 3000) })),
    topics: Array.from({ length: count(6) }, (_, j) => ({ id: `t${j}`, name: randomText(rand, 60) })),
    link: rand() < 0.3 ? null : rand() < 0.5 ? `https://example.com/${encodeURIComponent(randomText(rand, 3500))}` : 'javascript:alert(1)',
    alsoReportedBy: Array.from({ length: count(25) }, (_, j) => ({
      id: `s${j}`,
      headline: randomText(rand, 500),
      source: rand() < 0.1 ? null : randomText(rand, 100),
      language: 'id' as const,
      link: rand() < 0.5 ? null : `https://example.com/${j}?a=1&b=${encodeURIComponent(randomText(rand, 50))}`,
    })),
  });
}

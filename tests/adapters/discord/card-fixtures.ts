// Card fixtures for the Discord renderer tests: a realistic card, long ones, and seeded random ones.
import type { Card, Language } from '../../../src/model/article.js';

export function makeCard(overrides: Partial<Card> = {}): Card {
  return {
    id: 'a1b2c3',
    headline: 'IJEPA review talks resume in Jakarta',
    source: 'Kompas',
    date: '2026-11-20',
    language: 'id',
    keyPoints: ['Both governments agreed to resume the IJEPA general review.', 'Tariff cuts on auto parts are on the table.'],
    keyFigures: [{ value: '99', context: 'cars per 1,000 people' }],
    entities: [{ name: 'IJEPA', kind: 'programme', expansion: 'Indonesia-Japan Economic Partnership Agreement' }],
    topics: [{ id: 'ijepa', name: 'IJEPA' }],
    link: 'https://example.com/ijepa',
    storyId: 's1',
    alsoReportedBy: [{ id: 'd4e5f6', headline: 'IJEPA talks restart', source: 'Nikkei', language: 'en', link: 'https://example.com/nikkei' }],
    ...overrides,
  };
}

/** A card where every part is far over Discord's limits. */
export function longCard(i: number): Card {
  const word = (n: number) => `word${i}-${n}`;
  const text = (len: number) => Array.from({ length: Math.ceil(len / 8) }, (_, n) => word(n)).join(' ').slice(0, len);
  return makeCard({
    id: `long${i}`,
    headline: text(600),
    source: text(1500),
    keyPoints: Array.from({ length: 12 }, () => text(900)),
    keyFigures: Array.from({ length: 30 }, (_, n) => ({ value: String(n * 1000), context: text(300) })),
    entities: Array.from({ length: 80 }, (_, n) => ({ name: `Entity ${n} ${text(40)}`, kind: 'organisation' as const })),
    topics: Array.from({ length: 40 }, (_, n) => ({ id: `t${n}`, name: text(60) })),
    link: `https://example.com/${'x'.repeat(100)}`,
    alsoReportedBy: Array.from({ length: 20 }, (_, n) => ({
      id: `o${n}`,
      headline: text(400),
      source: text(100),
      language: (n % 2 ? 'id' : 'en') as Language,
      link: `https://example.com/other/${n}`,
    })),
  });
}

/** Deterministic pseudo-random cards (mulberry32), so a failure can be replayed from its seed. */
export function randomCard(seed: number): Card {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(rand() * (max + 1));
  const alphabet = 'abcdefghijklmnopqrstuvwxyz ÄéŪ日本語🚗@#<>[]*_`';
  const str = (max: number) => Array.from({ length: int(max) }, () => alphabet[int(alphabet.length - 1)]).join('');
  return makeCard({
    id: `r${seed}`,
    headline: str(400),
    source: rand() < 0.2 ? null : str(300),
    date: rand() < 0.2 ? null : '2026-01-02',
    keyPoints: Array.from({ length: int(15) }, () => str(1200)),
    keyFigures: Array.from({ length: int(20) }, () => ({ value: str(20), context: str(300) })),
    entities: Array.from({ length: int(40) }, () => ({ name: str(80), kind: 'place' as const })),
    topics: Array.from({ length: int(6) }, (_, n) => ({ id: `t${n}`, name: str(40) })),
    link: rand() < 0.3 ? null : rand() < 0.5 ? 'not a url' : 'https://example.com/a',
    alsoReportedBy: Array.from({ length: int(12) }, (_, n) => ({
      id: `o${n}`,
      headline: str(300),
      source: str(60),
      language: 'en' as const,
      link: rand() < 0.5 ? null : 'https://example.com/b',
    })),
  });
}

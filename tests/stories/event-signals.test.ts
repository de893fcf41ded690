import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../src/search/lexicon.js';
import { conceptsOf, eventSignals, longWords } from '../../src/stories/event-signals.js';

const CONCEPTS = conceptsOf(buildLexicon([
  ['hydrogen', 'hidrogen'],
  ['refueling station', 'stasiun pengisian'],
  ['plant', 'pabrik'],
  ['factory', 'pabrik'],
]));

const keys = (text: string, language: 'id' | 'en', prefix: string) =>
  [...eventSignals('Judul', text, language, CONCEPTS).weights.keys()].filter((k) => k.startsWith(prefix)).sort();

describe('eventSignals', () => {
  it('reads one amount the same in both languages, whatever the notation', () => {
    const trillion = ['n:11200000000000'];
    expect(keys('Perusahaan itu menanam Rp 11,2 triliun di sana.', 'id', 'n:')).toEqual(trillion);
    expect(keys('The firm will put in IDR11.2 trillion there.', 'en', 'n:')).toEqual(trillion);
    expect(keys('The firm will put in 11.2 trillion rupiah there.', 'en', 'n:')).toEqual(trillion);
    const million = ['n:600000000'];
    expect(keys('It will spend US$600 million on the line.', 'en', 'n:')).toEqual(million);
    expect(keys('It will spend $600m on the line.', 'en', 'n:')).toEqual(million);
    expect(keys('Nilainya 600 juta dolar AS untuk lini itu.', 'id', 'n:')).toEqual(million);
    expect(keys('Sebanyak 4,5 juta kendaraan terjual.', 'id', 'n:')).toEqual(['n:4500000']);
    expect(keys('Some 4.5 million vehicles were sold.', 'en', 'n:')).toEqual(['n:4500000']);
  });

  it('keeps units and percentages apart from bare numbers, and counts of things from 10 up', () => {
    expect(keys('Baterai 20 kWh menempuh 170 km, naik 65 persen.', 'id', 'n:')).toEqual(['n:170km', 'n:20kwh', 'n:65%']);
    expect(keys('A 20kWh battery runs 170 km, up 65%.', 'en', 'n:')).toEqual(['n:170km', 'n:20kwh', 'n:65%']);
    expect(keys('They will send 40 students to the plant.', 'en', 'n:')).toEqual(['n:40']);
  });

  it('does not read years, days or times as figures', () => {
    expect(keys('Pada 27 Juni 2019 pukul 10 WIB, selama 3 hari sejak 2018.', 'id', 'n:')).toEqual([]);
    expect(keys('On June 27, 2019, for 12 years since 2007.', 'en', 'n:')).toEqual([]);
  });

  it('maps content words through the lexicon to one concept in both languages', () => {
    const en = keys('Toyota opened a hydrogen refueling station near its plant.', 'en', 'c:');
    const id = keys('Toyota membuka stasiun pengisian hidrogen dekat pabriknya.', 'id', 'c:');
    expect(en).toEqual(id);
    expect(en).toHaveLength(3);
  });

  it('takes names from capitals inside sentences, not from headlines or sentence openings', () => {
    const { weights, nameOf } = eventSignals(
      'Minister Says Plans Remain On Track',
      'Officials met on Monday. Minister Airlangga Hartarto said Hanamura Motor would expand. Officials agreed.',
      'en',
      CONCEPTS,
    );
    const names = [...weights.keys()].filter((k) => k.startsWith('w:')).sort();
    expect(names).toEqual(['w:airlangga', 'w:hanamura', 'w:hartarto']);
    // One person is one name, whichever part of it another report repeats.
    expect(nameOf.get('w:airlangga')).toBe(nameOf.get('w:hartarto'));
    expect(nameOf.get('w:hanamura')).not.toBe(nameOf.get('w:hartarto'));
  });
});

describe('longWords (what tells a headline line)', () => {
  /** The definition: runs of four letters or more of any script, and those starting with a capital. */
  const definition = (line: string): [number, number] => {
    const runs = line.match(/\p{L}{4,}/gu) ?? [];
    return [runs.length, runs.filter((w) => /^\p{Lu}/u.test(w)).length];
  };

  it('counts as the definition does on plain ASCII and on accented or other scripts', () => {
    const chars = 'aBcdEfgh XyZ 12 .,-’\'éÉßΣσ\u0301İ';
    let seed = 99;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const lines = ['', 'Japan Plans New Hydrogen Station', 'Toyota dan PLN bahas 500 stasiun.', 'Éclair Électrique Über Straße', 'abcd éfgh ijkl'];
    for (let k = 0; k < 5_000; k++) lines.push(Array.from({ length: Math.floor(next() * 40) }, () => chars[Math.floor(next() * chars.length)]).join(''));
    for (const line of lines) expect(longWords(line), JSON.stringify(line)).toEqual(definition(line));
  });
});

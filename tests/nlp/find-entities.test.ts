import { describe, expect, it } from 'vitest';
import { findAcronymDefinitions } from '../../src/nlp/acronyms.js';
import { findEntities } from '../../src/nlp/find-entities.js';

const ID_TEXT = `Menteri Keuangan Rina Wulandari Hartono bertemu Duta Besar Korea Selatan Park Min-jun di Surabaya.
Badan Riset Energi Nasional (BREN) dan Korea Energy Agency (KEA) menandatangani skema Green Mobility Fund (GMF).
"Kami siap," kata Rina. Program GMF juga didukung Kemenkeu.`;

describe('findAcronymDefinitions', () => {
  it('reads "Long Form (ACR)" and "ACR (Long Form)" and rejects partial long forms', () => {
    const defs = findAcronymDefinitions('Kerja sama diatur Perjanjian Dagang Asia Timur (PDAT). The BRT (Bus Rapid Transit) line. Kerja Indonesia-Korea (IKTRA).');
    expect(defs.get('PDAT')).toBe('Perjanjian Dagang Asia Timur');
    expect(defs.get('BRT')).toBe('Bus Rapid Transit');
    expect(defs.has('IKTRA')).toBe(false);
  });
});

describe('findEntities', () => {
  it('finds people without their titles, organisations, programmes and places', () => {
    const entities = findEntities(ID_TEXT, new Map());
    const byName = new Map(entities.map((e) => [e.name, e]));
    expect(byName.get('Rina Wulandari Hartono')?.kind).toBe('person');
    expect(byName.get('BREN')).toMatchObject({ kind: 'organisation', expansion: 'Badan Riset Energi Nasional' });
    expect(byName.get('KEA')?.expansion).toBe('Korea Energy Agency');
    expect(byName.get('GMF')).toMatchObject({ kind: 'programme', expansion: 'Green Mobility Fund' });
    expect(byName.get('Kemenkeu')?.kind).toBe('organisation');
    expect(byName.get('Surabaya')?.kind).toBe('place');
    expect(byName.get('South Korea')?.kind).toBe('place');
    expect(entities.some((e) => /Menteri|Keuangan/.test(e.name) && e.kind === 'person')).toBe(false);
  });

  it('expands acronyms from the glossary and recognises English titles', () => {
    const text = 'Trade Minister John Carter met officials on the ASTRA programme. He said the ASTRA talks would resume.';
    const entities = findEntities(text, new Map([['ASTRA', 'Asian Supply and Trade Resilience Agreement']]));
    expect(entities.find((e) => e.name === 'John Carter')?.kind).toBe('person');
    expect(entities.find((e) => e.name === 'ASTRA')).toMatchObject({ kind: 'programme', expansion: 'Asian Supply and Trade Resilience Agreement' });
  });

  it('keeps series editions as programmes', () => {
    const entities = findEntities('The 3rd Maritime Security Forum opened in Bali.', new Map());
    expect(entities.find((e) => e.name === '3rd Maritime Security Forum')?.kind).toBe('programme');
  });
});

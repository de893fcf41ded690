// The same article pasted twice, with different spacing or clutter, is recognised.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/ingest/clean-article.js';
import { fingerprint } from '../../src/ingest/fingerprint.js';

const now = new Date('2026-03-01T09:00:00Z');
const seed = readFileSync(new URL('../../seeds/002_f1673245c3cd19fc.txt', import.meta.url), 'utf8');

describe('fingerprint', () => {
  it('is 32 hex characters and ignores case, punctuation and spacing', () => {
    const a = fingerprint('Harga naik, kata dia.\n\nPasar ramai.');
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprint('harga   naik kata dia  pasar\tramai')).toBe(a);
    expect(fingerprint('Harga turun, kata dia.\n\nPasar ramai.')).not.toBe(a);
  });

  it('matches the same article pasted with other spacing, NBSPs, CRLF and extra clutter', () => {
    const original = cleanArticle({ text: seed }, now);
    const messy = seed
      .replace(/\n\n/g, '\r\n')
      .replace(/ kerja sama /g, ' kerja\u00a0sama  ')
      .replace('Saat ini proporsi', 'Baca Juga:\nHarga Mobil Bekas Turun Jelang Akhir Tahun\nAdvertisement\nSaat ini proporsi')
      .concat('\nShare this article\nhttps://example.com/berita/123\n');
    const again = cleanArticle({ text: messy }, now);
    expect(again.fingerprint).toBe(original.fingerprint);
  });

  it('differs between different articles', () => {
    const other = readFileSync(new URL('../../seeds/004_ad159ab7eb30ab13.txt', import.meta.url), 'utf8');
    expect(cleanArticle({ text: other }, now).fingerprint).not.toBe(cleanArticle({ text: seed }, now).fingerprint);
  });
});

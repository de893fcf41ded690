// Entities left in text copied from page source are decoded from the full HTML table (the
// `entities` package), not from a short hand-kept list: names like &eacute; and &euro; count too.
import { describe, expect, it } from 'vitest';
import { normaliseInline } from '../../src/ingest/normalize-text.js';

describe('HTML entities in pasted text', () => {
  it('decodes named, decimal and hex entities from the whole HTML table', () => {
    expect(normaliseInline('Caf&eacute; Kopi &amp; Teh: &euro;5 or &#8364;5 or &#x20AC;5 &hellip;')).toBe('Café Kopi & Teh: €5 or €5 or €5 …');
  });

  it('leaves an ampersand that starts no terminated entity alone', () => {
    expect(normaliseInline('AT&T and R&D &copy 2026 &bogus;')).toBe('AT&T and R&D &copy 2026 &bogus;');
  });
});

// Importing a .txt list of URLs: pages come from a loopback server opened by the
// allow-list switch; refused and malformed lines are reported, not fatal; a
// re-run finds everything already in the briefing without fetching again.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../scripts/import.js';
import { parseUrlList, planImport } from '../../src/fetch/import-sources.js';
import { createTempEngine, type TempEngine } from '../support/temp-engine.js';
import { html, startPageServer, type PageServer } from '../fetch/page-server.js';
import { ENGLISH_PAGE, INDONESIAN_PAGE } from '../fetch/news-pages.js';

const sink = { write: () => true };
let server: PageServer;
let t: TempEngine;
let dir: string;

beforeAll(async () => {
  server = await startPageServer();
  server.route('/id', html(INDONESIAN_PAGE));
  server.route('/en', html(ENGLISH_PAGE));
  t = await createTempEngine({ RINGKAS_SEED_ON_EMPTY: 'false', RINGKAS_FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  dir = mkdtempSync(path.join(tmpdir(), 'ringkas-urls-'));
});
afterAll(async () => {
  await t.cleanup();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('URL list import', () => {
  it('adds the pages, reports refusals with their reason, and is idempotent', async () => {
    const list = path.join(dir, 'links.txt');
    writeFileSync(
      list,
      [
        '# links from the weekly newsletter',
        `${server.origin}/id?utm_source=newsletter`,
        `${server.origin}/en   # English version`,
        `${server.origin}/id#comments`,
        'http://169.254.169.254/latest/meta-data/',
        `${server.origin}/gone`,
        '',
      ].join('\n'),
    );
    const plan = await planImport(list);
    expect(plan.kind).toBe('url-list');
    expect(plan.items.map((i) => i.label)).toHaveLength(5);

    const first = await runImport(t.engine, plan, sink);
    expect(first.added).toBe(2);
    expect(first.duplicates).toBe(1);
    expect(first.failed).toEqual([
      { label: 'http://169.254.169.254/latest/meta-data/', reason: 'That address is a link-local or cloud metadata address, so Ringkas will not fetch it.' },
      { label: `${server.origin}/gone`, reason: 'That page was not found (HTTP 404).' },
    ]);

    const fetchesBefore = server.hits.filter((h) => h !== '/gone').length;
    const again = await runImport(t.engine, await planImport(list), sink);
    expect(again).toMatchObject({ added: 0, duplicates: 3 });
    expect(server.hits.filter((h) => h !== '/gone').length).toBe(fetchesBefore);
    expect(t.engine.probe().articleCount()).toBe(2);
  });
});

describe('parseUrlList', () => {
  it('reads links, skipping comments and blank lines', () => {
    expect(parseUrlList('# list\nhttps://a.example/x#frag\n\n  http://b.example/y # note\n')).toEqual(['https://a.example/x#frag', 'http://b.example/y']);
  });

  it('keeps a stray non-link line so the summary can name it', () => {
    const lines = Array.from({ length: 9 }, (_, i) => `https://a.example/${i}`);
    expect(parseUrlList([...lines, 'www.example.com/oops'].join('\n'))).toContain('www.example.com/oops');
  });

  it('treats article text that merely mentions a link as an article', () => {
    expect(parseUrlList('Judul berita\n\nIsi berita panjang, lihat https://a.example/x untuk detail.\nParagraf kedua.')).toBeNull();
    expect(parseUrlList('# only a comment\n')).toBeNull();
  });
});

// Engine level: `/brief add <url>` through the real engine and the real safe
// fetcher, against a loopback page server opened by the allow-list switch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempEngine, adminCtx, type TempEngine } from '../support/temp-engine.js';
import type { Reply } from '../../src/model/reply.js';
import { html, startPageServer, type PageServer } from './page-server.js';
import { ENGLISH_EXPECTED, ENGLISH_PAGE, INDONESIAN_PAGE } from './news-pages.js';

let server: PageServer;
let t: TempEngine;

beforeAll(async () => {
  server = await startPageServer();
  server.route('/berita/ri-jepang', html(INDONESIAN_PAGE));
  server.route('/copy/ri-jepang', html(INDONESIAN_PAGE.replace(/<link rel="canonical"[^>]*>/, '')));
  server.route('/en/technicians', html(ENGLISH_PAGE));
  t = await createTempEngine({ RINGKAS_FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1', RINGKAS_FETCH_TIMEOUT_MS: '5000' });
});
afterAll(async () => {
  await t.cleanup();
  await server.close();
});

const count = () => t.engine.probe().articleCount();
const add = (url: string): Promise<Reply> => t.engine.run(`add ${url}`, adminCtx);

describe('adding by URL', () => {
  it('adds a page once; the same link with and without utm_ parameters stores one article', async () => {
    const before = count();
    const first = await add(`${server.origin}/berita/ri-jepang?utm_source=whatsapp&utm_medium=share`);
    expect(first).toMatchObject({ kind: 'added', duplicate: false });
    expect(count()).toBe(before + 1);

    const hits = server.hits.length;
    const again = await add(`${server.origin}/berita/ri-jepang`);
    expect(again.kind).toBe('added');
    if (again.kind !== 'added' || first.kind !== 'added') return;
    expect(again.duplicate).toBe(true);
    expect(again.card.id).toBe(first.card.id);

    const tracked = await add(`${server.origin}/berita/ri-jepang/?fbclid=1&utm_campaign=x#top`);
    expect(tracked).toMatchObject({ kind: 'added', duplicate: true });
    expect(count()).toBe(before + 1);
    // The second and third adds were answered from the canonical URL without fetching again.
    expect(server.hits.length).toBe(hits);
  });

  it('recognises the same article at another address by its content', async () => {
    const before = count();
    const reply = await add(`${server.origin}/copy/ri-jepang`);
    expect(reply).toMatchObject({ kind: 'added', duplicate: true });
    expect(count()).toBe(before);
  });

  it('adds a different article with the metadata read from the page', async () => {
    const reply = await add(`${server.origin}/en/technicians`);
    expect(reply.kind).toBe('added');
    if (reply.kind !== 'added') return;
    expect(reply.duplicate).toBe(false);
    expect(reply.card.headline).toBe(ENGLISH_EXPECTED.title);
    expect(reply.card.source).toBe(ENGLISH_EXPECTED.source);
    expect(reply.card.language).toBe('en');
  });

  it('answers a refused address with one clear sentence and stores nothing', async () => {
    const before = count();
    const reply = await add('http://169.254.169.254/latest/meta-data/');
    expect(reply).toEqual({ kind: 'message', tone: 'error', text: 'That address is a link-local or cloud metadata address, so Ringkas will not fetch it.' });
    expect(count()).toBe(before);
  });
});

// A text/html answer with nothing in it (empty, whitespace, a bare doctype) must
// get one clear sentence, not a DOM library's TypeError as "Something went wrong".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFromFile } from '../../src/fetch/article-from-file.js';
import { adminCtx, createTempEngine, type TempEngine } from '../support/temp-engine.js';
import { html, startPageServer, type PageServer } from './page-server.js';

const EMPTY_BODIES = { '/empty': '', '/blank': ' \n\t\n', '/doctype': '<!doctype html>', '/comment': '<!-- nothing yet -->' };

let server: PageServer;
let t: TempEngine;

beforeAll(async () => {
  server = await startPageServer();
  for (const [path, body] of Object.entries(EMPTY_BODIES)) server.route(path, html(body));
  t = await createTempEngine({ RINGKAS_FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1', RINGKAS_FETCH_TIMEOUT_MS: '5000' });
});
afterAll(async () => {
  await t.cleanup();
  await server.close();
});

describe('an HTML page with an empty body', () => {
  it.each(Object.keys(EMPTY_BODIES))('%s: says the page has no article text and stores nothing', async (path) => {
    const before = t.engine.probe().articleCount();
    const reply = await t.engine.run(`add ${server.origin}${path}`, adminCtx);
    expect(reply).toEqual({ kind: 'message', tone: 'error', text: 'Ringkas found no article text on that page.' });
    expect(t.engine.probe().articleCount()).toBe(before);
  });

  it('an empty .html file reads as no text instead of throwing', () => {
    for (const body of Object.values(EMPTY_BODIES)) expect(articleFromFile('empty.html', body).text).toBe('');
  });
});

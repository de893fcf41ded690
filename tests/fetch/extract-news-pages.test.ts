// Real fetches from a loopback page server (listed in the allow-list) of
// test-written news pages: metadata and a clean body must come out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSafeFetcher } from '../../src/fetch/safe-fetch.js';
import type { ArticleFetcher } from '../../src/fetch/article-fetcher.js';
import { html, startPageServer, type PageServer } from './page-server.js';
import { fakeResolver, testFetchConfig } from './fetch-config.js';
import {
  CLUTTER_WORDS, ENGLISH_EXPECTED, ENGLISH_PAGE, INDONESIAN_EXPECTED, INDONESIAN_PAGE, NO_TITLE_EXPECTED, NO_TITLE_PAGE,
} from './news-pages.js';

let server: PageServer;
let fetchArticle: ArticleFetcher;

beforeAll(async () => {
  server = await startPageServer();
  server.route('/id', html(INDONESIAN_PAGE));
  server.route('/en', html(ENGLISH_PAGE));
  server.route('/no-title', html(NO_TITLE_PAGE));
  // The outlet's own name resolves (fakely) to the loopback server, which the allow-list opens.
  const { resolve } = fakeResolver({ 'www.kompas.example': ['127.0.0.1'] });
  fetchArticle = createSafeFetcher(testFetchConfig({ allowPrivateHosts: ['127.0.0.1', 'www.kompas.example'] }), undefined, { resolve });
});
afterAll(() => server.close());

function expectClean(text: string, paragraphs: string[]) {
  expect(text.split('\n')).toEqual(paragraphs);
  for (const word of CLUTTER_WORDS) expect(text).not.toContain(word);
}

describe('news page extraction', () => {
  it('reads an Indonesian page with heavy clutter, JSON-LD and og tags', async () => {
    const a = await fetchArticle(`http://www.kompas.example:${server.port}/id?utm_source=wa&fbclid=abc#comments`);
    expect(a.title).toBe(INDONESIAN_EXPECTED.title);
    expect(a.source).toBe(INDONESIAN_EXPECTED.source);
    expect(a.publishedDate).toBe(INDONESIAN_EXPECTED.publishedDate);
    expectClean(a.text, INDONESIAN_EXPECTED.paragraphs);
    expect(a.canonicalUrl).toBe(INDONESIAN_EXPECTED.canonicalUrl);
    expect(a.link).toBe(`http://www.kompas.example:${server.port}/id`);
  });

  it('reads an English page from og: and article: tags alone', async () => {
    const a = await fetchArticle(`${server.origin}/en`);
    expect(a.title).toBe(ENGLISH_EXPECTED.title);
    expect(a.source).toBe(ENGLISH_EXPECTED.source);
    expect(a.publishedDate).toBe(ENGLISH_EXPECTED.publishedDate);
    expectClean(a.text, ENGLISH_EXPECTED.paragraphs);
  });

  it('finds the headline of a page with no <title> in its <h1>, and the date in <time>', async () => {
    const a = await fetchArticle(`${server.origin}/no-title`);
    expect(a.title).toBe(NO_TITLE_EXPECTED.title);
    expect(a.source).toBe(NO_TITLE_EXPECTED.source);
    expect(a.publishedDate).toBe(NO_TITLE_EXPECTED.publishedDate);
    expectClean(a.text, NO_TITLE_EXPECTED.paragraphs);
    expect(a.canonicalUrl).toBe(`${server.origin}/no-title`);
  });

  it('ignores a canonical link that points at the home page', async () => {
    server.route('/home-canonical', html(INDONESIAN_PAGE.replace(/<link rel="canonical"[^>]*>/, '<link rel="canonical" href="https://kompas.example/">')));
    const a = await fetchArticle(`${server.origin}/home-canonical?utm_campaign=x`);
    expect(a.canonicalUrl).toBe(`${server.origin}/home-canonical`);
  });
});

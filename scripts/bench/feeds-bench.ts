// Feed figures (npm run bench feeds): 50 feeds x 100 items on loopback sites, through
// the whole pipeline (conditional feed fetch, parse, guarded article fetch, cleaning,
// summary, relevance, store). First poll: time and articles/s; second poll with
// nothing changed (all 304s): time and requests; memory after the 5,000 articles.
// Each feed has its own loopback address (127.0.0.N), as feeds have their own hosts
// and polling is one request at a time per host.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/engine.js';
import { plainText } from '../../src/model/text.js';
import { generateArticle } from './synthetic-corpus.js';

const FEEDS = 50;
const ITEMS = 100;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

interface Site {
  origin: string;
  requests: number;
  notModified: number;
  server: http.Server;
}

async function startSite(n: number): Promise<Site> {
  const host = `127.0.0.${n + 2}`;
  const site: Site = { origin: '', requests: 0, notModified: 0, server: http.createServer() };
  const pages = new Map<string, string>();
  const items: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const a = generateArticle(n * ITEMS + i);
    const [title = '', ...paragraphs] = a.text.split('\n').filter(Boolean);
    const p = `/news/${i}`;
    pages.set(p, `<!DOCTYPE html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs.map((x) => `<p>${x}</p>`).join('')}</article></body></html>`);
    items.push(`<item><title>${title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title><link>${p}</link><pubDate>${new Date(Date.UTC(2026, 10, 30) - i * 3_600_000).toUTCString()}</pubDate></item>`);
  }
  const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench ${n}</title>${items.join('')}</channel></rss>`;
  const etag = `"bench-${n}"`;
  site.server.on('request', (req, res) => {
    site.requests++;
    if (req.url === '/feed.xml') {
      if (req.headers['if-none-match'] === etag) {
        site.notModified++;
        res.writeHead(304, { etag }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(feed);
      return;
    }
    const page = pages.get(req.url ?? '');
    if (!page) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => site.server.listen(0, host, resolve));
  site.origin = `http://${host}:${(site.server.address() as AddressInfo).port}`;
  return site;
}

export default async function feedsBench(print: (line: string) => void): Promise<void> {
  const sites = await Promise.all(Array.from({ length: FEEDS }, (_, n) => startSite(n)));
  const dir = mkdtempSync(path.join(tmpdir(), 'ringkas-feeds-bench-'));
  const clock = fixedClock('2026-11-30T06:00:00Z');
  const config = loadConfig({
    env: { RINGKAS_DATA_DIR: dir, RINGKAS_SEED_ON_EMPTY: 'false', RINGKAS_FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.0/8', RINGKAS_FEED_FIRST_POLL_ITEMS: String(ITEMS) },
    cwd: root,
    envFile: null,
  });
  const engine = await Engine.open({ config, clock });
  const admin = { actor: { platform: 'shell' as const, id: 'bench', isAdmin: true } };
  try {
    // Every item is taken ("all"), so the 5,000 articles land and the memory figure is for 5,000;
    // the relevance check a filtered feed adds is one tagger pass over text already in memory.
    for (const s of sites) {
      const reply = await engine.run(`feed add ${s.origin}/feed.xml all`, admin);
      if (reply.kind !== 'message' || !plainText(reply.text).startsWith('Now following')) throw new Error(`feed add failed: ${JSON.stringify(reply).slice(0, 200)}`);
    }
    const feeds = await engine.probe().feeds();
    const before = engine.probe().articleCount();
    const requests = () => sites.reduce((n, s) => n + s.requests, 0);
    const r0 = requests();
    let t = performance.now();
    await feeds.pollDue();
    const firstMs = performance.now() - t;
    const added = engine.probe().articleCount() - before;
    const skipped = feeds.list().reduce((n, f) => n + f.log.reduce((m, l) => m + l.skipped, 0), 0);
    print(`  first poll, ${FEEDS} feeds x ${ITEMS} items: ${(firstMs / 1000).toFixed(1)} s, ${added} added + ${skipped} skipped as off-topic, ${((added + skipped) / (firstMs / 1000)).toFixed(1)} articles/s through the pipeline, ${requests() - r0} requests`);

    clock.advance(2 * 3_600_000);
    const r1 = requests();
    const n304 = sites.reduce((n, s) => n + s.notModified, 0);
    t = performance.now();
    await feeds.pollDue();
    const secondMs = performance.now() - t;
    print(`  second poll, nothing changed: ${secondMs.toFixed(0)} ms, ${requests() - r1} requests (${sites.reduce((n, s) => n + s.notModified, 0) - n304} answered 304), ${engine.probe().articleCount() - before - added} articles added`);

    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    print(`  memory with ${engine.probe().articleCount()} feed-added articles: rss ${(m.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(m.heapUsed / 2 ** 20).toFixed(0)} MiB${(globalThis as { gc?: unknown }).gc ? ' (after gc)' : ''}`);
    await feeds.idle();
  } finally {
    await engine.close();
    await Promise.all(sites.map((s) => new Promise<void>((resolve) => { s.server.closeAllConnections(); s.server.close(() => resolve()); })));
    rmSync(dir, { recursive: true, force: true });
  }
}

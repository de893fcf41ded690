// Writing the derived-data snapshot while the bot runs: the build gives the
// event loop turns (other work runs meanwhile), a change during the build is
// never written half-applied, and what is written reads back row for row.
import { existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBriefs } from '../../src/briefs/load-briefs.js';
import { readScopeSides, scopeOf } from '../../src/briefs/scope.js';
import { fixedClock } from '../../src/clock.js';
import type { Config } from '../../src/config.js';
import { Engine } from '../../src/engine.js';
import { createLogger } from '../../src/logger.js';
import { loadLexicon } from '../../src/search/lexicon.js';
import { derivationInputs, openDerivedIndexes, type DerivedIndexes } from '../../src/snapshot/derived-indexes.js';
import { readSnapshot, SNAPSHOT_FILE } from '../../src/snapshot/snapshot-file.js';
import { SnapshotWriter } from '../../src/snapshot/snapshot-writer.js';
import type { BriefingStore } from '../../src/store/briefing-store.js';
import { openStore } from '../../src/store/open-store.js';
import { makeArticleText } from '../support/article-text.js';
import { adminCtx, tempConfig } from '../support/temp-engine.js';

let dir: string;
let config: Config;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ringkas-snapshot-writer-'));
  ({ config } = tempConfig({ RINGKAS_SEED_ON_EMPTY: 'true' }, dir));
  const engine = await Engine.open({ config, clock: fixedClock('2026-12-03T02:00:00Z') });
  for (let i = 0; i < 12; i++) await engine.execute({ name: 'add', input: { kind: 'text', text: makeArticleText(i) } }, adminCtx);
  await engine.close();
  unlinkSync(path.join(dir, SNAPSHOT_FILE));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Opened extends DerivedIndexes {
  store: BriefingStore;
  writer: SnapshotWriter;
  events: Record<string, unknown>[];
}

/** The store and its indexes built from the text, with a writer that gives the loop a turn at every step. */
async function open(): Promise<Opened> {
  const events: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      events.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger({ destination });
  const store = await openStore(config, logger);
  const briefs = loadBriefs(config.briefsDir);
  const lexicon = loadLexicon(config.lexiconFile);
  const scopeSides = readScopeSides(config.briefsDir);
  const derived = await openDerivedIndexes({ store, briefs, lexicon, scope: scopeOf(scopeSides), scopeSides, logger });
  await derived.stories.whenIndexed();
  const file = path.join(dir, SNAPSHOT_FILE);
  const writer = new SnapshotWriter({ file, inputs: derivationInputs({ briefs, lexicon, scopeSides }), store, index: derived.index, stories: derived.stories, logger, upToDate: false, sliceMs: 0 });
  return { ...derived, store, writer, events };
}

async function closeAll(o: Opened): Promise<void> {
  o.stories.stop();
  await o.store.close();
}

describe('snapshot writer', () => {
  it('gives the event loop turns while it builds, and writes every article as the index holds them', async () => {
    const o = await open();
    await o.writer.close();
    const n = o.store.articleCount;
    // The loop had a turn at least once per article (the rows are built one by one), more for the terms.
    const written = o.events.find((e) => e.event === 'derived_snapshot_written') as { articles: number; slices: number };
    expect(written.articles).toBe(n);
    expect(written.slices).toBeGreaterThan(n);
    const read = await readSnapshot(path.join(dir, SNAPSHOT_FILE));
    expect(read.kind === 'ok' && read.snapshot.ids).toEqual([...o.store.listArticles()].map((a) => a.id));
    await closeAll(o);
  }, 60_000);

  it('drops a build an index change lands in and writes the index as it is after the change', async () => {
    unlinkSync(path.join(dir, SNAPSHOT_FILE));
    const o = await open();
    const first = [...o.store.listArticles()][0]!;
    const whole = { ...first, body: o.store.readBody(first.id)! };
    // In the build's first pause: the first article indexed again, so it moves to the last slot.
    setImmediate(() => {
      o.index.remove(first.id);
      o.index.add(whole);
    });
    await o.writer.close();
    const read = await readSnapshot(path.join(dir, SNAPSHOT_FILE));
    if (read.kind !== 'ok') throw new Error(`snapshot not written: ${read.kind}`);
    const ids = [...o.store.listArticles()].map((a) => a.id);
    expect(read.snapshot.ids).toEqual([...ids.slice(1), first.id]);
    expect(existsSync(`${path.join(dir, SNAPSHOT_FILE)}.${process.pid}.tmp`)).toBe(false);
    await closeAll(o);
  }, 60_000);
});

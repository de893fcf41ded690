// A first open (no derived-data snapshot) closed before its background story
// build is done still writes a snapshot: rows the build had not reached go
// without their story signals, marked so in their stamp. The next start takes
// every row's search part, reads only the missing signals from the text, and
// answers exactly as a start from the text; the snapshot it writes once its
// build is done holds every article's signals again.
import { cpSync, existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBriefs } from '../../src/briefs/load-briefs.js';
import { readScopeSides, scopeOf } from '../../src/briefs/scope.js';
import { fixedClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { loadLexicon } from '../../src/search/lexicon.js';
import { openDerivedIndexes } from '../../src/snapshot/derived-indexes.js';
import { openStore } from '../../src/store/open-store.js';
import type { Reply } from '../../src/model/reply.js';
import { articleStamp, readSnapshot, signalsAt, SNAPSHOT_FILE, stampWithoutSignals } from '../../src/snapshot/snapshot-file.js';
import type { StoredSignals } from '../../src/stories/story-signals.js';
import { generatedArticle } from '../import/generated-articles.js';
import { answers, openLoggedEngine, type LoggedEngine } from '../support/logged-engine.js';
import { adminCtx, tempConfig } from '../support/temp-engine.js';

const clock = fixedClock('2026-12-03T02:00:00Z');
const STORED = 200;
const dirs: string[] = [];
let original: string;

const open = (dir: string): Promise<LoggedEngine> => openLoggedEngine(tempConfig({ RINGKAS_SEED_ON_EMPTY: 'false' }, dir).config, clock);
const event = (o: LoggedEngine, name: string) => o.events.findLast((e) => e.event === name);
const built = (o: LoggedEngine) => event(o, 'derived_indexes_built') as { fromSnapshot: number; fromText: number; signalsFromText: number };

function copyOf(dir: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'ringkas-early-close-'));
  cpSync(dir, copy, { recursive: true });
  dirs.push(copy);
  return copy;
}

function withoutSnapshot(dir: string): string {
  const file = path.join(dir, SNAPSHOT_FILE);
  if (existsSync(file)) unlinkSync(file);
  return dir;
}

/** Answers of a start from the text of a copy of `dir`, and the copy (with the snapshot that start wrote). */
async function answersFromText(dir: string): Promise<{ replies: Reply[]; copy: string }> {
  const copy = withoutSnapshot(copyOf(dir));
  const o = await open(copy);
  expect(built(o).fromSnapshot).toBe(0);
  const replies = await answers(o.engine);
  await o.engine.close();
  return { replies, copy };
}

/** Every row's story signals in the snapshot of `dir`, by article id. */
async function signalsIn(dir: string): Promise<Map<string, StoredSignals>> {
  const read = await readSnapshot(path.join(dir, SNAPSHOT_FILE));
  if (read.kind !== 'ok') throw new Error(read.kind);
  return new Map(read.snapshot.ids.map((id, i) => [id, signalsAt(read.snapshot, i)]));
}

beforeAll(async () => {
  original = mkdtempSync(path.join(tmpdir(), 'ringkas-early-close-'));
  dirs.push(original);
  const o = await open(original);
  for (let n = 0; n < STORED; n++) {
    const { title, body } = generatedArticle(n);
    await o.engine.execute({ name: 'add', input: { kind: 'text', text: `${title}\n\n${body}` } }, adminCtx);
  }
  await o.engine.close();
  withoutSnapshot(original);
}, 120_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * Opens `dir`'s store and indexes as the engine does, lets the background story
 * build read some but not all signals, and closes (writing the snapshot).
 * Returns how many signals were read.
 */
async function closeDuringStoryBuild(dir: string): Promise<number> {
  const { config } = tempConfig({ RINGKAS_SEED_ON_EMPTY: 'false' }, dir);
  const logger = createLogger({ level: 'silent' });
  const store = await openStore(config, logger);
  const briefs = loadBriefs(config.briefsDir);
  const lexicon = loadLexicon(config.lexiconFile);
  const scopeSides = readScopeSides(config.briefsDir);
  const { stories, snapshots } = await openDerivedIndexes({ store, briefs, lexicon, scope: scopeOf(scopeSides), scopeSides, logger });
  const total = store.articleCount;
  while (stories.stats().pendingSignals > total / 2) await new Promise((resolve) => setImmediate(resolve));
  stories.stop();
  const read = total - stories.stats().pendingSignals;
  await snapshots!.close();
  await store.close();
  return read;
}

describe('a snapshot written at close before the story build is done', () => {
  it('holds the signals read so far; the next start reads only the others and answers exactly as a start from the text', async () => {
    const dir = copyOf(original);
    const read = await closeDuringStoryBuild(dir);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(STORED);
    const fromText = await answersFromText(dir);
    const next = await open(dir);
    expect(built(next)).toMatchObject({ fromSnapshot: STORED, fromText: 0, signalsFromText: STORED - read });
    expect(await answers(next.engine)).toEqual(fromText.replies);
    await next.engine.close();
    expect(await signalsIn(dir)).toEqual(await signalsIn(fromText.copy));
  }, 120_000);

  it('is written by an engine closed at once, and the next start takes it and answers exactly as a start from the text', async () => {
    const dir = copyOf(original);
    const first = await open(dir);
    const count = first.engine.probe().articleCount();
    // Closed at once: the background story build has not read every article's signals.
    expect(first.engine.probe().storedArticlesIndexed()).toBe(false);
    await first.engine.close();
    expect(event(first, 'derived_snapshot_written')).toMatchObject({ articles: count });
    const read = await readSnapshot(path.join(dir, SNAPSHOT_FILE));
    if (read.kind !== 'ok') throw new Error(read.kind);
    const stamps = new Map(read.snapshot.ids.map((id, i) => [id, read.snapshot.stamps[i]!]));
    const articles = first.engine.probe().articles();
    const marked = articles.filter((a) => stamps.get(a.id) === stampWithoutSignals(articleStamp(a))).length;
    expect(marked).toBeGreaterThan(0);
    expect(marked + articles.filter((a) => stamps.get(a.id) === articleStamp(a)).length).toBe(count);

    const fromText = await answersFromText(dir);
    const second = await open(dir);
    expect(built(second)).toMatchObject({ fromSnapshot: count, fromText: 0, signalsFromText: marked });
    expect(await answers(second.engine)).toEqual(fromText.replies);
    await second.engine.close();
    // The signals it read (and the ones it took) are a start from the text's, row for row.
    expect(await signalsIn(dir)).toEqual(await signalsIn(fromText.copy));

    // The add in the answers waited for the story build: the snapshot written at that close has every signal.
    const third = await open(dir);
    expect(built(third)).toMatchObject({ fromSnapshot: count + 1, fromText: 0, signalsFromText: 0 });
    await third.engine.close();
  }, 120_000);
});

// After a first open (no derived-data snapshot) the stored articles' story
// signals and near-duplicate filing are built in the background. An add that
// comes meanwhile waits for that build without taking the event loop from other
// commands, and answers exactly as it would once the build is done: the same
// duplicate, the same story, the same card, whatever part of the build was done.
import { cpSync, existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { Reply } from '../../src/model/reply.js';
import { SNAPSHOT_FILE } from '../../src/snapshot/snapshot-file.js';
import { generatedArticle } from '../import/generated-articles.js';
import { openLoggedEngine, type LoggedEngine } from '../support/logged-engine.js';
import { adminCtx, tempConfig, userCtx } from '../support/temp-engine.js';

const clock = fixedClock('2026-12-03T02:00:00Z');
const STORED = 240;
const dirs: string[] = [];
let original: string;

const text = (n: number) => {
  const { title, body } = generatedArticle(n);
  return `${title}\n\n${body}`;
};
const HARBOUR_ID = [
  'Menhub dan Menteri Transportasi Korea Selatan bahas pelabuhan',
  'Menteri Perhubungan Budi Santoso Wijaya bertemu Menteri Transportasi Korea Selatan Park Jae-won di Busan, Jumat (14/3/2025), membahas proyek Pelabuhan Hijau (GPP).',
  'Kapasitas pelabuhan saat ini 12.000 kontainer per hari dan ditargetkan naik menjadi 20.000 kontainer per hari.',
].join('\n\n');
const HARBOUR_EN = [
  'Indonesia, South Korea discuss green ports',
  "Indonesia's Transport Minister Budi Santoso Wijaya met South Korean Transport Minister Park Jae-won in Busan on March 14, 2025 to discuss the Green Port Project (GPP).",
  'Port capacity now stands at 12,000 containers per day and is set to rise to 20,000 containers per day.',
].join('\n\n');

/** What the adds are: a stored article with a word changed, another report of a stored event, a new article, a stored text again. */
const ADDS = [text(37).replace('will invest', 'is to invest'), HARBOUR_EN, text(5000), text(12)];

const open = (dir: string): Promise<LoggedEngine> => openLoggedEngine(tempConfig({ RINGKAS_SEED_ON_EMPTY: 'false' }, dir).config, clock);

function copyOf(dir: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'ringkas-add-build-'));
  cpSync(dir, copy, { recursive: true });
  dirs.push(copy);
  return copy;
}

async function addAll(o: LoggedEngine): Promise<Reply[]> {
  const out: Reply[] = [];
  for (const t of ADDS) out.push(await o.engine.execute({ name: 'add', input: { kind: 'text', text: t } }, adminCtx));
  out.push(await o.engine.execute({ name: 'brief', query: 'green port' }, userCtx));
  return out;
}

const waited = (o: LoggedEngine) => o.events.find((e) => e.event === 'add_waited_for_stored_articles') as { pendingSignals: number } | undefined;

beforeAll(async () => {
  original = mkdtempSync(path.join(tmpdir(), 'ringkas-add-build-'));
  dirs.push(original);
  const o = await open(original);
  await o.engine.execute({ name: 'add', input: { kind: 'text', text: HARBOUR_ID } }, adminCtx);
  for (let n = 0; n < STORED; n++) await o.engine.execute({ name: 'add', input: { kind: 'text', text: text(n) } }, adminCtx);
  await o.engine.close();
  // No snapshot: the next open is a first open, which builds stories and the near-duplicate filing in the background.
  const file = path.join(original, SNAPSHOT_FILE);
  if (existsSync(file)) unlinkSync(file);
}, 120_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('an add during the background build of a first open', () => {
  it('answers as after the build, whatever part of it was done, and look-ups are answered while it waits', async () => {
    const settled = await open(copyOf(original));
    while (!settled.engine.probe().storedArticlesIndexed()) await new Promise((resolve) => setTimeout(resolve, 5));
    const want = await addAll(settled);
    await settled.engine.close();
    expect(waited(settled)).toBeUndefined();
    // The adds found what they should: a near-duplicate, a story joined, a new article, the same text.
    const [near, report, fresh, same] = want;
    expect(near).toMatchObject({ kind: 'added', duplicate: true });
    expect(report?.kind === 'added' && !report.duplicate && report.card.alsoReportedBy.length).toBe(1);
    expect(fresh).toMatchObject({ kind: 'added', duplicate: false });
    expect(same).toMatchObject({ kind: 'added', duplicate: true });

    const pendingSeen = new Set<number>();
    // The first eight delays always run; the rest only until three part-built states were seen (how far a build gets
    // in a few ms depends on the machine's load, and one run in four on a loaded machine saw only two).
    const delays = [0, 0, 2, 5, 10, 20, 40, 80, 1, 3, 7, 15, 30, 60, 120];
    for (let i = 0; i < delays.length && (i < 8 || pendingSeen.size <= 2); i++) {
      const delayMs = delays[i]!;
      const o = await open(copyOf(original));
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const indexedBefore = o.engine.probe().storedArticlesIndexed();
      const order: string[] = [];
      const adding = addAll(o).then((r) => (order.push('add'), r));
      const lookup = o.engine.execute({ name: 'brief', query: 'battery cells' }, userCtx).then(() => order.push('look-up'));
      const [got] = await Promise.all([adding, lookup]);
      await o.engine.close();
      expect(got).toEqual(want);
      const w = waited(o);
      if (!indexedBefore) {
        expect(w).toBeDefined();
        pendingSeen.add(w!.pendingSignals);
        // The look-up came after the add and was answered before it: the add did not hold the event loop.
        expect(order).toEqual(['look-up', 'add']);
      }
    }
    // Several part-built states were seen, not just "none".
    expect(pendingSeen.size).toBeGreaterThan(2);
  }, 120_000);

  it('ends when the engine closes while it waits, stored or refused, never hanging', async () => {
    const dir = copyOf(original);
    const o = await open(dir);
    expect(o.engine.probe().storedArticlesIndexed()).toBe(false);
    const adding = o.engine.execute({ name: 'add', input: { kind: 'text', text: text(6000) } }, adminCtx);
    await o.engine.close();
    const reply = await adding;
    const again = await open(dir);
    const stored = again.engine.probe().articles().some((a) => a.title.includes('plant number 6000'));
    await again.engine.close();
    // Stored, and then said so, or not stored, and said it failed.
    expect(reply.kind === 'added' ? stored : !stored).toBe(true);
  }, 60_000);
});

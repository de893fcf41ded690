// A full disk and a folder the bot may not write: the user gets one sentence, and
// memory (list, duplicates, search, stories) holds exactly what the disk holds.
import { pino } from 'pino';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine.js';
import { createLogger } from '../../src/logger.js';
import type { Reply } from '../../src/model/reply.js';
import { StoreError } from '../../src/store/store-errors.js';
import { makeArticleText } from '../support/article-text.js';
import { adminCtx, tempConfig } from '../support/temp-engine.js';
import { mountTinyDisk, type TinyDisk } from '../support/tiny-disk.js';

const disks: TinyDisk[] = [];
const engines: Engine[] = [];
const logs: ReturnType<typeof pino.destination>[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
  // The log's file must be closed before the disk can be unmounted.
  for (const l of logs.splice(0)) await new Promise<void>((resolve) => l.once('close', () => resolve()).destroy());
  for (const d of disks.splice(0)) d.unmount();
});

/** An engine whose data folder and log file (as the shell keeps it) are on a 2 MB disk. */
async function engineOnTinyDisk(): Promise<{ disk: TinyDisk; engine: Engine; dataDir: string }> {
  const disk = mountTinyDisk(2048);
  disks.push(disk);
  const dataDir = path.join(disk.dir, 'data');
  mkdirSync(dataDir);
  const { config } = tempConfig({ RINGKAS_SEED_ON_EMPTY: 'false' }, dataDir);
  const log = pino.destination({ dest: path.join(dataDir, 'ringkas.log'), sync: true });
  logs.push(log);
  const logger = createLogger({ destination: log as unknown as NodeJS.WritableStream });
  const engine = await Engine.open({ config, logger });
  engines.push(engine);
  return { disk, engine, dataDir };
}

const add = (engine: Engine, i: number) => engine.execute({ name: 'add', input: { kind: 'text', text: makeArticleText(i) } }, adminCtx);
const total = async (engine: Engine) => {
  const r = await engine.execute({ name: 'list', page: 1 }, adminCtx);
  return r.kind === 'articles' ? r.total : -1;
};
const found = async (engine: Engine, query: string, id: string) => {
  const r = await engine.execute({ name: 'brief', query }, adminCtx);
  return r.kind === 'cards' && r.cards.some((c) => c.id === id);
};
const idOf = (r: Reply) => {
  if (r.kind !== 'added') throw new Error(`expected an added card, got ${JSON.stringify(r)}`);
  return r.card.id;
};

describe('a full disk', () => {
  it('refuses the add in one sentence and leaves no ghost: not listed, not a duplicate, not searchable; look-ups go on', async () => {
    const { disk, engine } = await engineOnTinyDisk();
    const kept = idOf(await add(engine, 1));
    disk.fill();

    const failed = await add(engine, 2);
    expect(failed).toEqual({ kind: 'message', tone: 'error', text: 'Could not save: the disk is full; nothing was changed.' });
    expect(await total(engine)).toBe(1);
    expect(await found(engine, 'Kabar industri nomor 2', 'anything')).toBe(false);
    expect(await add(engine, 2)).toEqual(failed); // not "already in the briefing"
    expect(await found(engine, 'Industry update number 1', kept)).toBe(true);

    const removal = await engine.execute({ name: 'remove', id: kept }, adminCtx);
    expect(removal).toEqual({ kind: 'message', tone: 'error', text: 'Could not save: the disk is full; nothing was changed.' });
    expect(await total(engine)).toBe(1);
    expect(await found(engine, 'Industry update number 1', kept)).toBe(true);

    disk.free();
    const added = idOf(await add(engine, 2));
    expect(await found(engine, 'Kabar industri nomor 2', added)).toBe(true);
    expect(await engine.execute({ name: 'remove', id: kept }, adminCtx)).toMatchObject({ tone: 'success' });
    expect(await total(engine)).toBe(1);
  });

  it('what was answered is what a restart finds', async () => {
    const { disk, engine } = await engineOnTinyDisk();
    const answers = await Promise.all([1, 2, 3].map((i) => add(engine, i)));
    disk.fill();
    const more = await Promise.all([4, 5, 6, 7].map((i) => add(engine, i)));
    const saved = [...answers, ...more].filter((r) => r.kind === 'added').length;
    expect(saved).toBe(3);
    expect(await total(engine)).toBe(3);
    await engines.pop()!.close();
    disk.free();
    const { config } = tempConfig({ RINGKAS_SEED_ON_EMPTY: 'false' }, path.join(disk.dir, 'data'));
    const again = await Engine.open({ config });
    engines.push(again);
    expect(await total(again)).toBe(3);
  });

  it('stops a start that cannot write, naming the file', async () => {
    const disk = mountTinyDisk(256);
    disks.push(disk);
    disk.fill();
    const { config } = tempConfig({ RINGKAS_SEED_ON_EMPTY: 'false' }, path.join(disk.dir, 'data'));
    const err = await Engine.open({ config }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).userMessage).toMatch(new RegExp(`${disk.dir}/data/\\S+ could not be (written|created): the disk is full`));
  });
});

describe('a folder the bot may not write', () => {
  it('says which file it could not write, and changes nothing', async () => {
    const { disk, engine: first, dataDir } = await engineOnTinyDisk();
    const kept = idOf(await add(first, 1));
    // A restart: the add journal was folded into the shards at close, so the next add starts a journal file.
    await engines.pop()!.close();
    const engine = await Engine.open({ config: tempConfig({ RINGKAS_SEED_ON_EMPTY: 'false' }, dataDir).config });
    engines.push(engine);
    disk.immutable(path.join(dataDir, 'articles'), true);

    const failed = await add(engine, 2);
    expect(failed).toMatchObject({ kind: 'message', tone: 'error' });
    expect(failed.kind === 'message' && failed.text).toMatch(/^No permission to write articles\/journal-\d+\.jsonl in the data folder; nothing was changed\.$/);
    expect(await total(engine)).toBe(1);
    expect(await engine.execute({ name: 'remove', id: kept }, adminCtx)).toMatchObject({ tone: 'error' });
    expect(await found(engine, 'Industry update number 1', kept)).toBe(true);

    disk.immutable(path.join(dataDir, 'articles'), false);
    expect((await add(engine, 2)).kind).toBe('added');
  });
});

describe('logging on a full disk', () => {
  it('drops lines from a sync destination instead of throwing into the caller, and says so once it can write again', async () => {
    const disk = mountTinyDisk(256);
    disks.push(disk);
    const file = path.join(disk.dir, 'ringkas.log');
    const dest = pino.destination({ dest: file, sync: true });
    logs.push(dest);
    const logger = createLogger({ destination: dest as unknown as NodeJS.WritableStream });
    disk.fill();
    for (let i = 0; i < 50; i++) expect(() => logger.error({ event: 'command_failed', i, detail: 'x'.repeat(200) }, 'command failed')).not.toThrow();
    disk.free();
    logger.info({ event: 'after' }, 'after');
    expect(readFileSync(file, 'utf8')).toMatch(/"event":"log_lines_dropped","count":\d+/);
  });

  it('survives the error event of a stream destination (it would end the process)', async () => {
    const disk = mountTinyDisk(256);
    disks.push(disk);
    const stream = createWriteStream(path.join(disk.dir, 'ringkas.log'));
    const logger = createLogger({ destination: stream });
    disk.fill();
    for (let i = 0; i < 50; i++) logger.error({ event: 'command_failed', i, detail: 'x'.repeat(200) }, 'command failed');
    // A failed fs stream destroys itself: 'close' follows the 'error'; an unhandled 'error' fails this run.
    await new Promise<void>((resolve) => stream.once('close', () => resolve()));
    expect(() => logger.info({ event: 'after' }, 'after')).not.toThrow();
  });
});

// An engine opened with its log lines collected, and what users see of it: the
// two derived-data tests (snapshot file, shared rows) compare starts by these.
import { Writable } from 'node:stream';
import type { Clock } from '../../src/clock.js';
import type { Config } from '../../src/config.js';
import { Engine } from '../../src/engine.js';
import { createLogger, type Logger } from '../../src/logger.js';
import type { Reply } from '../../src/model/reply.js';
import { makeArticleText } from './article-text.js';
import { adminCtx, userCtx } from './temp-engine.js';

export interface LoggedEngine {
  engine: Engine;
  events: Record<string, unknown>[];
}

/** A logger whose lines are collected, parsed, in `events`. */
export function withLogger(): { logger: Logger; events: Record<string, unknown>[] } {
  const events: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      events.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ destination }), events };
}

export async function openLoggedEngine(config: Config, clock: Clock): Promise<LoggedEngine> {
  const { logger, events } = withLogger();
  const engine = await Engine.open({ config, clock, logger });
  return { engine, events };
}

/** The last log line of this event. */
export const lastEvent = (o: LoggedEngine, name: string) => o.events.findLast((e) => e.event === name);

/** How the start took its derived data (the derived_indexes_built line). */
export const builtFrom = (o: LoggedEngine) => lastEvent(o, 'derived_indexes_built') as { fromSnapshot: number; fromText: number };

/** Look-ups covering exact words, both languages, a brief and a typo. */
export const ANSWER_QUERIES = ['kendaraan listrik', 'hidrogen', 'IJEPA', 'baterai', 'battery investment', 'investasi jepang', 'industri otomotif', 'otomotf'];

export const addNumbered = (engine: Engine, i: number) => engine.execute({ name: 'add', input: { kind: 'text', text: makeArticleText(i) } }, adminCtx);

/** Stored articles with a word changed (near-duplicates: their cards answer) and new ones, added one after another. */
export async function nearDuplicateAnswers(o: LoggedEngine): Promise<Reply[]> {
  const texts = [makeArticleText(5).replace(' unit 2.', ' units 2.'), makeArticleText(800), makeArticleText(11).replace(' unit 4.', ' units 4.'), makeArticleText(0).replace(' unit 1.', ' units 1.'), makeArticleText(801), makeArticleText(800).replace(' unit 3.', ' units 3.')];
  const out: Reply[] = [];
  for (const text of texts) out.push(await o.engine.execute({ name: 'add', input: { kind: 'text', text } }, adminCtx));
  return out;
}

/** What users see: look-ups (with cards and their other reports), the list, and the card of a new article. */
export async function answers(engine: Engine): Promise<Reply[]> {
  const out: Reply[] = [];
  for (const query of ANSWER_QUERIES) out.push(await engine.execute({ name: 'brief', query }, userCtx));
  out.push(await engine.execute({ name: 'list', page: 1 }, adminCtx));
  out.push(await addNumbered(engine, 900));
  out.push(await engine.execute({ name: 'brief', query: 'nomor 900' }, userCtx));
  return out;
}

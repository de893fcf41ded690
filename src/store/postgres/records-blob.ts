// The articles' records as a PostgreSQL instance holds them (everything but the
// body), kept compactly beside the derived-data snapshot in the database
// (migration 024, docs/decisions/031), so that a start need not fetch and parse
// every article's json. The blob is a cache, never the truth: each entry names
// the row it was taken from (id and revision, which every insert takes anew),
// and a start uses an entry only for the row stored now with that id and
// revision, fetching the others (store.ts of this folder). Each part is one
// section: a JSON text of up to PER_SECTION records, with entity lists as
// numbers into one table of distinct entities that each section extends (news
// names the same entities over and over), each record's revision, and its
// articleStamp (so the start's check of the derived-data rows need not hash
// every article's text again, as with lowdb's records cache, decision 030).
import type { Entity } from '../../model/article.js';
import { ARTICLE_STAMP_VERSION, articleStamp, rememberStamp } from '../../model/article-stamp.js';
import type { HeldArticle } from './held-article.js';

/** The layout's version: a blob of another version is not read. */
export const RECORDS_BLOB_VERSION = 1;
/** Records per section (one stored part each): ~1 MB of JSON. */
const PER_SECTION = 1_000;

/** A record as this instance holds it, with the revision of the row it came from. */
export interface RevisedRecord {
  record: HeldArticle;
  revision: number;
}

interface SectionJson {
  version: number;
  stampVersion: number;
  /** Entities first named in this section, numbered after the earlier sections' ones. */
  entities: Entity[];
  articles: (Omit<HeldArticle, 'entities'> & { entities: number[] })[];
  revisions: number[];
  stamps: number[];
}

/**
 * The blob's sections for `records` (taken as they are now: records are never
 * changed in place), one at a time, giving the event loop a turn between them
 * (a section is ~10 ms of JSON.stringify at 1,000 records).
 */
export async function* recordsBlobSections(records: readonly RevisedRecord[]): AsyncGenerator<Buffer> {
  const numbers = new Map<string, number>();
  const byObject = new Map<Entity, number>();
  const numberOf = (e: Entity, fresh: Entity[]): number => {
    let n = byObject.get(e);
    if (n !== undefined) return n;
    const text = JSON.stringify(e);
    n = numbers.get(text);
    if (n === undefined) {
      numbers.set(text, (n = numbers.size));
      fresh.push(e);
    }
    byObject.set(e, n);
    return n;
  };
  for (let from = 0; from < records.length || from === 0; from += PER_SECTION) {
    const part = records.slice(from, from + PER_SECTION);
    const entities: Entity[] = [];
    const section: SectionJson = {
      version: RECORDS_BLOB_VERSION,
      stampVersion: ARTICLE_STAMP_VERSION,
      entities,
      articles: part.map(({ record }) => ({ ...record, entities: record.entities.map((e) => numberOf(e, entities)) })),
      revisions: part.map((r) => r.revision),
      stamps: part.map((r) => articleStamp(r.record)),
    };
    yield Buffer.from(JSON.stringify(section), 'utf8');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Reads a blob section by section, in part order; any section that does not hold what a writer writes makes the whole blob unusable. */
export class RecordsBlobReader {
  /** Records by id, with their revision. */
  readonly records = new Map<string, RevisedRecord>();
  private readonly entities: Entity[] = [];

  /** Takes the next section; returns why it cannot be used, or null. */
  add(bytes: Buffer): string | null {
    let data: SectionJson;
    try {
      data = JSON.parse(bytes.toString('utf8')) as SectionJson;
    } catch {
      return 'a section is not JSON';
    }
    if (typeof data !== 'object' || data === null) return 'a section is not an object';
    if (data.version !== RECORDS_BLOB_VERSION) return `layout ${String(data.version)}`;
    const { articles, revisions, stamps, entities } = data;
    if (![articles, revisions, stamps, entities].every(Array.isArray) || revisions.length !== articles.length || stamps.length !== articles.length) return 'a section is not laid out as written';
    for (const e of entities) {
      if (typeof e !== 'object' || e === null || typeof e.name !== 'string') return 'an entity is not one';
      // Shared by every record naming it, as the lowdb store's read shares them.
      this.entities.push(Object.freeze(e));
    }
    const stamped = data.stampVersion === ARTICLE_STAMP_VERSION;
    for (let k = 0; k < articles.length; k++) {
      const a = articles[k]!;
      const revision = revisions[k];
      if (typeof a !== 'object' || a === null || typeof a.id !== 'string' || typeof a.fingerprint !== 'string' || !Array.isArray(a.entities) || !Number.isSafeInteger(revision)) return 'a record is not one';
      const named = new Array<Entity>(a.entities.length);
      for (let e = 0; e < named.length; e++) {
        const entity = this.entities[a.entities[e]!];
        if (entity === undefined) return 'an entity number is not in the table';
        named[e] = entity;
      }
      const record = a as unknown as HeldArticle;
      record.entities = named;
      if (stamped && Number.isInteger(stamps[k])) rememberStamp(record, stamps[k]!);
      this.records.set(record.id, { record, revision: revision! });
    }
    return null;
  }
}

// The articles' records as a PostgreSQL instance holds them (StoredArticle), kept
// compactly beside the derived-data snapshot in the database (migration 024,
// docs/decisions/031), so that a start need not fetch and parse every article's
// json. The blob is a cache, never the truth: each entry names the row it was
// taken from (id and revision, which every insert and update takes anew), and a
// start uses an entry only for the row stored now with that id and revision,
// fetching the others (article-load.ts). Each part is one section: a u32 length,
// a JSON text of up to PER_SECTION records (entity lists as numbers into one
// table of distinct entities that each section extends: news names the same
// entities over and over; each record's revision; its articleStamp, so the
// start's check of the derived-data rows need not hash every article's text
// again, as with lowdb's records cache, decision 030; the byte length of its key
// figures), then the records' key figures as their JSON texts one after another:
// a start copies those bytes to the instance's body file unparsed, where cards
// read them on demand (they were 40% of a record's bytes).
import type { Entity, StoredArticle } from '../../model/article.js';
import { ARTICLE_STAMP_VERSION, articleStamp, rememberStamp } from '../../model/article-stamp.js';
import { EntityTable } from '../entity-table.js';

/** The layout's version: a blob of another version is not read. */
const RECORDS_BLOB_VERSION = 1;
/** Records per section (one stored part each): ~1 MB of JSON. */
const PER_SECTION = 1_000;

/** A record as this instance holds it, with the revision of the row it came from. */
export interface RevisedRecord {
  record: StoredArticle;
  revision: number;
}

/** What the store gives the writer of a blob: its records now (each with its key figures in the body file), and those key figures' bytes. */
export interface RecordsSource {
  records(): readonly RevisedRecord[];
  figuresOf(id: string): Buffer | undefined;
}

/** A record read from a blob: its key figures are `figures.length` bytes at `figures.start` of the body file. */
export interface BlobRecord extends RevisedRecord {
  figures: { start: number; length: number };
}

interface SectionJson {
  version: number;
  stampVersion: number;
  /** Entities first named in this section, numbered after the earlier sections' ones. */
  entities: Entity[];
  articles: (Omit<StoredArticle, 'entities'> & { entities: number[] })[];
  revisions: number[];
  stamps: number[];
  /** Each record's key figures' length in bytes, in the area after the JSON. */
  figures: number[];
}

/**
 * The blob's sections for `records` (taken as they are now: records are never
 * changed in place) with their key figures' JSON text (`figuresOf`; a record
 * without is left out), one at a time, giving the event loop a turn between
 * them (a section is ~10 ms of JSON.stringify at 1,000 records).
 */
export async function* recordsBlobSections(records: readonly RevisedRecord[], figuresOf: (id: string) => Buffer | undefined): AsyncGenerator<Buffer> {
  const table = new EntityTable();
  for (let from = 0; from < records.length || from === 0; from += PER_SECTION) {
    const known = table.list.length;
    const section: SectionJson = { version: RECORDS_BLOB_VERSION, stampVersion: ARTICLE_STAMP_VERSION, entities: [], articles: [], revisions: [], stamps: [], figures: [] };
    const area: Buffer[] = [];
    for (const { record, revision } of records.slice(from, from + PER_SECTION)) {
      const figures = figuresOf(record.id);
      if (!figures) continue;
      section.articles.push({ ...record, entities: record.entities.map((e) => table.numberOf(e)) });
      section.revisions.push(revision);
      section.stamps.push(articleStamp(record));
      section.figures.push(figures.length);
      area.push(figures);
    }
    section.entities = table.list.slice(known); // numbered after the earlier sections' ones
    const json = Buffer.from(JSON.stringify(section), 'utf8');
    const head = Buffer.alloc(4);
    head.writeUInt32BE(json.length);
    yield Buffer.concat([head, json, ...area]);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A section's JSON text and where its key figures were put (`figuresAt`, `figuresLength` bytes). */
export interface SectionRead {
  json: Uint8Array;
  figuresAt: number;
  figuresLength: number;
}

/**
 * Splits a section into its JSON text and its key figures, which `keepFigures`
 * stores (copied out: the section's bytes are not kept) and says where they
 * start; a reason when the section is cut short. Runs on whichever thread reads the blob.
 */
export function splitSection(bytes: Uint8Array, keepFigures: (area: Uint8Array) => number): SectionRead | string {
  const length = bytes.length >= 4 ? new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0) : -1;
  if (length < 0 || 4 + length > bytes.length) return 'a section is cut short';
  const area = bytes.subarray(4 + length);
  return { json: bytes.subarray(4, 4 + length), figuresAt: keepFigures(area), figuresLength: area.length };
}

/** Reads a blob section by section, in part order; any section that does not hold what a writer writes makes the whole blob unusable. */
export class RecordsBlobReader {
  /** Records by id, with their revision and where their key figures were put. */
  readonly records = new Map<string, BlobRecord>();
  private readonly entities: Entity[] = [];

  /** Takes the next section (splitSection's); returns why it cannot be used, or null. */
  add(section: SectionRead): string | null {
    let data: SectionJson;
    try {
      data = JSON.parse(Buffer.from(section.json.buffer, section.json.byteOffset, section.json.byteLength).toString('utf8')) as SectionJson;
    } catch {
      return 'a section is not JSON';
    }
    if (typeof data !== 'object' || data === null) return 'a section is not an object';
    if (data.version !== RECORDS_BLOB_VERSION) return `layout ${String(data.version)}`;
    const { articles, revisions, stamps, entities, figures } = data;
    if (![articles, revisions, stamps, entities, figures].every(Array.isArray) || [revisions, stamps, figures].some((a) => a.length !== articles.length)) return 'a section is not laid out as written';
    let areaLength = 0;
    for (const f of figures) {
      if (!Number.isSafeInteger(f) || f < 0) return 'a section is not laid out as written';
      areaLength += f;
    }
    if (areaLength !== section.figuresLength) return 'key figures not as long as written';
    for (const e of entities) {
      if (typeof e !== 'object' || e === null || typeof e.name !== 'string') return 'an entity is not one';
      // Shared by every record naming it, as the lowdb store's read shares them.
      this.entities.push(Object.freeze(e));
    }
    const stamped = data.stampVersion === ARTICLE_STAMP_VERSION;
    const read: BlobRecord[] = [];
    let at = section.figuresAt;
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
      const record = a as unknown as StoredArticle;
      record.entities = named;
      if (stamped && Number.isInteger(stamps[k])) rememberStamp(record, stamps[k]!);
      read.push({ record, revision: revision!, figures: { start: at, length: figures[k]! } });
      at += figures[k]!;
    }
    for (const r of read) this.records.set(r.record.id, r);
    return null;
  }
}

// What memory keeps of every shard (the articles without bodies and key
// figures, where those lie in the shard file), in one file beside the shards
// (data/records.cache) laid out to be cheap to load: per shard one JSON text
// with entity lists as numbers into one table of distinct entities, no body
// to cut, no key to search for. It is a cache, never the truth: a shard's
// section is used only for the very file it was written from (same inode,
// size, modification and change times: shards are replaced by rename, so any
// write or edit makes another file), and only when its checksum holds; any
// other shard, and every shard when the file is missing, damaged or of
// another version, is read from its text as before (decision 030). Written at
// close: a section still naming its shard's file is copied as it is, the
// others are written from memory.
import { createHash } from 'node:crypto';
import { fstatSync, openSync } from 'node:fs';
import { writeAtomically } from './write-atomically.js';
import path from 'node:path';
import type { Entity, StoredArticle } from '../model/article.js';
import { ARTICLE_STAMP_VERSION, articleStamp, rememberStamp } from '../model/article-stamp.js';
import { EntityTable } from './entity-table.js';
import { readAt } from './read-at.js';
import { closeQuietly, isRange, type Range } from './shard-bodies.js';
import { isShardFile, SCHEMA_VERSION, type ShardState } from './store-schema.js';

export const RECORDS_FILE = 'records.cache';
const MAGIC = Buffer.from('RINGKAS-RECORDS\n');
/** The layout's version, after the magic line: a file of another version is not read. */
export const RECORDS_VERSION = 1;
const HEAD = MAGIC.length + 4;
/** The trailer: the header's length (u32), after the header, at the file's end. */
const TRAILER = 4;

export const recordsPath = (dir: string) => path.join(dir, RECORDS_FILE);

/** Which file a descriptor is open on, as the cache records it: another write or an edit makes another. */
export function fileIdentity(fd: number): string {
  const s = fstatSync(fd, { bigint: true });
  return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/** One shard's section: which shard file it was written from, where it lies, its checksum. */
interface Section {
  identity: string;
  /** The shard file's size (ranges must lie within it). */
  size: number;
  offset: number;
  length: number;
  sha: string;
}

interface Header {
  /** The articleStamp version the sections' stamps were computed with. */
  stampVersion: number;
  entities: Entity[];
  shards: (Section | null)[];
}

/**
 * A section's JSON: the shard's own fields, its articles (entities as
 * numbers), each article's body and key-figure ranges (4 numbers), and each
 * article's stamp (articleStamp of the record as written: a start then need
 * not hash every article's text to match it with its derived-data row).
 */
interface SectionJson {
  fields: Record<string, unknown>;
  articles: (Omit<StoredArticle, 'entities'> & { entities: number[] })[];
  at: number[];
  stamps: number[];
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64');

/** The cache file as found at start, open for reading its sections. */
export class RecordsCache {
  private constructor(
    private readonly fd: number,
    private readonly header: Header,
  ) {}

  /** Whether every shard's section names the file `identities` name (null: the shard has no file, so no section). */
  names(identities: readonly (string | null)[]): boolean {
    return identities.every((id, i) => (id === null ? this.header.shards[i] === null : this.header.shards[i]?.identity === id));
  }

  /** The articleStamp version of its sections' stamps. */
  get stampVersion(): number {
    return this.header.stampVersion;
  }

  /** The distinct entities its sections number theirs in. */
  get entities(): readonly Entity[] {
    return this.header.entities;
  }

  /** How many shards have a section. */
  get sectionCount(): number {
    return this.header.shards.filter((s) => s !== null).length;
  }

  /** The cache in `dir` for a store of `shardCount` shards; null when missing, damaged or of another version. */
  static open(dir: string, shardCount: number): RecordsCache | null {
    let fd: number;
    try {
      fd = openSync(recordsPath(dir), 'r');
    } catch {
      return null;
    }
    try {
      const header = readHeader(fd, shardCount);
      if (header) return new RecordsCache(fd, header);
    } catch {
      // damaged: read from the shards
    }
    closeQuietly(fd);
    return null;
  }

  /** Shard `i` as memory holds it, from its section, when that section was written from the very file `fd` is open on; null otherwise. */
  shardFor(i: number, fd: number): ShardState | null {
    let identity: string;
    try {
      identity = fileIdentity(fd);
    } catch {
      return null;
    }
    const section = this.section(i, identity);
    const bytes = section && this.read(section);
    return bytes ? this.shard(section!, bytes, fd) : null;
  }

  /** Shard `i`'s section when it was written from the file `identity` names. */
  section(i: number, identity: string): Section | null {
    const s = this.header.shards[i];
    return s && s.identity === identity ? s : null;
  }

  /** The section's bytes, or null when the cache file no longer holds them whole and unchanged. */
  read(section: Section): Buffer | null {
    try {
      const bytes = readAt(this.fd, section.offset, section.length, () => 'records cache cut short');
      return sha(bytes) === section.sha ? bytes : null;
    } catch {
      return null;
    }
  }

  /** The shard as memory holds it, reading bodies and key figures through `fd`; null when the section does not hold a shard of ours. */
  private shard(section: Section, bytes: Buffer, fd: number): ShardState | null {
    let data: SectionJson;
    try {
      data = JSON.parse(bytes.toString('utf8')) as SectionJson;
    } catch {
      return null;
    }
    if (typeof data !== 'object' || data === null || typeof data.fields !== 'object' || data.fields === null || !Array.isArray(data.at)) return null;
    const version = data.fields.schemaVersion;
    if (typeof version !== 'number' || version > SCHEMA_VERSION || !isShardFile({ ...data.fields, articles: data.articles })) return null;
    const { articles, at, stamps } = data;
    if (at.length !== articles.length * 4) return null;
    const stamped = this.header.stampVersion === ARTICLE_STAMP_VERSION && Array.isArray(stamps) && stamps.length === articles.length;
    const table = this.header.entities;
    const bodies = new Map<string, Range>();
    const figures = new Map<string, Range>();
    const stored: StoredArticle[] = new Array<StoredArticle>(articles.length);
    for (let k = 0; k < articles.length; k++) {
      const a = articles[k]!;
      if (!Array.isArray(a.entities)) return null;
      const entities = new Array<Entity>(a.entities.length);
      for (let e = 0; e < entities.length; e++) {
        const entity = table[a.entities[e]!];
        if (entity === undefined) return null;
        entities[e] = entity;
      }
      (a as unknown as StoredArticle).entities = entities;
      stored[k] = a as unknown as StoredArticle;
      const body = rangeAt(at, 4 * k, section.size);
      const keyFigures = rangeAt(at, 4 * k + 2, section.size);
      if (!body || !keyFigures) return null;
      bodies.set(a.id, body);
      figures.set(a.id, keyFigures);
    }
    if (stamped) for (let k = 0; k < stored.length; k++) if (Number.isInteger(stamps[k])) rememberStamp(stored[k]!, stamps[k]!);
    return { ...(data.fields as Pick<ShardState, 'schemaVersion' | 'generation'>), articles: stored, bodies, figures, fd };
  }

  close(): void {
    closeQuietly(this.fd);
  }
}

function rangeAt(at: readonly number[], i: number, size: number): Range | null {
  const start = at[i];
  const end = at[i + 1];
  if (!Number.isInteger(start) || !Number.isInteger(end) || start! < 0 || end! <= start! || end! > size) return null;
  return { start: start!, end: end! };
}

function readHeader(fd: number, shardCount: number): Header | null {
  const { size } = fstatSync(fd);
  if (size < HEAD + TRAILER) return null;
  const head = readAt(fd, 0, HEAD, () => 'cut short');
  if (!head.subarray(0, MAGIC.length).equals(MAGIC) || head.readUInt32BE(MAGIC.length) !== RECORDS_VERSION) return null;
  const length = readAt(fd, size - TRAILER, TRAILER, () => 'cut short').readUInt32BE(0);
  if (length > size - HEAD - TRAILER) return null;
  const header = JSON.parse(readAt(fd, size - TRAILER - length, length, () => 'cut short').toString('utf8')) as Header;
  if (!Array.isArray(header.entities) || !Array.isArray(header.shards) || header.shards.length !== shardCount || typeof header.stampVersion !== 'number') return null;
  for (const s of header.shards) {
    if (s === null) continue;
    const fine = typeof s.identity === 'string' && typeof s.sha === 'string' && [s.size, s.offset, s.length].every(Number.isInteger);
    if (!fine || s.offset < HEAD || s.offset + s.length > size - TRAILER - length) return null;
  }
  for (const e of header.entities) {
    if (typeof e !== 'object' || e === null || typeof e.name !== 'string') return null;
    Object.freeze(e); // shared by every article naming it, as the shard read shares them
  }
  return header;
}

/**
 * Writes the cache for the shards as committed (at close), unless the one on
 * disk served every shard at start (`servedAll`), still names every shard's
 * file and holds stamps of this articleStamp version. A shard whose bodies or key figures are not all on disk (a
 * hand-edited layout, parsed whole) gets no section.
 */
export async function writeRecordsCache(dir: string, shards: readonly ShardState[], servedAll: boolean): Promise<void> {
  await pastRacyWindow(shards);
  const identities = shards.map((s) => (s.fd === null ? null : fileIdentity(s.fd)));
  const old = RecordsCache.open(dir, shards.length);
  try {
    if (servedAll && old?.stampVersion === ARTICLE_STAMP_VERSION && old.names(identities)) return;
    await writeFresh(dir, shards, identities, old);
  } finally {
    old?.close();
  }
}

/**
 * File times come from a clock that ticks every few milliseconds: a shard
 * changed in place (a hand edit keeping its size) within the tick of its last
 * write would keep its identity. Its identity is taken only once a later tick
 * has come (as git does with racily clean files), so any change after that
 * shows.
 */
async function pastRacyWindow(shards: readonly ShardState[]): Promise<void> {
  let newest = 0;
  for (const s of shards) if (s.fd !== null) newest = Math.max(newest, fstatSync(s.fd).ctimeMs);
  const wait = newest + RACY_MS - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(wait, RACY_MS)));
}

/** Longer than a file-time tick (1-10 ms). */
const RACY_MS = 50;

async function writeFresh(dir: string, shards: readonly ShardState[], identities: readonly (string | null)[], old: RecordsCache | null): Promise<void> {
  const entities = new EntityTable(old?.entities ?? []);
  const file = recordsPath(dir);
  await writeAtomically(file, async (write) => {
    let offset = 0;
    const put = async (bytes: Buffer) => {
      await write(bytes);
      offset += bytes.length;
    };
    const head = Buffer.alloc(HEAD);
    MAGIC.copy(head);
    head.writeUInt32BE(RECORDS_VERSION, MAGIC.length);
    await put(head);
    const sections: (Section | null)[] = [];
    for (let i = 0; i < shards.length; i++) {
      const identity = identities[i]!;
      const kept = identity === null || old?.stampVersion !== ARTICLE_STAMP_VERSION ? null : old.section(i, identity);
      const copied = kept ? old!.read(kept) : null;
      const bytes = identity === null ? null : (copied ?? sectionBytes(shards[i]!, entities));
      if (identity === null || bytes === null) {
        sections.push(null);
        continue;
      }
      sections.push({ identity, size: Number(identity.split(':')[1]), offset, length: bytes.length, sha: copied ? kept!.sha : sha(bytes) });
      await put(bytes);
    }
    const header = Buffer.from(JSON.stringify({ stampVersion: ARTICLE_STAMP_VERSION, entities: entities.list, shards: sections } satisfies Header), 'utf8');
    const trailer = Buffer.alloc(TRAILER);
    trailer.writeUInt32BE(header.length, 0);
    await put(Buffer.concat([header, trailer]));
  });
}

/** A shard's section, or null when not every body and key-figure list is on disk. */
function sectionBytes(shard: ShardState, entities: EntityTable): Buffer | null {
  const { articles, bodies: b, figures: f, fd: _fd, ...fields } = shard;
  const at = new Array<number>(articles.length * 4);
  const stamps = new Array<number>(articles.length);
  const out = new Array<SectionJson['articles'][number]>(articles.length);
  for (let k = 0; k < articles.length; k++) {
    const a = articles[k]!;
    const body = b.get(a.id);
    const keyFigures = f.get(a.id);
    if (!isRange(body) || !isRange(keyFigures)) return null;
    at[4 * k] = body.start;
    at[4 * k + 1] = body.end;
    at[4 * k + 2] = keyFigures.start;
    at[4 * k + 3] = keyFigures.end;
    out[k] = { ...a, entities: a.entities.map((e) => entities.numberOf(e)) };
    stamps[k] = articleStamp(a);
  }
  return Buffer.from(JSON.stringify({ fields, articles: out, at, stamps } satisfies SectionJson), 'utf8');
}

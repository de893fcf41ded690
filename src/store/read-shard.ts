// Reading one article shard at start: its bytes through a descriptor that stays
// open (bodies and key figures are read back through it, shard-bodies.ts), then
// its JSON with those cut out. A shard not laid out as this store writes them
// (a hand edit) is parsed whole and keeps its bodies and key figures in memory
// until its next write. An empty, corrupt, foreign or newer file is refused
// by name, never rewritten. Entity lists are read once per distinct entity
// (shard-entities.ts).
import { fstat, open, read } from 'node:fs';
import { promisify } from 'node:util';
import type { StoredArticle } from '../model/article.js';
import { closeQuietly, cutShard, type BodyAt, type FiguresAt } from './shard-bodies.js';
import { SharedEntities } from './shard-entities.js';
import { StoreError } from './store-errors.js';
import { isShardFile, SCHEMA_VERSION, type ShardState } from './store-schema.js';

export interface ShardBytes {
  fd: number;
  bytes: Buffer;
}

const openFile = promisify(open);
const statFile = promisify(fstat);
const readInto = promisify(read);

/** A descriptor open on the file; null when it does not exist. */
export async function openShard(file: string): Promise<number | null> {
  try {
    return await openFile(file, 'r');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreError(file, `could not be read: ${(cause as NodeJS.ErrnoException).code ?? 'read failed'}.`, { cause });
  }
}

/** The bytes of the file open on `fd` (closed if the read fails). */
export async function readOpenShard(file: string, fd: number): Promise<ShardBytes> {
  try {
    const { size } = await statFile(fd);
    const bytes = Buffer.allocUnsafe(size);
    for (let done = 0; done < size; ) {
      const { bytesRead } = await readInto(fd, bytes, done, size - done, done);
      if (bytesRead === 0) return { fd, bytes: bytes.subarray(0, done) };
      done += bytesRead;
    }
    return { fd, bytes };
  } catch (cause) {
    closeQuietly(fd);
    throw new StoreError(file, `could not be read: ${(cause as NodeJS.ErrnoException).code ?? 'read failed'}.`, { cause });
  }
}

/** The file's bytes and an open descriptor on it; null when it does not exist. */
export async function readShardBytes(file: string): Promise<ShardBytes | null> {
  const fd = await openShard(file);
  return fd === null ? null : readOpenShard(file, fd);
}

type ParsedShard = { schemaVersion: number; generation?: number; articles: (StoredArticle & { body?: unknown; keyFigures?: unknown })[] };

/**
 * The shard as memory holds it; refuses (closing the descriptor) a file that is
 * not a shard of ours. `shared` holds the entities read so far at this start.
 */
export function parseShard(file: string, { fd, bytes }: ShardBytes, shared: SharedEntities = new SharedEntities()): ShardState {
  try {
    const cut = cutShard(bytes, shared);
    const data = cut ? parsedOrNull(file, cut.text) : null;
    if (cut && data && cut.bodies.length === data.articles.length && data.articles.every((a) => !('body' in a) && !('keyFigures' in a)) && entitiesPlaced(data.articles, cut.entities)) {
      const bodies = new Map<string, BodyAt>();
      const figures = new Map<string, FiguresAt>();
      data.articles.forEach((a, i) => {
        bodies.set(a.id, cut.bodies[i]!);
        figures.set(a.id, cut.figures[i]!);
      });
      return { ...data, bodies, figures, fd };
    }
    // Not laid out as this store writes shards: parse it whole, bodies and key figures kept as they are.
    const whole = parse(file, bytes.toString('utf8'));
    const bodies = new Map<string, BodyAt>();
    const figures = new Map<string, FiguresAt>();
    const articles = whole.articles.map(({ body, keyFigures, ...stored }) => {
      if (typeof body !== 'string') throw new StoreError(file, 'does not look like a Ringkas data file; it was left untouched. Move it aside and start again.');
      bodies.set(stored.id, body);
      figures.set(stored.id, Array.isArray(keyFigures) ? (keyFigures as FiguresAt) : undefined); // a list, never mistaken for a range
      return stored;
    });
    return { ...whole, articles, bodies, figures, fd };
  } catch (e) {
    closeQuietly(fd);
    throw e;
  }
}

/** Puts each entity list the cut read in place of its number; false unless every list went to exactly one article. */
function entitiesPlaced(articles: StoredArticle[], lists: StoredArticle['entities'][]): boolean {
  const placed = new Uint8Array(lists.length);
  let count = 0;
  for (const a of articles) {
    const n: unknown = a.entities;
    if (typeof n !== 'number') continue; // a list the cut did not read (not laid out as we write it)
    if (!Number.isInteger(n) || n < 0 || n >= lists.length || placed[n]) return false;
    placed[n] = 1;
    count++;
    a.entities = lists[n]!;
  }
  return count === lists.length;
}

/** A cut that went wrong (a hand-written key holding the body key's bytes) parses badly: the whole file is parsed instead. */
function parsedOrNull(file: string, text: string): ParsedShard | null {
  try {
    return parse(file, text);
  } catch {
    return null; // the whole parse below refuses the file if it is bad
  }
}

function parse(file: string, text: string): ParsedShard {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new StoreError(file, 'is empty or not valid JSON; it was left untouched. Restore it from a backup or move it aside, then start again.', { cause });
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new StoreError(file, `was written by a newer Ringkas (schema ${version}, this one reads ${SCHEMA_VERSION}); upgrade Ringkas.`);
  }
  if (!isShardFile(data)) {
    throw new StoreError(file, 'does not look like a Ringkas data file; it was left untouched. Move it aside and start again.');
  }
  return data as ParsedShard;
}

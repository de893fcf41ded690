// Rows of a `COPY (query) TO STDOUT (FORMAT binary)`, as raw field bytes: for bulk
// reads of bytea, whose text form (hex) doubles what crosses the wire and costs a
// hex encoding on the server and a decoding plus a string twice the size per value
// here. The format: an 11-byte signature, flags and a header extension, then per
// row a 16-bit field count and per field a 32-bit length (-1: NULL) and the bytes;
// a field count of -1 ends it (PostgreSQL's COPY documentation, "Binary Format").
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { releasableBuffer } from '../../releasable-memory.js';
import { SMALL_BUFFER_BYTES } from '../../malloc-threshold.js';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * The received chunks not yet read. A field that lies within one chunk is a view
 * of it; only a field (or a length) cut by a chunk's end is copied, once, when
 * whole. (Joining the unread rest to every new chunk copied nearly every byte of
 * a stream of small rows: 160 MB of bodies at 100,000 articles, decision 037.)
 */
class ChunkQueue {
  private readonly chunks: Buffer[] = [];
  private offset = 0;
  available = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.available += chunk.length;
  }

  /** The next `n` bytes (there must be that many). */
  take(n: number): Buffer {
    this.available -= n;
    const first = this.chunks[0];
    if (first && first.length - this.offset >= n) {
      const out = first.subarray(this.offset, this.offset + n);
      this.advance(first, n);
      return out;
    }
    // A large field (a records-blob section, ~1.3 MB) from malloc raised glibc's mmap threshold when freed, and the
    // main heap kept ~15 MB of freed memory after a start (decision 038, rss10k3): not from malloc.
    const out = n > SMALL_BUFFER_BYTES ? releasableBuffer(n) : Buffer.allocUnsafe(n);
    for (let done = 0; done < n; ) {
      const chunk = this.chunks[0]!;
      const part = Math.min(n - done, chunk.length - this.offset);
      chunk.copy(out, done, this.offset, this.offset + part);
      done += part;
      this.advance(chunk, part);
    }
    return out;
  }

  private advance(chunk: Buffer, n: number): void {
    this.offset += n;
    if (this.offset === chunk.length) {
      this.chunks.shift();
      this.offset = 0;
    }
  }
}

/** Each row's fields (null for NULL), in batches of the rows that arrived together; field bytes are views of the received chunks where they lie whole in one. */
export async function* copyBinaryRows(client: pg.PoolClient, query: string): AsyncGenerator<(Buffer | null)[][]> {
  const stream = client.query(copyTo(`COPY (${query}) TO STDOUT (FORMAT binary)`));
  const queue = new ChunkQueue();
  let headerRead = false;
  /** The header extension's length, skipped before the first row. */
  let extension = 0;
  let ended = false;
  // The row being read: its field count (-1: none started), its fields so far, and the length of the field whose bytes come next (-1: its length comes next).
  let count = -1;
  let fields: (Buffer | null)[] = [];
  let length = -1;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (ended) continue;
    queue.push(chunk);
    if (!headerRead) {
      if (queue.available < SIGNATURE.length + 8) continue;
      const head = queue.take(SIGNATURE.length + 8);
      if (!head.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('not a binary COPY stream');
      extension = head.readUInt32BE(SIGNATURE.length + 4);
      headerRead = true;
    }
    if (extension > 0) {
      if (queue.available < extension) continue;
      queue.take(extension);
      extension = 0;
    }
    const rows: (Buffer | null)[][] = [];
    for (;;) {
      if (count < 0) {
        if (queue.available < 2) break;
        count = queue.take(2).readInt16BE(0);
        if (count === -1) {
          ended = true;
          break;
        }
        fields = [];
      }
      if (fields.length < count) {
        if (length < 0) {
          if (queue.available < 4) break;
          length = queue.take(4).readInt32BE(0);
          if (length === -1) fields.push(null);
        }
        if (length >= 0) {
          if (queue.available < length) break;
          fields.push(queue.take(length));
        }
        length = -1;
        if (fields.length < count) continue;
      }
      rows.push(fields);
      count = -1;
    }
    if (rows.length > 0) yield rows;
  }
  if (!ended) throw new Error('binary COPY stream ended without its trailer');
}

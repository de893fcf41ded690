// Rows of a `COPY (query) TO STDOUT (FORMAT binary)`, as raw field bytes: for bulk
// reads of bytea, whose text form (hex) doubles what crosses the wire and costs a
// hex encoding on the server and a decoding plus a string twice the size per value
// here. The format: an 11-byte signature, flags and a header extension, then per
// row a 16-bit field count and per field a 32-bit length (-1: NULL) and the bytes;
// a field count of -1 ends it (PostgreSQL's COPY documentation, "Binary Format").
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** Each row's fields (null for NULL), in batches of the rows that arrived together; field bytes are views of the received chunks. */
export async function* copyBinaryRows(client: pg.PoolClient, query: string): AsyncGenerator<(Buffer | null)[][]> {
  const stream = client.query(copyTo(`COPY (${query}) TO STDOUT (FORMAT binary)`));
  let pending: Buffer = Buffer.alloc(0);
  // Chunks of a row longer than what arrived so far, joined once the row is whole
  // (joining at every chunk copied a 256 KB row ~4 times over, a 1 MB row ~8 times).
  let waiting: Buffer[] = [];
  let waitingBytes = 0;
  let needed = 0;
  let headerRead = false;
  let ended = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (needed > 0) {
      waiting.push(chunk);
      waitingBytes += chunk.length;
      if (waitingBytes < needed) continue;
      pending = Buffer.concat(waiting, waitingBytes);
      waiting = [];
      needed = 0;
    } else pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let at = 0;
    if (!headerRead) {
      if (pending.length < SIGNATURE.length + 8) continue;
      if (!pending.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('not a binary COPY stream');
      const extension = pending.readUInt32BE(SIGNATURE.length + 4);
      if (pending.length < SIGNATURE.length + 8 + extension) continue;
      at = SIGNATURE.length + 8 + extension;
      headerRead = true;
    }
    const rows: (Buffer | null)[][] = [];
    for (;;) {
      const row = rowAt(pending, at);
      if (typeof row === 'number') {
        // Wait for the rest of this row: `row` bytes from `at` at least.
        if (row > 2 * 65_536) {
          waiting = [pending.subarray(at)];
          waitingBytes = pending.length - at;
          needed = row;
        }
        break;
      }
      if (row === 'end') {
        ended = true;
        at = pending.length;
        break;
      }
      rows.push(row.fields);
      at = row.next;
    }
    pending = needed > 0 ? Buffer.alloc(0) : pending.subarray(at);
    if (rows.length > 0) yield rows;
  }
  if (!ended) throw new Error('binary COPY stream ended without its trailer');
}

/** The row at `from`, 'end' at the trailer, or (not all there yet) how many bytes from `from` are needed at least. */
function rowAt(bytes: Buffer, from: number): { fields: (Buffer | null)[]; next: number } | number | 'end' {
  if (bytes.length < from + 2) return 2;
  const count = bytes.readInt16BE(from);
  if (count === -1) return 'end';
  const fields: (Buffer | null)[] = [];
  let at = from + 2;
  for (let f = 0; f < count; f++) {
    if (bytes.length < at + 4) return at + 4 - from;
    const length = bytes.readInt32BE(at);
    at += 4;
    if (length === -1) {
      fields.push(null);
      continue;
    }
    if (bytes.length < at + length) return at + length - from;
    fields.push(bytes.subarray(at, at + length));
    at += length;
  }
  return { fields, next: at };
}

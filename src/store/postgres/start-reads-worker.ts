// The thread of a large start's bulk reads (start-reads.ts): the same read
// functions as on the main thread, on connections of its own, answering each
// request with its result; the snapshot's bytes and each blob section's JSON
// text are moved to the main thread (transferred), not copied.
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import type { BodyFileShare } from './body-file.js';
import { readDerivedSnapshot } from './postgres-derived-snapshot.js';
import { blobSections, copyBodies, rowsInOrder, type ReadsAnswer, type ReadsRequest } from './start-reads.js';

const { url, file } = workerData as { url: string; file: BodyFileShare };
const pool = new pg.Pool({ connectionString: url, max: 4 });
// A connection the server dropped fails the read it serves; the pool must not end the thread.
pool.on('error', () => undefined);
const port = parentPort!;
/** `transfer`: buffers made for this answer alone, moved rather than copied. */
const send = (answer: ReadsAnswer, transfer: ArrayBuffer[] = []) => port.postMessage(answer, transfer);

async function run(request: ReadsRequest): Promise<void> {
  const { id } = request;
  switch (request.op) {
    case 'snapshot': {
      const got = await readDerivedSnapshot(pool, request.version, request.inputs);
      // The bytes were allocated for this snapshot alone (not pooled): the whole buffer moves.
      send({ id, result: got }, got.kind === 'ok' ? [got.snapshot.bytes.buffer as ArrayBuffer] : []);
      return;
    }
    case 'blob': {
      const result = await blobSections(pool, file, (section) => {
        // A section is longer than a received chunk, so its bytes were joined into a buffer of
        // their own: that buffer moves whole. (A section lying inside a chunk is copied out.)
        const { json } = section;
        const own = json.buffer instanceof ArrayBuffer && json.buffer.byteLength <= json.byteLength + section.figuresLength + 4 ? json : new Uint8Array(json);
        send({ id, item: { ...section, json: own } }, [own.buffer as ArrayBuffer]);
        return null;
      });
      send({ id, result });
      return;
    }
    case 'order':
      send({ id, result: await rowsInOrder(pool) });
      return;
    case 'bodies': {
      const count = await copyBodies(pool, file, (batch) => send({ id, item: batch }, [batch.starts.buffer as ArrayBuffer, batch.lengths.buffer as ArrayBuffer]));
      send({ id, result: count });
    }
  }
}

port.on('message', (request: ReadsRequest) => {
  run(request).catch((err: unknown) => send({ id: request.id, error: err instanceof Error ? err.message : String(err) }));
});

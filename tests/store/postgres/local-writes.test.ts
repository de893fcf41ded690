// A re-read of rows other instances changed must not put back a row from before
// one of our own writes (our notes are skipped, so nothing would correct it).
import { describe, expect, it } from 'vitest';
import { LocalWrites } from '../../../src/store/postgres/local-writes.js';

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('our writes against re-reads', () => {
  it('a re-read waits for our write in flight before it reads', async () => {
    const writes = new LocalWrites();
    const row = { value: 'before our write' };
    const write = deferred<void>();
    void writes.track('s1', write.promise);
    const applied: string[] = [];
    const rereading = writes.reread(['s1'], async () => row.value, (v, ids) => ids.forEach(() => applied.push(v)));
    await new Promise((r) => setImmediate(r));
    row.value = 'after our write';
    write.resolve();
    await rereading;
    expect(applied).toEqual(['after our write']);
  });

  it('a row our write overlapped is read again; the others are applied from the first read', async () => {
    const writes = new LocalWrites();
    const db = new Map([
      ['s1', 'old s1'],
      ['s2', 'old s2'],
    ]);
    const reads: (readonly string[])[] = [];
    const applied: [string, string][] = [];
    const ourWrite = deferred<void>();
    let first = true;
    await writes.reread(
      ['s1', 's2'],
      async (ids) => {
        reads.push(ids);
        const seen = new Map(ids.map((id) => [id, db.get(id)!]));
        if (first) {
          // Our write to s1 starts while the read is out and commits after it.
          first = false;
          void writes.track('s1', ourWrite.promise);
          db.set('s1', 'ours');
          ourWrite.resolve();
        }
        return seen;
      },
      (seen, ids) => ids.forEach((id) => applied.push([id, seen.get(id)!])),
    );
    expect(reads).toEqual([['s1', 's2'], ['s1']]);
    expect(applied).toEqual([
      ['s2', 'old s2'],
      ['s1', 'ours'],
    ]);
  });

  it('a failed write of ours does not stop the re-read', async () => {
    const writes = new LocalWrites();
    void writes.track('s1', Promise.reject(new Error('refused'))).catch(() => undefined);
    const applied: string[] = [];
    await writes.reread(['s1'], async () => 'row', (v) => applied.push(v));
    expect(applied).toEqual(['row']);
  });
});

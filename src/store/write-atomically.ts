// Writes a derived file (the index snapshot, the records cache) atomically: the
// pieces go to a temporary file beside it, renamed over the file once whole, so
// a reader sees the old file or the new one; on any failure the temporary file
// is removed and the old file stays.
import { open, rename, unlink } from 'node:fs/promises';

/**
 * `fill` writes the file's bytes in order through `put`: one buffer, or several
 * written one after another in one call (writev: gathered without a copy into a
 * buffer of their joint size, which would be one more large short-lived
 * allocation; src/malloc-threshold.ts).
 */
export async function writeAtomically(file: string, fill: (put: (bytes: Buffer | readonly Buffer[]) => Promise<void>) => Promise<void>): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fh = await open(tmp, 'w');
    try {
      await fill(async (bytes) => {
        let pieces = Buffer.isBuffer(bytes) ? [bytes] : bytes.filter((b) => b.length > 0);
        while (pieces.length > 0) {
          let written = (await fh.writev(pieces)).bytesWritten;
          // A short write: go on from the first byte not written.
          let k = 0;
          while (k < pieces.length && written >= pieces[k]!.length) written -= pieces[k++]!.length;
          pieces = pieces.slice(k);
          if (written > 0) pieces[0] = pieces[0]!.subarray(written);
        }
      });
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

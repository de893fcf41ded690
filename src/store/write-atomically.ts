// Writes a derived file (the index snapshot, the records cache) atomically: the
// pieces go to a temporary file beside it, renamed over the file once whole, so
// a reader sees the old file or the new one; on any failure the temporary file
// is removed and the old file stays.
import { open, rename, unlink } from 'node:fs/promises';

/** `fill` writes the file's bytes in order through `put` (each buffer written whole). */
export async function writeAtomically(file: string, fill: (put: (bytes: Buffer) => Promise<void>) => Promise<void>): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fh = await open(tmp, 'w');
    try {
      await fill(async (bytes) => {
        for (let at = 0; at < bytes.length; ) at += (await fh.write(bytes, at)).bytesWritten;
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

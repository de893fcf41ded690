// Reads a byte range of an open file whole: the shard store's bodies and key
// figures and a PostgreSQL instance's body file are both read this way (one
// pread, repeated only if the kernel returns fewer bytes).
import { readSync } from 'node:fs';

/** `length` bytes of `fd` from `start`; `cutShort` names what was cut short when the file ends first. */
export function readAt(fd: number, start: number, length: number, cutShort: () => string): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  for (let done = 0; done < length; ) {
    const n = readSync(fd, bytes, done, length - done, start + done);
    if (n === 0) throw new Error(cutShort());
    done += n;
  }
  return bytes;
}

// A real small disk for fault tests: a tmpfs of a few hundred KB that a test can
// fill up (ENOSPC) or mark immutable (EPERM, which root cannot bypass the way it
// bypasses chmod). Needs root, as on the developers' machines and CI: without it
// the test fails with this message instead of quietly skipping.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TinyDisk {
  dir: string;
  /** Fills every free byte (a filler file that hits ENOSPC). */
  fill(): void;
  /** Removes the filler. */
  free(): void;
  /** chattr +i / -i: nothing can be created, renamed or removed in `dir`, even by root. */
  immutable(dir: string, on: boolean): void;
  unmount(): void;
}

export function mountTinyDisk(sizeKB: number): TinyDisk {
  const dir = mkdtempSync(path.join(tmpdir(), 'ringkas-tiny-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKB}k`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (e) {
    rmdirSync(dir);
    throw new Error(`This test mounts a small tmpfs to fill a real disk and needs root (as on CI): ${(e as Error).message}`);
  }
  const filler = path.join(dir, 'filler');
  const immutable = new Set<string>();
  return {
    dir,
    fill() {
      writeFileSync(filler, '');
      for (const size of [65_536, 4096, 1]) {
        const chunk = Buffer.alloc(size);
        try {
          for (;;) writeFileSync(filler, chunk, { flag: 'a' });
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
        }
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    immutable(target, on) {
      execFileSync('chattr', [on ? '+i' : '-i', target]);
      if (on) immutable.add(target);
      else immutable.delete(target);
    },
    unmount() {
      for (const target of immutable) execFileSync('chattr', ['-i', target]);
      execFileSync('umount', [dir]);
      rmdirSync(dir);
    },
  };
}

// lowdb keeps one writer per file: two processes on one data folder would lose
// each other's updates. The lock is a directory kept fresh by its holder
// (proper-lockfile: mkdir is atomic, the holder touches its mtime every few
// seconds, and a lock left untouched past `staleMs` counts as abandoned). No pid
// is involved, so it works across containers (where every Node is PID 1) and
// hosts sharing one volume, and a second open in the same process is refused too.
import { lock } from 'proper-lockfile';
import { statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { StoreError } from './store-errors.js';
import { writeFailureReason } from './write-failure.js';

export interface DataDirLock {
  release(): Promise<void>;
  /** Set when another process took the lock from us (we stalled past the stale time). */
  readonly lost: Error | null;
}

export interface LockOptions {
  /** A lock untouched for this long is taken over (default 10 s; proper-lockfile's minimum is 2 s). */
  staleMs?: number;
  /** How long to wait for a held lock to be released or go stale before refusing (default: the stale time and a bit). */
  waitMs?: number;
}

const DEFAULT_STALE_MS = 10_000;

/**
 * Before this lock, `ringkas.lock` was a file holding a pid. Such a file is what
 * a crash of an older Ringkas left behind (pids say nothing across containers, so
 * it is not trusted): it is removed. An older and a newer Ringkas running on one
 * folder at once is not supported.
 */
function clearOldPidLock(file: string): void {
  try {
    if (statSync(file).isFile()) unlinkSync(file);
  } catch {
    /* absent, or a lock directory: proper-lockfile's business */
  }
}

export async function lockDataDir(dir: string, options: LockOptions = {}): Promise<DataDirLock> {
  const file = path.join(dir, 'ringkas.lock');
  clearOldPidLock(file);
  const stale = options.staleMs ?? DEFAULT_STALE_MS;
  const waitMs = options.waitMs ?? stale + 2_000;
  let lost: Error | null = null;
  let release: () => Promise<void>;
  try {
    release = await lock(dir, {
      lockfilePath: file,
      stale,
      retries: waitMs <= 0 ? 0 : { retries: Math.ceil(waitMs / 1000), factor: 1, minTimeout: 1000, maxTimeout: 1000 },
      // The default throws from a timer and takes the process down; keep serving look-ups instead.
      onCompromised: (err) => {
        lost = err;
      },
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new StoreError(
        file,
        `shows the data folder ${dir} is in use by another running Ringkas (here or in another container sharing it); stop that one first or use another RINGKAS_DATA_DIR. A lock left by a crash is taken over after ${Math.round(stale / 1000)} s.`,
        { cause: e },
      );
    }
    throw new StoreError(file, `could not be created: ${writeFailureReason(e)}.`, { cause: e });
  }
  let released = false;
  return {
    get lost() {
      return lost;
    },
    async release() {
      if (released) return;
      released = true;
      await release().catch(() => undefined); // already gone or taken over: nothing of ours to remove
    },
  };
}

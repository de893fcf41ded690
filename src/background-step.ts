// One slice of background work, run as soon as the event loop has a turn free.
// An unref'd setImmediate alone does not stop the loop from blocking in poll, so
// in an idle instance the work would advance only when other I/O woke it (~30
// articles/s at 100,000 instead of a core's worth), and an unref'd 1 ms timer
// beside it did not wake it either (measured on Node 20: one slice in 2 s). So
// the slice is armed twice, on the next check phase and on an unref'd 0 ms timer
// (which bounds the poll), and runs once, on whichever comes first: every turn
// when the loop is busy, ~1 ms apart when it is idle.
//
// How long a slice of a build runs (decision 040): a request that arrives
// during a slice waits for its end, so while commands come (foreground.ts) a
// slice is short; while a request awaits the build itself (an add after a
// first open), it is long, since then the build is what that request waits for
// and every turn given to other work delays it.
import { foregroundBusy } from './foreground.js';

/** A build's slice when nothing is going on. */
export const IDLE_SLICE_MS = 8;
/** A build's slice while commands come and none awaits the build. */
export const BUSY_SLICE_MS = 2;
/**
 * A build's slice while a request awaits it. Not longer: the story build hands
 * the read-ahead worker its next batch between slices, and the worker holds
 * two batches of 64 articles (~30-60 ms of work): with the story's and the
 * filing's slices back to back, longer ones would leave it idle.
 */
export const AWAITED_SLICE_MS = 16;

/** How long a build's next slice may run: `awaited` when a request waits for the build to end. */
export function buildSliceMs(awaited: boolean): number {
  if (awaited) return AWAITED_SLICE_MS;
  return foregroundBusy() ? BUSY_SLICE_MS : IDLE_SLICE_MS;
}

export interface BackgroundStep {
  cancel(): void;
  /** From now on the pending step keeps the process alive. */
  ref(): void;
}

/** Runs `slice` once, soon; the pending step keeps the process alive only with `keepAlive`. */
export function backgroundStep(slice: () => void, keepAlive = false): BackgroundStep {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    clearImmediate(immediate);
    slice();
  };
  const timer = setTimeout(run, 0);
  const immediate = setImmediate(run);
  if (!keepAlive) {
    timer.unref();
    immediate.unref();
  }
  return {
    cancel() {
      done = true;
      clearTimeout(timer);
      clearImmediate(immediate);
    },
    ref() {
      timer.ref();
      immediate.ref();
    },
  };
}

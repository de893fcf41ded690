// Long work that must not hold the event loop (writing the derived-data
// snapshot at 100k articles took 4-7 s in one block, during which the bot
// answered nothing): the work is a generator that yields at points where it
// may pause, and runInSlices runs it a few milliseconds at a time, giving the
// loop a turn between slices. The turn is a ref'd immediate: I/O callbacks
// and timers due run first, and (unlike an unref'd one) it keeps an otherwise
// idle loop from blocking in poll before the next slice.
//
// Work nobody waits for (the writers) may also give way to the foreground
// (decision 040): while a command is in flight or has just ended, the next
// slice waits, so a burst of adds or look-ups has the main thread to itself;
// at most GIVE_WAY_MAX_MS at a time, so that a steady stream of requests
// slows the work down without stopping it.
import { foregroundBusy } from '../foreground.js';

/** Work that yields where it may pause and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** How long work that gives way waits for the foreground at most before running one slice anyway. */
export const GIVE_WAY_MAX_MS = 5_000;
/** How often work that gives way looks again whether the foreground is quiet. */
const GIVE_WAY_POLL_MS = 20;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface SliceOptions {
  /** Checked after each pause: false stops the work (e.g. what it reads changed meanwhile). */
  stillValid?: () => boolean;
  /** Called at each pause (counting slices). */
  onTurn?: () => void;
  /** While this answers true, each slice first waits while the foreground is busy (up to GIVE_WAY_MAX_MS): only for work no request awaits. */
  giveWay?: () => boolean;
}

/**
 * Runs `steps` in slices of about `sliceMs`; between slices, other callbacks
 * run. Returns null (and stops the work) when `stillValid` turns false after
 * a pause.
 */
export async function runInSlices<T>(steps: Steps<T>, sliceMs: number, options: SliceOptions = {}): Promise<T | null> {
  const { stillValid = () => true, onTurn, giveWay = () => false } = options;
  await untilForegroundQuiet(giveWay);
  let until = performance.now() + sliceMs;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() < until) continue;
    await turn();
    await untilForegroundQuiet(giveWay);
    onTurn?.();
    if (!stillValid()) {
      steps.return(undefined as T);
      return null;
    }
    until = performance.now() + sliceMs;
  }
}

/** Waits while `giveWay` answers true and the foreground is busy, GIVE_WAY_MAX_MS at most (a close meanwhile ends the wait). */
async function untilForegroundQuiet(giveWay: () => boolean): Promise<void> {
  const since = performance.now();
  while (giveWay() && foregroundBusy() && performance.now() - since < GIVE_WAY_MAX_MS) await sleep(GIVE_WAY_POLL_MS);
}

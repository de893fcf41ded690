// Long work that must not hold the event loop (writing the derived-data
// snapshot at 100k articles took 4-7 s in one block, during which the bot
// answered nothing): the work is a generator that yields at points where it
// may pause, and runInSlices runs it a few milliseconds at a time, giving the
// loop a turn between slices. The turn is a ref'd immediate: I/O callbacks
// and timers due run first, and (unlike an unref'd one) it keeps an otherwise
// idle loop from blocking in poll before the next slice.

/** Work that yields where it may pause and returns its result. */
export type Steps<T> = Generator<void, T, void>;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `steps` in slices of about `sliceMs`; between slices, other callbacks
 * run. Returns null (and stops the work) when `stillValid` turns false after
 * a pause, e.g. because what the work reads changed meanwhile.
 */
export async function runInSlices<T>(steps: Steps<T>, sliceMs: number, stillValid: () => boolean = () => true, onTurn?: () => void): Promise<T | null> {
  let until = performance.now() + sliceMs;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() < until) continue;
    await turn();
    onTurn?.();
    if (!stillValid()) {
      steps.return(undefined as T);
      return null;
    }
    until = performance.now() + sliceMs;
  }
}

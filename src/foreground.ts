// What the main thread owes users right now, so that background work (the builds
// after a first open, the snapshot and shared-row writers) can give way to it
// (decision 040). The engine marks each command from its start to its reply;
// background work asks `foregroundBusy()`: a command is in flight, or one ended a moment
// ago (a user's look-ups and an admin's adds come in runs, and the next one
// usually arrives before work resumed would be done).
//
// One state per process, not per engine: every engine in a process shares its
// one main thread, so one engine's request is a reason for another's
// background work to wait too.

/** A command that ended less than this ago still counts as foreground. */
export const RECENT_MS = 200;

let inFlight = 0;
let lastEnded = Number.NEGATIVE_INFINITY;

/** Marks a foreground request as begun; the returned function marks it ended (once, however often called). */
export function beginForeground(): () => void {
  inFlight += 1;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    inFlight -= 1;
    lastEnded = performance.now();
  };
}

/** Foreground requests in flight now (a store gathering writes asks how many have yet to reach it). */
export function foregroundInFlight(): number {
  return inFlight;
}

/** True while a foreground request is in flight or one ended less than RECENT_MS ago. */
export function foregroundBusy(now = performance.now()): boolean {
  return inFlight > 0 || now - lastEnded < RECENT_MS;
}

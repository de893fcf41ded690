// Waits (in short real sleeps) for something another instance does asynchronously,
// e.g. a change note arriving over PostgreSQL's LISTEN/NOTIFY; fails naming what it waited for.
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  for (let waited = 0; waited < timeoutMs && !check(); waited += 10) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

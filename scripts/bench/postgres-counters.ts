// What a bench instance on PostgreSQL spends outside its own process: the
// statements it sends (counted by kind, with the time each waited for its
// answer) and the CPU the server's processes used (Linux /proc: the postmaster
// listening on the URL's port, its live backends, and the ended ones' CPU it
// collected). Figures only: the counting wraps pg's Client.query in this
// process, never the store's code.
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

export interface QueryCounts {
  /** By kind ("INSERT articles", "SELECT articles", "BEGIN", ...): how many, and the summed wait for their answers. */
  byKind: Record<string, { count: number; waitMs: number }>;
}

function kindOf(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const write = /\b(INSERT INTO|DELETE FROM|UPDATE) (\w+)/i.exec(t);
  if (write) return `${write[1]!.split(' ')[0]!.toUpperCase()} ${write[2]}`;
  const read = /^(?:SELECT|COPY \(SELECT)\b.*?\bFROM (\w+)/i.exec(t);
  if (read) return `SELECT ${read[1]}`;
  return t.split(' ')[0]!.toUpperCase();
}

/** Counts every statement sent through pg from now on; `take()` returns the counts since the last take. */
export function countQueries(): { take(): QueryCounts } {
  let counts: QueryCounts = { byKind: {} };
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: string } | null)?.text;
    if (typeof text !== 'string') return original.apply(this, args);
    const entry = (counts.byKind[kindOf(text)] ??= { count: 0, waitMs: 0 });
    entry.count++;
    const t0 = performance.now();
    const done = () => void (entry.waitMs += performance.now() - t0);
    // The pool passes a callback; a direct caller gets a promise.
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (...results: unknown[]) => {
        done();
        return (last as (...r: unknown[]) => unknown)(...results);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') void (result as Promise<unknown>).then(done, done);
    return result;
  };
  return {
    take() {
      const taken = counts;
      counts = { byKind: {} };
      return taken;
    },
  };
}

const TICK_MS = 10; // USER_HZ = 100
function statFields(pid: string): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return null;
  }
}

/** CPU ms used so far by the PostgreSQL server listening on `url`'s port (null off Linux or when not found). */
export function serverCpuMs(url: string): number | null {
  const port = new URL(url).port;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  const postmaster = pids.find((pid) => {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return args.some((a) => a.endsWith('postgres')) && args.includes('-p') && args[args.indexOf('-p') + 1] === port;
    } catch {
      return false;
    }
  });
  if (!postmaster) return null;
  let ticks = 0;
  for (const pid of pids) {
    const f = statFields(pid);
    if (!f) continue;
    // After "comm) ": state is f[0], ppid f[1], utime f[11], stime f[12], cutime f[13], cstime f[14].
    if (pid === postmaster) ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    else if (f[1] === postmaster) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks * TICK_MS;
}

// What runs in a bench instance while it times its adds, beyond the adds
// themselves: GC pauses by kind, CPU per thread (Linux /proc, by thread name),
// the main thread's event-loop use, and optionally a CPU profile. Figures only.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import { countQueries, serverCpuMs } from './postgres-counters.js';
import { constants, performance, PerformanceObserver, type EventLoopUtilization } from 'node:perf_hooks';

export interface WindowFigures {
  wallMs: number;
  /** GC pauses by kind (minor, major, incremental, weak): count, summed and longest ms. */
  gc: Record<string, { count: number; ms: number; maxMs: number }>;
  /** CPU ms during the window per thread name (main thread first), summed over threads of a name. */
  threadsCpuMs: Record<string, number>;
  /** The busiest threads but the main one: name, seconds after the process started that the thread did, CPU ms. */
  busiest: { name: string; startedS: number; ms: number }[];
  /** The main thread's event loop: share of the window it was busy. */
  loopUtilization: number;
  /** Bytes the process wrote and read through system calls (files and sockets: the database's statements among them). */
  /** ms the main thread waited on a run queue for a core (Linux schedstat), null elsewhere. */
  mainRunDelayMs: number | null;
  /** PostgreSQL (`countStatements`): the statements sent, by kind. */
  statements?: Record<string, number>;
  /** PostgreSQL: the server's CPU ms during the window (all its processes). */
  serverCpuMs?: number | null;
  writtenBytes: number;
  readBytes: number;
  load: string;
}

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak',
};

/** CPU ms of every thread of this process by thread id, with its name (Linux), empty elsewhere. */
function threads(): Map<string, { name: string; ms: number; startedS: number }> {
  const out = new Map<string, { name: string; ms: number; startedS: number }>();
  const processStart = Number(readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')[19]);
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
        const name = tid === String(process.pid) ? 'main' : readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
        out.set(tid, { name, ms: ((Number(fields[11]) + Number(fields[12])) * 1000) / 100, startedS: (Number(fields[19]) - processStart) / 100 });
      } catch {
        // the thread ended meanwhile
      }
    }
  } catch {
    // not Linux
  }
  return out;
}

/** ns the main thread has waited for a core so far (Linux), null elsewhere. */
function mainRunDelayNs(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[1]);
  } catch {
    return null;
  }
}

/** rchar and wchar of this process (Linux), zeros elsewhere. */
function io(): { read: number; written: number } {
  try {
    const text = readFileSync('/proc/self/io', 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)`, 'm').exec(text)?.[1] ?? 0);
    return { read: field('rchar'), written: field('wchar') };
  } catch {
    return { read: 0, written: 0 };
  }
}

export async function watchWindow(cpuProfile?: string, databaseUrl?: string): Promise<{ stop(adds: number): Promise<WindowFigures> }> {
  const gc: WindowFigures['gc'] = {};
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = GC_KINDS[(e as { detail?: { kind?: number } }).detail?.kind ?? -1] ?? 'other';
      const k = (gc[kind] ??= { count: 0, ms: 0, maxMs: 0 });
      k.count++;
      k.ms += e.duration;
      k.maxMs = Math.max(k.maxMs, e.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const session = cpuProfile ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  }
  const queries = databaseUrl ? countQueries() : null;
  const server0 = databaseUrl ? serverCpuMs(databaseUrl) : null;
  const before = threads();
  const io0 = io();
  const delay0 = mainRunDelayNs();
  const elu0: EventLoopUtilization = performance.eventLoopUtilization();
  const t0 = performance.now();
  return {
    async stop() {
      const wallMs = performance.now() - t0;
      const loopUtilization = performance.eventLoopUtilization(elu0).utilization;
      const after = threads();
      const io1 = io();
      const delay1 = mainRunDelayNs();
      const server1 = databaseUrl ? serverCpuMs(databaseUrl) : null;
      observer.disconnect();
      const threadsCpuMs: Record<string, number> = { main: 0 };
      const busiest: WindowFigures['busiest'] = [];
      for (const [tid, { name, ms, startedS }] of after) {
        const d = ms - (before.get(tid)?.ms ?? 0);
        if (d > 0) threadsCpuMs[name] = (threadsCpuMs[name] ?? 0) + d;
        if (d > 0 && name !== 'main') busiest.push({ name, startedS, ms: d });
      }
      busiest.sort((a, b) => b.ms - a.ms).splice(6);
      if (session) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(cpuProfile!, JSON.stringify(profile));
        session.disconnect();
      }
      return { wallMs, gc, threadsCpuMs, busiest, loopUtilization, ...(queries ? { statements: Object.fromEntries(Object.entries(queries.take().byKind).map(([k, c]) => [k, c.count])), serverCpuMs: server0 === null || server1 === null ? null : server1 - server0 } : {}), mainRunDelayMs: delay0 === null || delay1 === null ? null : (delay1 - delay0) / 1e6, writtenBytes: io1.written - io0.written, readBytes: io1.read - io0.read, load: os.loadavg().map((l) => l.toFixed(2)).join('/') };
    },
  };
}

/** One line: per add, the main thread's CPU and GC pauses by kind, the other threads' CPU, the loop's use. */
export function windowLine(w: WindowFigures, adds: number): string {
  const per = (ms: number) => `${(ms / Math.max(1, adds)).toFixed(2)}`;
  const gc = Object.entries(w.gc)
    .map(([kind, g]) => `${kind} ${g.count}x ${per(g.ms)} (max ${g.maxMs.toFixed(0)} ms)`)
    .join(', ');
  const threads = Object.entries(w.threadsCpuMs)
    .sort(([a, x], [b, y]) => (a === 'main' ? -1 : b === 'main' ? 1 : y - x))
    .map(([name, ms]) => `${name} ${per(ms)}`)
    .join(', ');
  const busiest = w.busiest.map((t) => `${t.name}@${t.startedS.toFixed(1)}s ${per(t.ms)}`).join(', ');
  return `wall ${per(w.wallMs)} ms/add, loop busy ${(w.loopUtilization * 100).toFixed(0)}%, main thread waited for a core ${w.mainRunDelayMs === null ? '?' : per(w.mainRunDelayMs)}; CPU ms/add ${threads} (busiest: ${busiest}); GC pauses ms/add ${gc || 'none'}${w.statements ? `; statements ${Object.entries(w.statements).map(([k, n]) => `${k} ${n}`).join(', ')}; server CPU ${w.serverCpuMs == null ? '?' : per(w.serverCpuMs)} ms/add` : ''}; written ${(w.writtenBytes / Math.max(1, adds) / 1024).toFixed(1)} KB/add, read ${(w.readBytes / Math.max(1, adds) / 1024).toFixed(1)} KB/add; load ${w.load}`;
}

// Worker threads for the CPU-heavy part of adds (cleaning, summarising,
// topics, story signals: derivation.ts), used only while several adds are in
// flight (bulk imports, feed polls, the scale bench), so the main thread
// checks, stores and indexes some articles while workers derive others. A
// lone add is derived on the main thread as before. The pool starts its
// threads only once a burst has gone on for a while (a thread's start and
// warm-up cost more CPU than a short burst saves), lets them go after a quiet
// spell, and never changes an answer: a worker that fails, dies
// or is not ready yet leaves the article to the main thread.
import type { Worker } from 'node:worker_threads';
import type { Brief } from '../briefs/brief-schema.js';
import type { Logger } from '../logger.js';
import type { RawArticle } from '../model/article.js';
import type { Lexicon } from '../search/lexicon.js';
import { conceptsOf } from '../stories/event-signals.js';
import { startWorker } from '../worker-thread.js';
import { deriveAll, type DerivationTools, type Derived } from './derivation.js';
import type { DeriveAnswer, DeriveJob, WorkerSetup } from './derive-worker.js';

/** The share of articles this thread derives itself while workers run (see mayTake). */
const MAIN_SHARE = 0.2;
/** Jobs sent to a worker at once (one being derived, one waiting so it never idles between them). */
const IN_FLIGHT_PER_WORKER = 2;
/** Articles waiting before threads are started (a few adds at once are derived here between other work). */
const START_AT_BACKLOG = 8;
/** A pause this long between jobs ends a burst (see `startAfter`). */
const BURST_GAP_MS = 1_000;
/** Threads are let go after this long without a job (their heaps hold ~40 MB each). */
const IDLE_MS = 30_000;

type Answer = (derived: Derived | null) => void;

interface Job {
  raw: RawArticle;
  now: Date;
  resolve: Answer;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  pending: Map<number, Answer>;
}

function spawn(setup: WorkerSetup): Worker {
  return startWorker(import.meta.url, 'derive-worker', setup);
}

/**
 * Jobs wait in one queue: each ready worker holds up to IN_FLIGHT_PER_WORKER of
 * them, and the main thread takes the next one itself once per turn of the
 * event loop (after the I/O and worker answers of that turn), so it derives
 * in the time it would otherwise wait, and alone while the workers start.
 */
export class DerivePool {
  private readonly threads: Thread[] = [];
  private readonly queue: Job[] = [];
  private nextJob = 0;
  private stealing: NodeJS.Immediate | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly counts = { byWorkers: 0, here: 0 };
  private readyWaiters: (() => void)[] = [];
  /** Articles this thread derived in the current burst, and when the pool last had a job. */
  private burstHere = 0;
  private lastJobAt = -Infinity;

  constructor(
    private readonly size: number,
    private readonly setup: () => WorkerSetup,
    /** The same derivation on this thread. */
    private readonly deriveHere: (raw: RawArticle, now: Date) => Derived,
    private readonly logger: Logger,
    /**
     * Articles of one burst (jobs without a pause of BURST_GAP_MS) this thread
     * derives before threads start. A thread costs ~1 s of CPU to start and
     * warm up, and while it runs each article costs ~1 ms more CPU in all
     * (both threads' JIT and collections, the hand-over): on two cores a
     * burst of 500 adds went at 6.2-7.0 ms of CPU per add without it and
     * 9.3-9.5 with it (docs/decisions/022, derive7).
     */
    private readonly startAfter = 0,
  ) {}

  /**
   * The article derived ahead, by a worker or by this thread between other
   * work; null when that failed (the caller derives it itself, and meets the
   * same error). Starts the threads once enough articles wait.
   */
  derive(raw: RawArticle, now: Date): Promise<Derived | null> {
    return new Promise((resolve) => {
      this.queue.push({ raw, now, resolve });
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = null;
      this.noteJob();
      this.startWhenDue();
      this.pump();
    });
  }

  /** How many articles workers and this thread derived, and how many threads run (benches, tests). */
  stats(): { byWorkers: number; here: number; threads: number } {
    return { ...this.counts, threads: this.threads.length };
  }

  /** Starts the threads and resolves once all of them can take jobs (tests; adds never wait for this). */
  ready(): Promise<void> {
    if (!this.closed) this.startThreads();
    if (this.threads.every((t) => t.ready)) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Stops every thread (the engine is closing); waiting jobs are derived here. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await Promise.all(this.threads.splice(0).map((t) => this.end(t)));
  }

  /** Hands queued jobs to ready workers with room, and schedules this thread's next one. */
  private pump(): void {
    for (const t of this.threads) {
      while (t.ready && t.pending.size < IN_FLIGHT_PER_WORKER && this.queue.length > 0) this.send(t, this.queue.shift()!);
    }
    if (this.queue.length > 0 && this.mayTake()) this.stealing ??= setImmediate(() => this.steal());
    else if (this.threads.every((t) => t.pending.size === 0)) this.idleSoon();
  }

  /**
   * Whether this thread takes the next article: always while no worker is up,
   * else for at most MAIN_SHARE of them, since it also checks, stores and
   * indexes every article (~3.5 ms at 10,000, ~5 ms at 100,000 against ~5.5
   * ms to derive one): taking one whenever it had a free turn left the
   * worker idle half the time (measured).
   */
  private mayTake(): boolean {
    if (!this.threads.some((t) => t.ready)) return true;
    return this.counts.here < MAIN_SHARE * (this.counts.here + this.counts.byWorkers);
  }

  private send(thread: Thread, { raw, now, resolve }: Job): void {
    const job = this.nextJob++;
    if (thread.pending.size === 0) thread.worker.ref(); // an add waiting on it keeps the process alive
    thread.pending.set(job, resolve);
    this.counts.byWorkers += 1;
    const message: DeriveJob = { job, raw, now: now.getTime() };
    thread.worker.postMessage(message);
  }

  /** Starts the threads once enough articles wait and this burst has had its share derived here. */
  private startWhenDue(): void {
    if (!this.closed && this.threads.length < this.size && this.queue.length >= START_AT_BACKLOG && this.burstHere >= this.startAfter) this.startThreads();
  }

  /** A job came or was done: a pause before it ends the burst. */
  private noteJob(): void {
    const t = performance.now();
    if (t - this.lastJobAt > BURST_GAP_MS) this.burstHere = 0;
    this.lastJobAt = t;
  }

  private steal(): void {
    this.stealing = null;
    const job = this.queue.shift();
    if (job) {
      this.counts.here += 1;
      this.burstHere += 1;
      let derived: Derived | null = null;
      try {
        derived = this.deriveHere(job.raw, job.now);
      } catch {
        // the caller derives it again and meets the error in its own place
      }
      job.resolve(derived);
      this.noteJob();
      this.startWhenDue();
    }
    this.pump();
  }

  private startThreads(): void {
    while (this.threads.length < this.size) {
      let worker: Worker;
      try {
        worker = spawn(this.setup());
      } catch (e) {
        this.logger.warn({ event: 'derive_pool_failed', err: e }, 'ingest worker could not start; adds derive on the main thread');
        this.closed = true;
        return;
      }
      const thread: Thread = { worker, ready: false, pending: new Map() };
      worker.unref();
      worker.on('message', (m: DeriveAnswer | 'ready') => this.answer(thread, m));
      worker.on('error', (e) => {
        this.logger.warn({ event: 'derive_worker_failed', err: e }, 'ingest worker failed; adds derive on the main thread');
        this.closed = true; // a worker that cannot run is not started again in this process
        void this.end(thread);
      });
      worker.on('exit', () => void this.end(thread));
      this.threads.push(thread);
    }
  }

  private answer(thread: Thread, m: DeriveAnswer | 'ready'): void {
    if (m === 'ready') {
      thread.ready = true;
      if (this.threads.every((t) => t.ready)) for (const resolve of this.readyWaiters.splice(0)) resolve();
    } else {
      const resolve = thread.pending.get(m.job);
      thread.pending.delete(m.job);
      if (thread.pending.size === 0) thread.worker.unref();
      resolve?.('failed' in m ? null : m.derived);
    }
    this.pump();
  }

  private idleSoon(): void {
    if (this.idleTimer || this.threads.length === 0) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.queue.length === 0) for (const t of [...this.threads]) void this.end(t);
    }, IDLE_MS);
    this.idleTimer.unref();
  }

  /** Ends a thread; the jobs it held are derived on this thread. */
  private async end(thread: Thread): Promise<void> {
    const at = this.threads.indexOf(thread);
    if (at >= 0) this.threads.splice(at, 1);
    if (this.threads.every((t) => t.ready)) for (const resolve of this.readyWaiters.splice(0)) resolve();
    const held = [...thread.pending.values()];
    thread.pending.clear();
    for (const resolve of held) resolve(null);
    this.pump(); // the queue falls to this thread (or to the other workers)
    await thread.worker.terminate();
  }
}

/**
 * The engine's pool: `size` threads deriving with these briefs, this scope (as
 * configured) and this lexicon, as `tools` do here (`tools.prepare` is the
 * search index's, built from the same briefs and scope), started once a burst
 * has had `startAfter` articles derived here.
 */
export function derivePoolFor(
  size: number,
  inputs: { briefs: readonly Brief[]; lexicon: Lexicon; scopeSides: Record<string, string[]> | null },
  tools: DerivationTools,
  logger: Logger,
  startAfter = 0,
): DerivePool {
  const concepts = conceptsOf(inputs.lexicon);
  return new DerivePool(size, () => ({ ...inputs }), (raw, now) => deriveAll(raw, now, tools, concepts), logger, startAfter);
}

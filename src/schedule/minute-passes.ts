// Runs one kind of background work (roundup delivery, feed polling) in passes: a
// node-cron task ticks every minute and a first pass runs on start. node-cron keeps
// no state, so each pass asks its service what is due by the injected clock. One
// pass at a time; a failed pass is logged and the next tick retries.
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.js';

export interface MinutePassesOptions<T> {
  /** Names the cron task ("ringkas-<name>") and the log events ("<name>.pass_failed"). */
  name: string;
  pass: () => Promise<T>;
  logger: Logger;
  /** Cron expression for passes; every minute by default. */
  every?: string;
}

export class MinutePasses<T> {
  private task: ScheduledTask | null = null;
  private running: Promise<T | null> | null = null;

  constructor(private readonly options: MinutePassesOptions<T>) {}

  /** Whether the ticks are running (start was called, stop not yet). */
  get ticking(): boolean {
    return this.task !== null;
  }

  /** Starts the ticks and runs the first pass (the catch-up for what fell due while down). */
  start(): Promise<T | null> {
    if (this.task) return Promise.resolve(null);
    const log = this.options.logger;
    this.task = cron.schedule(this.options.every ?? '* * * * *', () => this.tick(), {
      name: `ringkas-${this.options.name}`,
      noOverlap: true,
      logger: {
        info: (m) => log.debug({ event: 'cron.info' }, m),
        warn: (m) => log.warn({ event: 'cron.warn' }, m),
        error: (m) => log.error({ event: 'cron.error' }, String(m)),
        debug: (m) => log.debug({ event: 'cron.debug' }, String(m)),
      },
    });
    return this.tick();
  }

  /** One pass; when a pass is already running, waits for it instead of starting another. */
  tick(): Promise<T | null> {
    if (this.running) return this.running;
    this.running = this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<T | null> {
    try {
      return await this.options.pass();
    } catch (e) {
      // A failed pass (e.g. store unreadable) must not kill the timer: the next minute retries.
      this.options.logger.error({ event: `${this.options.name}.pass_failed`, err: e instanceof Error ? e.message : String(e) });
      return null;
    }
  }

  /** Stops ticking and waits for a pass in flight, so state writes finish before shutdown. */
  async stop(): Promise<void> {
    const task = this.task;
    this.task = null;
    if (task) await task.destroy();
    if (this.running) await this.running;
  }
}

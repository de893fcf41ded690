// Drives feed polling the way roundups are driven: a node-cron task ticks every
// minute and each pass asks the feed service which feeds are due by the injected
// clock (node-cron keeps no state; the schedule lives in feeds.json). One pass at a time.
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.js';
import type { FeedService } from './feed-service.js';

export interface FeedSchedulerOptions {
  service: () => Promise<FeedService>;
  logger: Logger;
  /** Cron expression for passes; every minute by default. */
  every?: string;
}

export class FeedScheduler {
  private task: ScheduledTask | null = null;
  private running: Promise<number | null> | null = null;

  constructor(private readonly options: FeedSchedulerOptions) {}

  start(): Promise<number | null> {
    if (this.task) return Promise.resolve(null);
    const log = this.options.logger;
    this.task = cron.schedule(this.options.every ?? '* * * * *', () => this.tick(), {
      name: 'ringkas-feeds',
      noOverlap: true,
      logger: {
        info: (m) => log.debug({ event: 'cron.info' }, m),
        warn: (m) => log.warn({ event: 'cron.warn' }, m),
        error: (m) => log.error({ event: 'cron.error' }, String(m)),
        debug: (m) => log.debug({ event: 'cron.debug' }, String(m)),
      },
    });
    log.info({ event: 'feed.scheduler_started' });
    return this.tick();
  }

  /** One pass; when a pass is already running, waits for it instead of starting another. */
  tick(): Promise<number | null> {
    if (this.running) return this.running;
    this.running = this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<number | null> {
    try {
      const polled = await (await this.options.service()).pollDue();
      if (polled > 0) this.options.logger.info({ event: 'feed.pass', polled });
      return polled;
    } catch (e) {
      // A failed pass must not kill the timer: the next minute retries.
      this.options.logger.error({ event: 'feed.pass_failed', err: e instanceof Error ? e.message : String(e) });
      return null;
    }
  }

  /** Stops ticking and waits for a pass in flight, so feed state is written before shutdown. */
  async stop(): Promise<void> {
    const task = this.task;
    this.task = null;
    if (task) await task.destroy();
    if (this.running) await this.running;
    await (await this.options.service()).idle();
  }
}

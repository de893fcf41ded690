// Drives feed polling the way roundups are driven (minute passes by the injected
// clock; the schedule lives in feeds.json): each pass polls the feeds that are due.
import type { Logger } from '../logger.js';
import { MinutePasses } from '../schedule/minute-passes.js';
import type { FeedService } from './feed-service.js';

export interface FeedSchedulerOptions {
  service: () => Promise<FeedService>;
  logger: Logger;
  /** Cron expression for passes; every minute by default. */
  every?: string;
}

export class FeedScheduler {
  private readonly passes: MinutePasses<number>;

  constructor(private readonly options: FeedSchedulerOptions) {
    this.passes = new MinutePasses({
      name: 'feed',
      logger: options.logger,
      ...(options.every ? { every: options.every } : {}),
      pass: async () => {
        const polled = await (await options.service()).pollDue();
        if (polled > 0) options.logger.info({ event: 'feed.pass', polled });
        return polled;
      },
    });
  }

  start(): Promise<number | null> {
    if (this.passes.ticking) return Promise.resolve(null);
    const first = this.passes.start();
    this.options.logger.info({ event: 'feed.scheduler_started' });
    return first;
  }

  /** One pass; when a pass is already running, waits for it instead of starting another. */
  tick(): Promise<number | null> {
    return this.passes.tick();
  }

  /** Stops ticking and waits for a pass in flight, so feed state is written before shutdown. */
  async stop(): Promise<void> {
    await this.passes.stop();
    await (await this.options.service()).idle();
  }
}

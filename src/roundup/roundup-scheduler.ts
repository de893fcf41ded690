// Drives roundup delivery in minute passes with a catch-up pass on start
// (src/schedule/minute-passes.ts): each pass asks the store what is due by the
// injected clock and delivers it.
import type { Logger } from '../logger.js';
import type { Deliverer } from '../model/delivery.js';
import { MinutePasses } from '../schedule/minute-passes.js';
import type { DeliveryReport } from './roundup-delivery.js';
import type { RoundupService } from './roundup-service.js';

export interface RoundupSchedulerOptions {
  service: RoundupService;
  deliverers: readonly Deliverer[];
  logger: Logger;
  /** Cron expression for passes; every minute by default. */
  every?: string;
}

export class RoundupScheduler {
  private readonly passes: MinutePasses<DeliveryReport>;

  constructor(private readonly options: RoundupSchedulerOptions) {
    this.passes = new MinutePasses({
      name: 'roundup',
      logger: options.logger,
      ...(options.every ? { every: options.every } : {}),
      pass: async () => {
        const report = await options.service.deliverDue(options.deliverers);
        if (report.due > 0) options.logger.info({ event: 'roundup.pass', ...report });
        return report;
      },
    });
  }

  /** Starts the minute ticks and runs the catch-up pass for slots missed while down. */
  start(): Promise<DeliveryReport | null> {
    if (this.passes.ticking) return Promise.resolve(null);
    const first = this.passes.start();
    this.options.logger.info({ event: 'roundup.scheduler_started', platforms: this.options.deliverers.map((d) => d.platform) });
    return first;
  }

  /** One pass; when a pass is already running, waits for it instead of starting another. */
  tick(): Promise<DeliveryReport | null> {
    return this.passes.tick();
  }

  /** Stops ticking and waits for a pass in flight, so state writes finish before shutdown. */
  stop(): Promise<void> {
    return this.passes.stop();
  }
}

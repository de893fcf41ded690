// Drives roundup delivery: a node-cron task ticks every minute and a catch-up pass
// runs on start. node-cron neither remembers nor catches up, so each pass asks the
// store what is due (by the injected clock) and delivers it; one pass at a time.
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.js';
import type { Deliverer } from '../model/delivery.js';
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
  private task: ScheduledTask | null = null;
  private running: Promise<DeliveryReport | null> | null = null;

  constructor(private readonly options: RoundupSchedulerOptions) {}

  /** Starts the minute ticks and runs the catch-up pass for slots missed while down. */
  async start(): Promise<DeliveryReport | null> {
    if (this.task) return null;
    const log = this.options.logger;
    this.task = cron.schedule(this.options.every ?? '* * * * *', () => this.tick(), {
      name: 'ringkas-roundups',
      noOverlap: true,
      logger: {
        info: (m) => log.debug({ event: 'cron.info' }, m),
        warn: (m) => log.warn({ event: 'cron.warn' }, m),
        error: (m) => log.error({ event: 'cron.error' }, String(m)),
        debug: (m) => log.debug({ event: 'cron.debug' }, String(m)),
      },
    });
    log.info({ event: 'roundup.scheduler_started', platforms: this.options.deliverers.map((d) => d.platform) });
    return this.tick();
  }

  /** One pass; when a pass is already running, waits for it instead of starting another. */
  tick(): Promise<DeliveryReport | null> {
    if (this.running) return this.running;
    this.running = this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<DeliveryReport | null> {
    try {
      const report = await this.options.service.deliverDue(this.options.deliverers);
      if (report.due > 0) this.options.logger.info({ event: 'roundup.pass', ...report });
      return report;
    } catch (e) {
      // A failed pass (e.g. store unreadable) must not kill the timer: the next minute retries.
      this.options.logger.error({ event: 'roundup.pass_failed', err: e instanceof Error ? e.message : String(e) });
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

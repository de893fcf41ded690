// The one RoundupService of an open engine, shared by the roundup commands and the
// scheduler (so a resume clears the scheduler's in-memory back-off too). Built on
// first use from the engine's services, keyed by that services object.
import type { Brief } from '../briefs/brief-schema.js';
import type { Deliverer } from '../model/delivery.js';
import type { EngineServices } from '../services.js';
import { RoundupScheduler } from './roundup-scheduler.js';
import { RoundupService } from './roundup-service.js';

const services = new WeakMap<EngineServices, RoundupService>();

/** A brief id for a word: the id itself, the brief's name, or one of its aliases. */
export function topicResolver(briefs: readonly Brief[]): (word: string) => string | null {
  const byWord = new Map<string, string>();
  for (const b of briefs) {
    for (const w of [b.id, b.name, ...b.aliases.en, ...b.aliases.id]) {
      const key = w.trim().toLowerCase();
      if (!byWord.has(key)) byWord.set(key, b.id);
    }
  }
  return (word) => byWord.get(word.trim().toLowerCase()) ?? null;
}

export function roundupsFor(s: EngineServices): RoundupService {
  let service = services.get(s);
  if (!service) {
    service = new RoundupService({
      store: s.store,
      clock: s.clock,
      defaultTimezone: s.config.defaultTimezone,
      logger: s.logger,
      resolveTopic: topicResolver(s.briefs),
      topicOrder: () => s.briefs.map((b) => b.id),
      topicLabel: (id) => s.briefs.find((b) => b.id === id)?.name ?? id,
      coordination: s.coordination,
    });
    services.set(s, service);
  }
  return service;
}

/** Starts roundup delivery for an open engine through the running adapters' deliverers. */
export function startRoundupScheduler(s: EngineServices, deliverers: readonly Deliverer[]): RoundupScheduler {
  const scheduler = new RoundupScheduler({ service: roundupsFor(s), deliverers, logger: s.logger });
  // The catch-up pass runs in the background; a failed pass is logged by the scheduler.
  void scheduler.start();
  return scheduler;
}

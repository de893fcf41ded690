// The one FeedService of an open engine, shared by the feed commands and the
// scheduler, built on first use from the engine's services (as roundups are).
// Its code (feed parsing, the guarded HTTP agent: ~30 MB of modules) is loaded
// then too, not at every start.
import type { EngineServices } from '../services.js';
import { PrivateHostAllowList } from '../fetch/address-policy.js';
import { readScopeSides } from '../briefs/scope.js';
import { FeedRelevance } from './feed-relevance.js';
import { FeedScheduler } from './feed-scheduler.js';
import type { FeedService } from './feed-service.js';

const services = new WeakMap<EngineServices, Promise<FeedService>>();

export function feedsFor(s: EngineServices): Promise<FeedService> {
  let service = services.get(s);
  if (!service) {
    service = build(s);
    services.set(s, service);
  }
  return service;
}

async function build(s: EngineServices): Promise<FeedService> {
  const [{ FeedService }, { fetchFeed }, { createGuardedAgent, systemResolver }] = await Promise.all([
    import('./feed-service.js'),
    import('./fetch-feed.js'),
    import('../fetch/guarded-agent.js'),
  ]);
  const { config } = s;
  const allow = new PrivateHostAllowList(config.fetch.allowPrivateHosts);
  const dispatcher = createGuardedAgent({ resolve: systemResolver, allow, connectTimeoutMs: config.fetch.timeoutMs });
  const relevance = new FeedRelevance(s.briefs, readScopeSides(config.briefsDir), {
    minTopicMentions: config.feeds.minTopicMentions,
    minPartyMentions: config.feeds.minPartyMentions,
  });
  return new FeedService({
    feeds: await s.store.feeds(),
    articles: s.articles,
    relevance,
    fetch: (url, validators) =>
      fetchFeed(url, validators, { dispatcher, allow, config: config.fetch, maxBytes: config.feeds.maxBytes, now: () => s.clock.now() }),
    clock: s.clock,
    logger: s.logger,
    config: config.feeds,
    coordination: s.coordination,
  });
}

/** Starts feed polling for an open engine; stop it before closing the engine. */
export function startFeedScheduler(s: EngineServices): FeedScheduler {
  const scheduler = new FeedScheduler({ service: () => feedsFor(s), logger: s.logger });
  void scheduler.start();
  return scheduler;
}

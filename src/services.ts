// What command modules may use. Built once by Engine.open.
import type { ArticleService } from './articles/article-service.js';
import type { Brief } from './briefs/brief-schema.js';
import type { CardBuilder } from './cards/build-card.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Coordination } from './coordination/claims.js';
import type { Logger } from './logger.js';
import type { HelpEntry } from './model/reply.js';
import type { Lexicon } from './search/lexicon.js';
import type { SearchIndex } from './search/search-index.js';
import type { BriefingStore } from './store/briefing-store.js';
import type { StoryIndex } from './stories/story-clusters.js';

export interface EngineServices {
  config: Config;
  logger: Logger;
  clock: Clock;
  store: BriefingStore;
  /** Claims and request de-dup shared with other instances on the same store. */
  coordination: Coordination;
  briefs: readonly Brief[];
  lexicon: Lexicon;
  index: SearchIndex;
  stories: StoryIndex;
  cards: CardBuilder;
  articles: ArticleService;
  /** The registry's help, built once (the help command cannot import the registry that lists it). */
  help: readonly HelpEntry[];
}

// The engine facade adapters talk to: open once, then parse/execute commands.
// It never knows which platform asked; replies are neutral (src/model/reply.ts).
import { beginForeground } from './foreground.js';
import { ArticleService } from './articles/article-service.js';
import { derivePoolFor } from './articles/derive-pool.js';
import { briefGlossary, loadBriefs } from './briefs/load-briefs.js';
import { readScopeSides, scopeOf } from './briefs/scope.js';
import { TopicTagger } from './briefs/topic-tagger.js';
import { CardBuilder } from './cards/build-card.js';
import { systemClock, type Clock } from './clock.js';
import { parseCommand } from './commands/parse-command.js';
import type { CommandInfo, OptionValues, ParseResult } from './commands/command-module.js';
import { commandInfos, helpEntries, moduleFor } from './commands/registry.js';
import { isConfiguredAdmin, type Config } from './config.js';
import { isRingkasError } from './errors.js';
import type { ArticleFetcher } from './fetch/article-fetcher.js';
import { lazySafeFetcher } from './fetch/lazy-fetcher.js';
import { silentLogger, type Logger } from './logger.js';
import type { Actor, CommandContext } from './model/actor.js';
import type { StoredArticle } from './model/article.js';
import type { Command, CommandName, CommandOf } from './model/command.js';
import type { Deliverer } from './model/delivery.js';
import type { Reply } from './model/reply.js';
import type { SubscriptionRecord } from './model/subscription.js';
import { feedsFor, startFeedScheduler } from './feeds/engine-feeds.js';
import type { FeedService } from './feeds/feed-service.js';
import { roundupsFor, startRoundupScheduler } from './roundup/engine-roundups.js';
import type { RoundupService } from './roundup/roundup-service.js';
import type { AuditEntry } from './store/store-schema.js';
import { ADMINS, cmd, say } from './model/text.js';
import { completions } from './search/completions.js';
import { loadLexicon } from './search/lexicon.js';
import { seedIfEmpty } from './seed-store.js';
import type { EngineServices } from './services.js';
import { openStore } from './store/open-store.js';
import { derivationInputs, openDerivedIndexes, prefetchSnapshot, type DerivedWriter } from './snapshot/derived-indexes.js';
import { startSharedRead, type SharedStart } from './snapshot/shared-snapshot.js';

export interface EngineOptions {
  config: Config;
  logger?: Logger;
  clock?: Clock;
  fetcher?: ArticleFetcher;
}

export type ParsedCommand = { ok: true; command: Command } | { ok: false; reply: Reply; needsInput?: CommandName };

/** Read-only views for tests and benches (Engine.probe). */
export interface EngineProbe {
  articleCount(): number;
  /** Every stored article (e.g. to see what a feed brought in). */
  articles(): readonly StoredArticle[];
  audit(): readonly AuditEntry[];
  subscriptions(): readonly SubscriptionRecord[];
  /** The roundup service the commands and the scheduler share (e.g. to drive a scheduler by hand). */
  roundups(): RoundupService;
  /** The feed service the feed commands and the scheduler share. */
  feeds(): Promise<FeedService>;
  /** Forget cached look-up answers, to time uncached look-ups. */
  clearAnswerCache(): void;
  /** True once stories and the near-duplicate check hold every stored article (built in the background after a first open). */
  storedArticlesIndexed(): boolean;
}

export interface ExecuteOptions {
  /** The platform offers this command to admins only (e.g. Discord's /brief-admin): refuse others here too. */
  adminOnly?: boolean;
}

export class Engine {
  private closed = false;

  readonly #services: EngineServices;
  readonly #stopFollowing: () => void;
  readonly #snapshots: DerivedWriter | null;

  private constructor(services: EngineServices, snapshots: DerivedWriter | null) {
    this.#services = services;
    this.#snapshots = snapshots;
    this.#stopFollowing = services.articles.followRemoteChanges();
    services.articles.prepareInBackground();
  }

  static async open(options: EngineOptions): Promise<Engine> {
    const { config } = options;
    const logger = options.logger ?? silentLogger;
    const clock = options.clock ?? systemClock;
    const started = performance.now();
    const briefs = loadBriefs(config.briefsDir);
    const lexicon = loadLexicon(config.lexiconFile);
    const scopeSides = readScopeSides(config.briefsDir);
    // The embedded store keeps its derived-data snapshot in its data folder: read it while the store is read.
    const prefetched = config.databaseUrl === null ? prefetchSnapshot(config.dataDir) : null;
    // A store that keeps derived data (PostgreSQL) has it read while its articles load (decisions 027, 029).
    let sharedStart: SharedStart | undefined;
    const store = await openStore(config, logger, (shared) => {
      sharedStart = startSharedRead(shared, derivationInputs({ briefs, lexicon, scopeSides }), logger);
    });
    const sharedRows = sharedStart?.finish(store);
    logger.info({ event: 'store_opened', articles: store.articleCount, ms: Math.round(performance.now() - started) }, 'store opened');
    try {
      const { index, stories, nearDuplicates, snapshots } = await openDerivedIndexes({ store, briefs, lexicon, scope: scopeOf(scopeSides), scopeSides, logger, sharedRows, prefetched, readAhead: config.ingestWorkers > 0 });
      const cards = new CardBuilder(briefs, stories, store);
      const tagger = new TopicTagger(briefs);
      const glossary = briefGlossary(briefs);
      const derivePool =
        config.ingestWorkers > 0 ? derivePoolFor(config.ingestWorkers, { briefs, lexicon, scopeSides }, { tagger, glossary, prepare: (a, bodyWords) => index.prepare(a, bodyWords) }, logger, config.ingestWorkersAfter) : undefined;
      const articles = new ArticleService({
        store,
        index,
        stories,
        cards,
        tagger,
        glossary,
        clock,
        logger,
        fetcher: options.fetcher ?? lazySafeFetcher(config.fetch, logger),
        derivePool,
        nearDuplicates,
      });
      const coordination = store.coordination(clock);
      const services: EngineServices = { config, logger, clock, store, coordination, briefs, lexicon, index, stories, cards, articles, help: helpEntries() };
      await seedIfEmpty(services);
      snapshots?.start();
      logger.info(
        { event: 'engine_ready', articles: store.articleCount, briefs: briefs.length, ms: Math.round(performance.now() - started) },
        'engine ready',
      );
      return new Engine(services, snapshots);
    } catch (e) {
      await store.close();
      throw e;
    }
  }

  parse(text: string): ParsedCommand {
    return parsedCommand(parseCommand(text));
  }

  /** A command from typed option values (platforms that ask for options one by one). */
  parseOptions(name: CommandName, values: OptionValues): ParsedCommand {
    const module = moduleFor(name);
    if (!module) return { ok: false, reply: { kind: 'message', tone: 'error', text: `Unknown command "${String(name)}".` } };
    if (module.fromOptions) return parsedCommand(module.fromOptions(values));
    const first = module.options?.find((o) => o.kind === 'text');
    return parsedCommand(module.parse(first ? (values.text(first.name) ?? '') : ''));
  }

  /** What every command declares (admin-only, shareable, listing, options…), for adapters. */
  commands(): CommandInfo[] {
    return commandInfos();
  }

  /** The configured admin allow-list (RINGKAS_ADMINS), which grants admin on every platform. */
  isConfiguredAdmin(actor: Pick<Actor, 'platform' | 'id'>): boolean {
    return isConfiguredAdmin(this.#services.config, actor.platform, actor.id);
  }

  async run(text: string, ctx: CommandContext): Promise<Reply> {
    const parsed = this.parse(text);
    return parsed.ok ? this.execute(parsed.command, ctx) : parsed.reply;
  }

  /** Runs a typed command. Never throws: failures become one clear sentence. */
  async execute<N extends CommandName>(command: CommandOf<N> & { name: N }, ctx: CommandContext, options: ExecuteOptions = {}): Promise<Reply> {
    // Background work gives way while commands are in flight (foreground.ts).
    const ended = beginForeground();
    try {
      return await this.executeNow<N>(command, ctx, options);
    } finally {
      ended();
    }
  }

  private async executeNow<N extends CommandName>(command: CommandOf<N> & { name: N }, ctx: CommandContext, options: ExecuteOptions): Promise<Reply> {
    const module = moduleFor<N>(command.name);
    const { logger } = this.#services;
    // Adapters build commands from platform input: an unknown name is refused, not a crash.
    if (!module) return { kind: 'message', tone: 'error', text: say`Unknown command "${String(command.name)}". Try ${cmd('help')}.` };
    const actor = { ...ctx.actor, isAdmin: ctx.actor.isAdmin || this.isConfiguredAdmin(ctx.actor) };
    const detail = module.auditDetail ? module.auditDetail(command) : '';
    const adminOnly = module.adminOnly || options.adminOnly === true;
    if (adminOnly && !actor.isAdmin) {
      await this.audit(command.name, actor, detail, 'refused');
      return { kind: 'message', tone: 'error', text: say`Sorry, only admins can use ${cmd(command.name)}. Ask ${ADMINS}.` };
    }
    const started = performance.now();
    try {
      const reply = await module.run(this.#services, command, { ...ctx, actor });
      if (adminOnly) await this.audit(command.name, actor, detail, 'ok');
      logger.info({ event: 'command', command: command.name, platform: actor.platform, reply: reply.kind, ms: Math.round(performance.now() - started) }, 'command handled');
      return reply;
    } catch (e) {
      if (adminOnly) await this.audit(command.name, actor, detail, 'failed').catch(() => undefined);
      if (isRingkasError(e)) {
        logger.info({ event: 'command_refused', command: command.name, code: e.code, platform: actor.platform }, e.message);
        return { kind: 'message', tone: 'error', text: e.userMessage };
      }
      logger.error({ event: 'command_failed', command: command.name, platform: actor.platform, err: e }, 'command failed');
      return { kind: 'message', tone: 'error', text: 'Something went wrong on our side and it has been logged. Please try again in a moment.' };
    }
  }

  isSlow<N extends CommandName>(command: CommandOf<N> & { name: N }): boolean {
    const module = moduleFor<N>(command.name);
    return module?.slow ? module.slow(command) : false;
  }

  /**
   * True for exactly one caller per key across every instance sharing this store,
   * until `ttlMs` has passed: a platform's redelivery of a request (to this instance
   * or another) is answered once.
   */
  firstTime(key: string, ttlMs: number): Promise<boolean> {
    return this.#services.coordination.ledger.firstTime(key, ttlMs);
  }

  complete(prefix: string, limit = 25): string[] {
    return completions(this.#services, prefix, limit);
  }

  private async audit(command: string, actor: CommandContext['actor'], detail: string, outcome: 'ok' | 'refused' | 'failed'): Promise<void> {
    const entry = { at: this.#services.clock.now().toISOString(), platform: actor.platform, actor: actor.id, command, detail, outcome };
    // The action itself already happened (or was refused): an audit line that cannot be
    // written (full disk) is logged, not turned into a failure of the command.
    await this.#services.store.recordAudit(entry).catch((err: unknown) => {
      this.#services.logger.error({ event: 'audit_write_failed', command, outcome, err }, 'audit line not written');
    });
  }

  /**
   * Starts weekly roundup delivery through the running adapters' deliverers (after they are up).
   * The catch-up pass runs in the background; a failed pass is logged by the scheduler.
   */
  startRoundups(deliverers: readonly Deliverer[]): { stop(): Promise<void> } {
    return startRoundupScheduler(this.#services, deliverers);
  }

  /**
   * Starts polling the followed feeds in the background; stop it before closing the engine
   * so feed state is written.
   */
  startFeeds(): { stop(): Promise<void> } {
    return startFeedScheduler(this.#services);
  }

  /** The narrow window tests and benches read through; adapters use the operations above. */
  probe(): EngineProbe {
    const { store, index } = this.#services;
    return {
      articleCount: () => store.articleCount,
      articles: () => [...store.listArticles()],
      audit: () => store.listAudit(),
      subscriptions: () => store.listSubscriptions(),
      roundups: () => roundupsFor(this.#services),
      feeds: () => feedsFor(this.#services),
      clearAnswerCache: () => index.answers.invalidate(),
      storedArticlesIndexed: () => this.#services.articles.storedArticlesIndexed(),
    };
  }

  /** Waits for pending writes and releases the data directory (or the database). Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.#stopFollowing();
    this.#services.stories.stop();
    const articlesStopped = this.#services.articles.stop();
    await articlesStopped;
    await this.#snapshots?.close();
    await this.#services.store.close();
  }
}

function parsedCommand(parsed: ParseResult<Command>): ParsedCommand {
  if (parsed.ok) return parsed;
  return { ok: false, reply: { kind: 'message', tone: 'error', text: parsed.message }, ...(parsed.needsInput ? { needsInput: parsed.needsInput } : {}) };
}

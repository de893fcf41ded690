// The engine facade adapters talk to: open once, then parse/execute commands.
// It never knows which platform asked; replies are neutral (src/model/reply.ts).
import { ArticleService } from './articles/article-service.js';
import { briefGlossary, loadBriefs } from './briefs/load-briefs.js';
import { loadScope } from './briefs/scope.js';
import { TopicTagger } from './briefs/topic-tagger.js';
import { CardBuilder } from './cards/build-card.js';
import { systemClock, type Clock } from './clock.js';
import { parseCommand } from './commands/parse-command.js';
import { COMMANDS, helpEntries } from './commands/registry.js';
import { isConfiguredAdmin, type Config } from './config.js';
import { isRingkasError } from './errors.js';
import type { ArticleFetcher } from './fetch/article-fetcher.js';
import { createSafeFetcher } from './fetch/safe-fetch.js';
import { silentLogger, type Logger } from './logger.js';
import type { CommandContext } from './model/actor.js';
import type { Command } from './model/command.js';
import type { HelpEntry, Reply } from './model/reply.js';
import { completions } from './search/completions.js';
import { loadLexicon } from './search/lexicon.js';
import { SearchIndex } from './search/search-index.js';
import { seedIfEmpty } from './seed-store.js';
import type { EngineServices } from './services.js';
import { Store } from './store/store.js';
import { StoryIndex } from './stories/story-clusters.js';

export interface EngineOptions {
  config: Config;
  logger?: Logger;
  clock?: Clock;
  fetcher?: ArticleFetcher;
}

export type ParsedCommand = { ok: true; command: Command } | { ok: false; reply: Reply };

export class Engine {
  private closed = false;

  private constructor(readonly services: EngineServices) {}

  static async open(options: EngineOptions): Promise<Engine> {
    const { config } = options;
    const logger = options.logger ?? silentLogger;
    const clock = options.clock ?? systemClock;
    const started = performance.now();
    const briefs = loadBriefs(config.briefsDir);
    const lexicon = loadLexicon(config.lexiconFile);
    const store = await Store.open(config.dataDir);
    try {
      const stories = new StoryIndex([...store.listArticles()], lexicon);
      const index = new SearchIndex(briefs, (id) => store.getArticle(id), loadScope(config.briefsDir));
      index.addAll(store.listArticles());
      const cards = new CardBuilder(briefs, stories);
      const articles = new ArticleService({
        store,
        index,
        stories,
        cards,
        tagger: new TopicTagger(briefs),
        glossary: briefGlossary(briefs),
        clock,
        logger,
        fetcher: options.fetcher ?? createSafeFetcher(config.fetch, logger),
      });
      const services: EngineServices = { config, logger, clock, store, briefs, lexicon, index, stories, cards, articles };
      await seedIfEmpty(services);
      logger.info(
        { event: 'engine_ready', articles: store.articleCount, briefs: briefs.length, ms: Math.round(performance.now() - started) },
        'engine ready',
      );
      return new Engine(services);
    } catch (e) {
      await store.close();
      throw e;
    }
  }

  parse(text: string): ParsedCommand {
    const parsed = parseCommand(text);
    if (parsed.ok) return parsed;
    return { ok: false, reply: { kind: 'message', tone: 'error', text: parsed.message } };
  }

  async run(text: string, ctx: CommandContext): Promise<Reply> {
    const parsed = this.parse(text);
    return parsed.ok ? this.execute(parsed.command, ctx) : parsed.reply;
  }

  /** Runs a typed command. Never throws: failures become one clear sentence. */
  async execute(command: Command, ctx: CommandContext): Promise<Reply> {
    const module = COMMANDS.get(command.name);
    const { logger, config } = this.services;
    if (!module) return { kind: 'message', tone: 'error', text: `Unknown command "${command.name}". Try "/brief help".` };
    const actor = { ...ctx.actor, isAdmin: ctx.actor.isAdmin || isConfiguredAdmin(config, ctx.actor.platform, ctx.actor.id) };
    const detail = module.auditDetail ? module.auditDetail(command as never) : '';
    if (module.adminOnly && !actor.isAdmin) {
      await this.audit(command.name, actor, detail, 'refused');
      return { kind: 'message', tone: 'error', text: `Sorry, only admins can use "${module.usage.split(' ').slice(0, 2).join(' ')}". Ask a workspace admin.` };
    }
    const started = performance.now();
    try {
      const reply = await module.run(this.services, command as never, { ...ctx, actor });
      if (module.adminOnly) await this.audit(command.name, actor, detail, 'ok');
      logger.info({ event: 'command', command: command.name, platform: actor.platform, reply: reply.kind, ms: Math.round(performance.now() - started) }, 'command handled');
      return reply;
    } catch (e) {
      if (module.adminOnly) await this.audit(command.name, actor, detail, 'failed').catch(() => undefined);
      if (isRingkasError(e)) {
        logger.info({ event: 'command_refused', command: command.name, code: e.code, platform: actor.platform }, e.userMessage);
        return { kind: 'message', tone: 'error', text: e.userMessage };
      }
      logger.error({ event: 'command_failed', command: command.name, platform: actor.platform, err: e }, 'command failed');
      return { kind: 'message', tone: 'error', text: 'Something went wrong on our side and it has been logged. Please try again in a moment.' };
    }
  }

  isSlow(command: Command): boolean {
    const module = COMMANDS.get(command.name);
    return module?.slow ? module.slow(command as never) : false;
  }

  complete(prefix: string, limit = 25): string[] {
    return completions(this.services, prefix, limit);
  }

  helpEntries(): HelpEntry[] {
    return helpEntries();
  }

  private async audit(command: string, actor: CommandContext['actor'], detail: string, outcome: 'ok' | 'refused' | 'failed'): Promise<void> {
    const entry = { at: this.services.clock.now().toISOString(), platform: actor.platform, actor: actor.id, command, detail, outcome };
    // The action itself already happened (or was refused): an audit line that cannot be
    // written (full disk) is logged, not turned into a failure of the command.
    await this.services.store.recordAudit(entry).catch((err: unknown) => {
      this.services.logger.error({ event: 'audit_write_failed', command, outcome, err }, 'audit line not written');
    });
  }

  /** Waits for pending writes and releases the data directory. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.services.stories.stop();
    await this.services.store.close();
  }
}

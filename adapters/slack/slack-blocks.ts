// Every neutral Reply as a Slack message (Block Kit + plain fallback), within the
// documented limits: when something does not fit, it is cut with an ellipsis and
// the message says how much more there is.
import type { CommandName } from '../../src/model/command.js';
import type { Reply, Roundup, SubscriptionInfo } from '../../src/model/reply.js';
import { inWords, type TextWords } from '../../src/model/text.js';
import { LIMITS, context, divider, header, section, type SlackBlock, type SlackMessage } from './block-kit.js';
import { cardBlocks, cardFallback, mrkdwnLink } from './slack-card-blocks.js';
import { escapeMrkdwn, slackText, truncateEscaped } from './slack-escape.js';
import { cardDateLabel } from '../../src/cards/card-date.js';

export interface RenderOptions {
  /** The slash command as configured, e.g. "/brief", used in hints. */
  command?: string;
  /** Blocks the caller will append (e.g. the Share button); kept free. */
  reserveBlocks?: number;
  maxBlocks?: number;
}

/** The configured slash command, then the command word (none for the look-up), then its arguments. */
export function slackCommand(slash: string, name: CommandName, args?: string): string {
  return [slash, name === 'brief' ? '' : name, args ?? ''].filter(Boolean).join(' ');
}

/**
 * Slack's words for command references: the configured command in a code span, and workspace
 * admins. Applied before escaping (slackText escapes the whole sentence, arguments included).
 */
export function slackWords(slash: string): TextWords {
  return { command: (ref) => `\`${slackCommand(slash, ref.command, ref.args)}\``, admins: 'a workspace admin' };
}

const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const budget = (options.maxBlocks ?? LIMITS.blocksPerMessage) - (options.reserveBlocks ?? 0);
  const command = options.command ?? '/brief';
  const { text, intro, units, more, outro } = describe(reply, command);
  const blocks = pack(intro, units, outro, budget, more);
  return { text: truncateEscaped(escapeMrkdwn(text), LIMITS.fallbackText) || ' ', blocks };
}

interface Described {
  /** Unescaped fallback text. */
  text: string;
  intro: SlackBlock[];
  /** Groups that are shown whole or not at all, in order. */
  units: SlackBlock[][];
  /** How many results exist beyond the units (e.g. stories the engine did not send). */
  more: { hidden: number; label: string; hint: string | null };
  outro: SlackBlock[];
}

const noMore = { hidden: 0, label: 'more', hint: null };

function describe(reply: Reply, command: string): Described {
  switch (reply.kind) {
    case 'cards':
      return describeCards(reply, command);
    case 'empty': {
      const tries = reply.suggestions.map((s) => `${command} ${s}`).join(', ');
      const text = `Nothing found for "${reply.query}".${tries ? ` Try ${tries}.` : ''}`;
      return { text, intro: [section(slackText(text, LIMITS.sectionText))], units: [], more: noMore, outro: [] };
    }
    case 'message': {
      const icon = reply.tone === 'error' ? ':warning: ' : reply.tone === 'success' ? ':white_check_mark: ' : '';
      const text = inWords(reply.text, slackWords(command));
      return {
        text,
        intro: [section(icon + slackText(text || ' ', LIMITS.sectionText - icon.length))],
        units: [],
        more: noMore,
        outro: [],
      };
    }
    case 'added': {
      const head = reply.duplicate ? 'Already in the briefing:' : 'Added:';
      return {
        text: `${head} ${cardFallback(reply.card)}`,
        intro: [section(`:white_check_mark: ${head} \`${slackText(reply.card.id, 200)}\``)],
        units: [cardBlocks(reply.card)],
        more: noMore,
        outro: [],
      };
    }
    case 'topics':
      return describeTopics(reply, command);
    case 'articles':
      return describeArticles(reply, command);
    case 'help':
      return describeHelp(reply, command);
    case 'roundup':
      return describeRoundup(reply.roundup, reply.preview, command);
    case 'subscriptions':
      return describeSubscriptions(reply.items, command);
  }
}

function describeCards(reply: Extract<Reply, { kind: 'cards' }>, command: string): Described {
  const n = reply.cards.length;
  const refine = reply.refine.length > 0 ? `refine with ${reply.refine.map((r) => `${command} ${r}`).join(', ')}` : null;
  return {
    text: `${n} ${n === 1 ? 'card' : 'cards'} for "${reply.query}": ${reply.cards.map(cardFallback).join('; ')}`,
    intro: [context(slackText(`Results for "${reply.query}"`, LIMITS.contextText))],
    units: reply.cards.map((c, i) => [...(i > 0 ? [divider()] : []), ...cardBlocks(c, i)]),
    more: { hidden: Math.max(0, reply.total - n), label: 'more results', hint: refine },
    outro: [],
  };
}

function describeTopics(reply: Extract<Reply, { kind: 'topics' }>, command: string): Described {
  return {
    text: `Topics: ${reply.topics.map((t) => t.name).join(', ')}`,
    intro: [header('Topics')],
    units: reply.topics.map((t) => {
      const aliases = t.aliases.length > 0 ? `\n_Also: ${escapeMrkdwn(t.aliases.join(', '))}_` : '';
      const body = `*${escapeMrkdwn(t.name)}* · \`${command} ${escapeMrkdwn(t.id)}\` · ${t.articleCount} articles\n${escapeMrkdwn(t.description)}${aliases}`;
      return [section(truncateEscaped(body, LIMITS.sectionText))];
    }),
    more: { hidden: 0, label: 'more topics', hint: null },
    outro: [],
  };
}

function describeHelp(reply: Extract<Reply, { kind: 'help' }>, command: string): Described {
  return {
    text: `Commands: ${reply.commands.map((c) => c.name).join(', ')}`,
    intro: [header('Ringkas commands')],
    units: lineSections(
      reply.commands.map((c) => {
        const forms = (c.usage.length > 0 ? c.usage : ['']).map((form) => slackCommand(command, c.name, form || undefined));
        const admin = c.adminOnly ? ' _(admins)_' : '';
        return `\`${escapeMrkdwn(forms.join(' | '))}\` ${escapeMrkdwn(c.describe)}${admin}`;
      }),
    ),
    more: { hidden: 0, label: 'more commands', hint: null },
    outro: [],
  };
}

function describeArticles(reply: Extract<Reply, { kind: 'articles' }>, command: string): Described {
  const lines = reply.items.map((a) => {
    const meta = [a.source, cardDateLabel(a.date) ?? 'undated', a.language].filter(Boolean).join(' · ');
    return `\`${escapeMrkdwn(a.id)}\` ${escapeMrkdwn(a.headline)} _(${escapeMrkdwn(meta)})_`;
  });
  const next = reply.page < reply.pages ? ` · next: \`${command} list ${reply.page + 1}\`` : '';
  return {
    text: `Articles, page ${reply.page} of ${reply.pages} (${reply.total} in all)`,
    intro: [header(`Articles (${reply.total})`)],
    units: lineSections(lines),
    more: { hidden: 0, label: 'more articles', hint: null },
    outro: [context(`Page ${reply.page} of ${reply.pages}${next}`)],
  };
}

function describeRoundup(r: Roundup, preview: boolean, command: string): Described {
  const title = `Weekly roundup · ${r.period}${preview ? ' (preview)' : ''}`;
  const units = r.lines.map((l) => {
    const sources = l.sources.map((s) => mrkdwnLink(`${s.source ?? 'source'} (${s.language})`, s.link, 300)).join(' · ');
    const topic = l.topic ? `_${escapeMrkdwn(l.topic)}_ · ` : '';
    const point = l.point ? `\n${escapeMrkdwn(l.point)}` : '';
    const head = `${topic}*${escapeMrkdwn(l.headline)}*${point}`;
    const tail = sources ? `\n${sources}` : '';
    return [section(truncateEscaped(head, LIMITS.sectionText - tail.length) + tail)];
  });
  if (units.length === 0) units.push([section('Nothing new this week.')]);
  return {
    text: `${title}: ${r.lines.map((l) => l.headline).join('; ') || 'nothing new'}`,
    intro: [header(slackText(title, LIMITS.headerText))],
    units,
    more: { hidden: r.more, label: 'more stories', hint: r.moreHint ? slackCommand(command, r.moreHint.command, r.moreHint.args) : null },
    outro: [],
  };
}

function describeSubscriptions(items: SubscriptionInfo[], command: string): Described {
  const lines = items.map((s) => {
    const day = WEEKDAYS[s.weekday] ?? `day ${s.weekday}`;
    const topics = s.topics.length > 0 ? s.topics.join(', ') : 'all topics';
    const paused = s.paused ? ` · *paused*: ${escapeMrkdwn(s.paused)} (\`${command} resume\`)` : '';
    return `\`${escapeMrkdwn(s.id)}\` ${day} ${escapeMrkdwn(`${s.time} ${s.timezone}`)} · ${escapeMrkdwn(topics)} · next ${escapeMrkdwn(s.nextRunLocal)}${paused}`;
  });
  return {
    text: items.length > 0 ? `${items.length} roundup subscription(s)` : 'No roundup subscriptions in this channel.',
    intro: [section(items.length > 0 ? '*Roundup subscriptions*' : `No roundup subscriptions here. Try \`${command} subscribe\`.`)],
    units: lineSections(lines),
    more: noMore,
    outro: [],
  };
}

/** Packs escaped lines into as few sections as fit, one unit per section. */
function lineSections(lines: string[]): SlackBlock[][] {
  const units: SlackBlock[][] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncateEscaped(raw, LIMITS.sectionText);
    if (current && current.length + 1 + line.length > LIMITS.sectionText) {
      units.push([section(current)]);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) units.push([section(current)]);
  return units;
}

function pack(intro: SlackBlock[], units: SlackBlock[][], outro: SlackBlock[], budget: number, more: Described['more']): SlackBlock[] {
  const blocks = [...intro];
  const footerSize = 1 + outro.length;
  let shown = 0;
  for (const unit of units) {
    if (blocks.length + unit.length + footerSize > budget) break;
    blocks.push(...unit);
    shown += 1;
  }
  const cut = units.length - shown;
  const hidden = more.hidden + cut;
  if (hidden > 0) {
    const hint = more.hint ? `: ${escapeMrkdwn(more.hint)}` : '';
    blocks.push(context(truncateEscaped(`…and ${hidden} ${more.label}${hint}`, LIMITS.contextText)));
  }
  blocks.push(...outro);
  return blocks.slice(0, Math.max(1, budget));
}

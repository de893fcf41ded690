// Neutral Card / Reply -> Discord embeds. Every reply kind renders here; discord-limits keeps it legal.
// Every string that came from an article or a user goes through `md` (escapeDiscord) before it
// reaches a markdown-rendering part; footers render no markdown and take text as it is.
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Card, CardSource, Language } from '../../src/model/article.js';
import type { HelpEntry, Reply, Roundup, SubscriptionInfo, TopicInfo, Tone, ArticleListItem } from '../../src/model/reply.js';
import { inWords, type Text, type TextWords } from '../../src/model/text.js';
import { truncate } from '../../src/text/fit-length.js';
import { escapeDiscord as md } from './discord-markdown.js';
import { commandSyntax, helpSyntax } from './discord-syntax.js';
import { chunkLines, LIMITS, packMessages, safeUrl, type DiscordMessage } from './discord-limits.js';
import { cardDateLabel } from '../../src/cards/card-date.js';

const COLOURS = { info: 0x3b82f6, success: 0x16a34a, error: 0xdc2626, card: 0x0f766e } as const;
const LANGUAGE_NAMES: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' };
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function cardEmbed(card: Card): APIEmbed {
  const url = safeUrl(card.link);
  const description = leadingLines(card.keyPoints, (p) => `• ${md(p)}`, LIMITS.description).join('\n');
  const fields: APIEmbedField[] = [];
  if (card.keyFigures.length > 0) {
    fields.push({ name: 'Key figures', value: fieldLines(leadingLines(card.keyFigures, (f) => `**${md(f.value)}** ${md(f.context)}`.trim(), LIMITS.fieldValue)) });
  }
  if (card.entities.length > 0) {
    const names = leadingLines(card.entities, (e) => md(e.expansion ? `${e.name} (${e.expansion})` : e.name), LIMITS.fieldValue);
    fields.push({ name: 'Entities', value: truncate(names.join(', '), LIMITS.fieldValue) });
  }
  if (card.alsoReportedBy.length > 0) {
    fields.push({ name: 'Also reported by', value: fieldLines(leadingLines(card.alsoReportedBy, sourceLine, LIMITS.fieldValue)) });
  }
  if (card.topics.length > 0) {
    fields.push({ name: 'Topics', value: truncate(md(card.topics.map((t) => t.name).join(', ')), LIMITS.fieldValue), inline: true });
  }
  const footer = [card.source, cardDateLabel(card.date) ?? 'undated', LANGUAGE_NAMES[card.language], `id ${card.id}`].filter(Boolean).join(' · ');
  return {
    title: truncate(md(card.headline || 'Untitled article'), LIMITS.title),
    ...(url ? { url } : {}),
    ...(description ? { description: truncate(description, LIMITS.description) } : {}),
    ...(fields.length > 0 ? { fields } : {}),
    footer: { text: truncate(footer, LIMITS.footer) },
    color: COLOURS.card,
  };
}

/** Renders items in order until their lines are past `max` characters: the rest could not be shown anyway. */
function leadingLines<T>(items: readonly T[], line: (item: T) => string, max: number): string[] {
  const out: string[] = [];
  let used = 0;
  for (const item of items) {
    if (used > max) break;
    const text = line(item);
    out.push(text);
    used += text.length + 1;
  }
  return out;
}

/** Whole lines up to the field limit, so a list never ends mid-line when it can be avoided. */
function fieldLines(lines: string[]): string {
  return chunkLines(lines, LIMITS.fieldValue)[0] ?? '';
}

function sourceLine(s: CardSource): string {
  const label = md(`${s.source ? `${s.source} ` : ''}(${s.language.toUpperCase()})`);
  const headline = md(truncate(s.headline, 150));
  const url = safeUrl(s.link);
  // Our own masked link: the label is escaped, so it cannot close the link early.
  return url ? `${label}: [${headline}](${url})` : `${label}: ${headline}`;
}

/** Every Reply kind as one or more messages (the first answers, the rest follow up). */
export function renderReply(reply: Reply): DiscordMessage[] {
  switch (reply.kind) {
    case 'cards':
      return packMessages(reply.cards.map(cardEmbed), cardsHeader(reply.query, reply.cards.length, reply.total, reply.refine));
    case 'empty':
      return packMessages([], emptyText(reply.query, reply.suggestions));
    case 'message':
      return packMessages([], toneText(reply.tone, reply.text));
    case 'added':
      return packMessages([cardEmbed(reply.card)], reply.duplicate ? 'Already in the briefing: this article was added before.' : 'Added.');
    case 'topics':
      return packMessages(topicEmbeds(reply.topics), reply.topics.length === 0 ? 'No topics are configured yet.' : undefined);
    case 'articles':
      return packMessages(articleEmbeds(reply.items, reply.page, reply.pages, reply.total), reply.total === 0 ? 'No articles stored yet.' : undefined);
    case 'help':
      return packMessages(helpEmbeds(reply.commands));
    case 'roundup':
      return packMessages(roundupEmbeds(reply.roundup), reply.preview ? 'Preview of the next roundup:' : undefined);
    case 'subscriptions':
      return packMessages(subscriptionEmbeds(reply.items), reply.items.length === 0 ? 'This server has no roundup subscriptions.' : undefined);
  }
}

function cardsHeader(query: string, shown: number, total: number, refine: string[]): string {
  const head = `**${md(truncate(query, 200))}**: ${shown} of ${total} ${total === 1 ? 'story' : 'stories'}`;
  return refine.length > 0 ? `${head}. Narrow it down: ${md(refine.slice(0, 8).join(', '))}` : head;
}

function emptyText(query: string, suggestions: string[]): string {
  const head = `Nothing found for “${md(truncate(query, 200))}”.`;
  return suggestions.length > 0 ? `${head} Try: ${md(suggestions.slice(0, 10).join(', '))}` : head;
}

function toneText(tone: Tone, text: Text): string {
  const mark = tone === 'error' ? '⚠️ ' : tone === 'success' ? '✅ ' : '';
  return mark + discordText(text);
}

/** Discord's words for command references (in code spans), server admins, and escaped plain parts. */
const DISCORD_WORDS: TextWords = {
  command: (ref) => `\`${commandSyntax(ref.command, ref.args).replace(/`/g, "'")}\``,
  admins: 'a server admin',
  plain: md,
};

export function discordText(text: Text): string {
  return inWords(text, DISCORD_WORDS);
}

function topicEmbeds(topics: TopicInfo[]): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  for (let i = 0; i < topics.length; i += LIMITS.fields) {
    const fields = topics.slice(i, i + LIMITS.fields).map((t) => ({
      name: `${md(t.name)} (${t.articleCount})`,
      value: md([t.description, t.aliases.length > 0 ? `Also: ${t.aliases.join(', ')}` : ''].filter(Boolean).join('\n') || t.id),
    }));
    embeds.push({ title: i === 0 ? 'Topics' : 'Topics (continued)', fields, color: COLOURS.info });
  }
  return embeds;
}

function articleEmbeds(items: ArticleListItem[], page: number, pages: number, total: number): APIEmbed[] {
  const lines = items.map((a) => `\`${a.id}\` ${md(a.headline)} (${md([a.source, cardDateLabel(a.date) ?? 'undated', a.language].filter(Boolean).join(', '))})`);
  return chunkLines(lines, LIMITS.description).map((description, i) => ({
    title: i === 0 ? 'Stored articles' : 'Stored articles (continued)',
    description,
    footer: { text: `Page ${page} of ${pages} · ${total} in all` },
    color: COLOURS.info,
  }));
}

function helpEmbeds(commands: HelpEntry[]): APIEmbed[] {
  const fields = commands.map((c) => ({
    name: md(helpSyntax(c)),
    value: c.adminOnly ? `${c.describe} (admins only)` : c.describe,
  }));
  const embeds: APIEmbed[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.fields) {
    embeds.push({ title: i === 0 ? 'Ringkas commands' : 'Ringkas commands (continued)', fields: fields.slice(i, i + LIMITS.fields), color: COLOURS.info });
  }
  return embeds;
}

function roundupEmbeds(roundup: Roundup): APIEmbed[] {
  const lines = roundup.lines.map((l) => {
    const sources = l.sources.map((s) => {
      const label = md(`${s.source ?? 'source'} (${s.language.toUpperCase()})`);
      const url = safeUrl(s.link);
      return url ? `[${label}](${url})` : label;
    });
    const topic = l.topic ? `**${md(l.topic)}** · ` : '';
    const point = l.point ? ` ${md(l.point)}` : '';
    return `${topic}**${md(l.headline)}**${point}${sources.length > 0 ? ` ${sources.join(', ')}` : ''}`;
  });
  if (lines.length === 0) lines.push('Nothing new this week.');
  const more = roundup.more > 0 ? `${roundup.more} more ${roundup.more === 1 ? 'story' : 'stories'}${roundup.moreHint ? `: ${commandSyntax(roundup.moreHint.command, roundup.moreHint.args)}` : ''}` : '';
  return chunkLines(lines, LIMITS.description).map((description, i, all) => ({
    title: i === 0 ? `Weekly roundup · ${roundup.period}` : `Weekly roundup · ${roundup.period} (continued)`,
    description,
    ...(i === all.length - 1 && more ? { footer: { text: more } } : {}),
    color: COLOURS.card,
  }));
}

function subscriptionEmbeds(items: SubscriptionInfo[]): APIEmbed[] {
  const fields = items.map((s) => ({
    name: `${WEEKDAYS[s.weekday - 1] ?? `Day ${s.weekday}`} ${s.time} ${s.timezone}`,
    value: [
      `Channel: <#${s.channel}>`,
      `Topics: ${md(s.topics.length > 0 ? s.topics.join(', ') : 'all')}`,
      `Next: ${md(s.nextRunLocal)}`,
      s.paused ? `Paused: ${md(s.paused)}` : '',
      `id ${s.id}`,
    ].filter(Boolean).join('\n'),
  }));
  const embeds: APIEmbed[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.fields) {
    embeds.push({ title: 'Roundup subscriptions', fields: fields.slice(i, i + LIMITS.fields), color: COLOURS.info });
  }
  return embeds;
}

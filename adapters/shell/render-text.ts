// Neutral replies -> plain terminal text.
import type { Card } from '../../src/model/article.js';
import type { CommandName } from '../../src/model/command.js';
import type { HelpEntry, Reply, Roundup } from '../../src/model/reply.js';
import { inWords, type Text, type TextWords } from '../../src/model/text.js';
import { cardDateLabel } from '../../src/cards/card-date.js';

const LANG = { id: 'ID', en: 'EN' } as const;

export function renderCardText(card: Card, n?: number): string {
  const lines: string[] = [];
  lines.push(`${n !== undefined ? `${n}. ` : ''}${card.headline}`);
  const meta = [card.source, cardDateLabel(card.date) ?? 'undated', LANG[card.language]].filter((m): m is string => Boolean(m));
  if (card.topics.length) meta.push(card.topics.map((t) => t.name).join(', '));
  lines.push(`   ${meta.join(' · ')}   [id ${card.id}]`);
  for (const p of card.keyPoints) lines.push(`   • ${p}`);
  if (card.keyFigures.length) lines.push(`   Figures: ${card.keyFigures.map((f) => f.context).join('; ')}`);
  if (card.entities.length) lines.push(`   Who: ${card.entities.map((e) => e.name).join(', ')}`);
  if (card.alsoReportedBy.length) {
    lines.push(`   Also reported by: ${card.alsoReportedBy.map((s) => `${s.source ?? s.headline} (${LANG[s.language]})`).join(', ')}`);
  }
  if (card.link) lines.push(`   ${card.link}`);
  return lines.join('\n');
}

function renderRoundup(r: Roundup, preview: boolean): string {
  const head = `${preview ? 'Preview of the next roundup' : 'Weekly roundup'} · ${r.period}`;
  if (r.lines.length === 0) return `${head}\nNothing new this week.`;
  const lines = r.lines.map((l) => {
    const sources = l.sources.map((s) => `${s.source ? `${s.source} ` : ''}(${LANG[s.language]})`).join(', ');
    return `• ${l.topic ? `[${l.topic}] ` : ''}${l.headline}${l.point ? ` — ${l.point}` : ''} (${sources})`;
  });
  if (r.more > 0) lines.push(`…and ${r.more} more${r.moreHint ? `: ${shellCommand(r.moreHint.command, r.moreHint.args)}` : ''}`);
  return [head, ...lines].join('\n');
}

/** The shell's command syntax: "/brief <words>" for the look-up, "/brief <command> <args>" otherwise. */
export function shellCommand(name: CommandName, args?: string): string {
  return ['/brief', name === 'brief' ? '' : name, args ?? ''].filter(Boolean).join(' ');
}

const SHELL_WORDS: TextWords = {
  command: (ref) => `"${shellCommand(ref.command, ref.args)}"`,
  admins: 'an admin',
};

export function shellText(text: Text): string {
  return inWords(text, SHELL_WORDS);
}

function helpUsage(entry: HelpEntry): string {
  const forms = entry.usage.length > 0 ? entry.usage : [''];
  return forms.map((form) => shellCommand(entry.name, form || undefined)).join(' | ');
}

export function renderText(reply: Reply): string {
  switch (reply.kind) {
    case 'cards': {
      const body = reply.cards.map((c, i) => renderCardText(c, i + 1)).join('\n\n');
      const more = reply.total - reply.cards.length;
      const tail = more > 0 ? `\n\n${more} more${reply.refine.length ? `: refine with ${reply.refine.map((r) => `"${r}"`).join(', ')}` : ''}.` : '';
      return body + tail;
    }
    case 'empty':
      return `Nothing found for "${reply.query}". Try: ${reply.suggestions.join(', ')}.`;
    case 'message':
      return reply.tone === 'error' ? `! ${shellText(reply.text)}` : shellText(reply.text);
    case 'added':
      return `${reply.duplicate ? 'Already in the briefing:' : 'Added:'}\n${renderCardText(reply.card)}`;
    case 'topics':
      return reply.topics.map((t) => `${t.name} (${t.articleCount}) — ${t.description}\n   aliases: ${t.aliases.join(', ')}`).join('\n');
    case 'articles':
      if (reply.total === 0) return 'No articles yet. Add one with "/brief add <url>".';
      return [
        `Articles ${reply.page}/${reply.pages} (${reply.total} in all):`,
        ...reply.items.map((a) => `  ${a.id}  ${cardDateLabel(a.date) ?? 'undated'}  ${LANG[a.language]}  ${a.headline}${a.source ? ` — ${a.source}` : ''}`),
        ...(reply.page < reply.pages ? [`Next: /brief list ${reply.page + 1}`] : []),
      ].join('\n');
    case 'help':
      return ['Ringkas commands:', ...reply.commands.map((c) => `  ${helpUsage(c).padEnd(44)} ${c.describe}${c.adminOnly ? ' (admins)' : ''}`)].join('\n');
    case 'roundup':
      return renderRoundup(reply.roundup, reply.preview);
    case 'subscriptions':
      if (reply.items.length === 0) return 'No weekly roundups yet. "/brief subscribe" sets one up for this channel.';
      return reply.items
        .map((s) => `  ${s.channel}: ${s.nextRunLocal} (${s.timezone})${s.topics.length ? ` · ${s.topics.join(', ')}` : ''}${s.paused ? ` · PAUSED: ${s.paused}` : ''}`)
        .join('\n');
  }
}

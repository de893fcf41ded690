// One neutral Card as Block Kit: header, context line, key points, key figures,
// "Also reported by", and an "Open article" button. Every string from an article
// goes through slackText (escaped and fitted) before it reaches a block.
import type { Card, CardSource, Language } from '../../src/model/article.js';
import { LIMITS, actions, context, fields, header, section, type SlackBlock } from './block-kit.js';
import { escapeMrkdwn, slackText, truncateEscaped } from './slack-escape.js';
import { cardDateLabel } from '../../src/cards/card-date.js';

const LANGUAGE_NAMES: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' };

export function languageName(language: Language): string {
  return LANGUAGE_NAMES[language] ?? language;
}

/** A link safe inside mrkdwn `<url|label>`: http(s) only, no characters that end the link early. */
export function safeUrl(link: string | null | undefined): string | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const href = url.href.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
  return href.length <= LIMITS.buttonUrl ? href : null;
}

/** `<url|label>` when the link is usable, else just the escaped label. */
export function mrkdwnLink(label: string, link: string | null | undefined, max: number): string {
  const url = safeUrl(link);
  if (!url) return slackText(label, max);
  const target = escapeMrkdwn(url);
  const room = max - target.length - 3;
  if (room < 8) return slackText(label, max);
  return `<${target}|${slackText(label, room)}>`;
}

export function cardContextLine(card: Card): string {
  const parts = [
    ...(card.source ? [card.source] : []),
    cardDateLabel(card.date) ?? 'undated',
    languageName(card.language),
    ...(card.topics.length > 0 ? [card.topics.map((t) => t.name).join(', ')] : []),
  ];
  return slackText(parts.join(' · '), LIMITS.contextText);
}

function keyPointsBlock(card: Card): SlackBlock | null {
  if (card.keyPoints.length === 0) return null;
  const text = card.keyPoints.map((p) => `• ${escapeMrkdwn(p)}`).join('\n');
  return section(truncateEscaped(text, LIMITS.sectionText));
}

function keyFiguresBlock(card: Card): SlackBlock | null {
  if (card.keyFigures.length === 0) return null;
  const shown = card.keyFigures.slice(0, LIMITS.sectionFields);
  return fields(
    shown.map((f) => {
      const value = slackText(f.value || '?', 200);
      return `*${value}*\n${slackText(f.context || ' ', LIMITS.fieldText - value.length - 3)}`;
    }),
  );
}

function alsoReportedBlock(sources: CardSource[]): SlackBlock | null {
  if (sources.length === 0) return null;
  // Whole items only: cutting through a <url|label> would leave a broken link.
  let text = 'Also reported by: ';
  let shown = 0;
  for (const s of sources) {
    const label = `${s.source ? `${s.source} ` : ''}(${s.language}): ${s.headline}`;
    const item = (shown > 0 ? ' · ' : '') + mrkdwnLink(label, s.link, 400);
    if (text.length + item.length > LIMITS.contextText - 20) break;
    text += item;
    shown += 1;
  }
  if (shown < sources.length) text += ` · and ${sources.length - shown} more`;
  return context(text);
}

/** Blocks for one card; `index` keeps action_ids unique when a message holds several cards. */
export function cardBlocks(card: Card, index = 0): SlackBlock[] {
  const blocks: SlackBlock[] = [header(slackText(card.headline || 'Untitled', LIMITS.headerText))];
  blocks.push(context(cardContextLine(card)));
  const points = keyPointsBlock(card);
  if (points) blocks.push(points);
  const figures = keyFiguresBlock(card);
  if (figures) blocks.push(figures);
  const also = alsoReportedBlock(card.alsoReportedBy);
  if (also) blocks.push(also);
  const url = safeUrl(card.link);
  if (url) {
    blocks.push(
      actions([
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Open article' },
          action_id: `open_article_${index}`,
          url,
        },
      ]),
    );
  }
  return blocks;
}

/** One plain line per card for the notification fallback. */
export function cardFallback(card: Card): string {
  return `${card.headline || 'Untitled'} (${[card.source, cardDateLabel(card.date) ?? 'undated'].filter(Boolean).join(', ')})`;
}

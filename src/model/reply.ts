// Neutral replies. Every adapter renders every kind (adapters/shell/render-text.ts,
// adapters/slack/slack-blocks.ts, adapters/discord/discord-embeds.ts), in its own syntax for
// command references (model/text.ts).
import type { Card, Language } from './article.js';
import type { CommandName } from './command.js';
import type { CommandRef, Text } from './text.js';

export interface ArticleListItem {
  id: string;
  headline: string;
  source: string | null;
  date: string | null;
  language: Language;
}

export interface TopicInfo {
  id: string;
  name: string;
  description: string;
  aliases: string[];
  articleCount: number;
}

export interface HelpEntry {
  name: CommandName;
  /** What may follow the command word, one form per entry; adapters add their own command syntax. */
  usage: readonly string[];
  describe: string;
  adminOnly: boolean;
}

export interface RoundupLine {
  storyId: string;
  topic: string | null;
  headline: string;
  point: string | null;
  sources: { source: string | null; language: Language; link: string | null }[];
}

export interface Roundup {
  /** Local period label, e.g. "18–24 Nov 2026". */
  period: string;
  since: string;
  until: string;
  lines: RoundupLine[];
  /** Stories left out after the first ten. */
  more: number;
  /** Where to find the rest: a look-up for their topic, or the list. */
  moreHint: CommandRef | null;
}

export interface SubscriptionInfo {
  id: string;
  channel: string;
  weekday: number;
  time: string;
  timezone: string;
  topics: string[];
  /** ISO instant of the next run, and the same in the subscription's local time. */
  nextRunAt: string;
  nextRunLocal: string;
  paused: string | null;
}

export type Tone = 'info' | 'success' | 'error';

export type Reply =
  | { kind: 'cards'; query: string; cards: Card[]; /** stories matched in all */ total: number; refine: string[] }
  | { kind: 'empty'; query: string; suggestions: string[] }
  | { kind: 'message'; tone: Tone; text: Text }
  | { kind: 'added'; card: Card; duplicate: boolean }
  | { kind: 'topics'; topics: TopicInfo[] }
  | { kind: 'articles'; items: ArticleListItem[]; page: number; pages: number; total: number }
  | { kind: 'help'; commands: HelpEntry[] }
  | { kind: 'roundup'; roundup: Roundup; preview: boolean }
  | { kind: 'subscriptions'; items: SubscriptionInfo[] };

// Builds a Roundup from the articles added in a window: grouped into stories,
// ordered by topic, one line per story, at most ten lines. Pure: the caller
// supplies the articles (sorted once per pass by ArticleWindow) and the window.
import type { StoredArticle } from '../model/article.js';
import type { Roundup, RoundupLine } from '../model/reply.js';
import { cmd, type CommandRef } from '../model/text.js';
import { periodLabel } from './weekly-slot.js';

export const MAX_ROUNDUP_LINES = 10;

export type RoundupArticle = Pick<
  StoredArticle,
  'id' | 'title' | 'source' | 'language' | 'link' | 'keyPoints' | 'topics' | 'storyId' | 'addedAt'
>;

/** Articles sorted by addedAt once, so each subscription's window is a binary search. */
export class ArticleWindow<A extends RoundupArticle = RoundupArticle> {
  private readonly sorted: A[];
  private readonly times: number[];

  constructor(articles: Iterable<A>) {
    this.sorted = [...articles].sort((a, b) => Date.parse(a.addedAt) - Date.parse(b.addedAt));
    this.times = this.sorted.map((a) => Date.parse(a.addedAt));
  }

  /** Articles with since < addedAt ≤ until. */
  between(since: Date, until: Date): A[] {
    return this.sorted.slice(this.firstAfter(since.getTime()), this.firstAfter(until.getTime()));
  }

  private firstAfter(t: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export interface ComposeOptions {
  since: Date;
  until: Date;
  timezone: string;
  /** Brief ids to keep; empty keeps everything. */
  topics: readonly string[];
  /** Brief ids in display order (the briefs' order); unknown topics sort after, by name. */
  topicOrder?: readonly string[];
  /** What a line shows for a brief id (its name); the id itself by default. */
  topicLabel?: (id: string) => string;
}

interface StoryGroup {
  topic: string | null;
  articles: RoundupArticle[];
  latest: number;
}

function primaryTopic(article: RoundupArticle, filter: readonly string[]): string | null {
  const candidates = filter.length ? article.topics.filter((t) => filter.includes(t)) : article.topics;
  return candidates[0] ?? null;
}

function groupStories(articles: readonly RoundupArticle[], filter: readonly string[]): StoryGroup[] {
  const byStory = new Map<string, StoryGroup>();
  for (const a of articles) {
    if (filter.length && !a.topics.some((t) => filter.includes(t))) continue;
    const group = byStory.get(a.storyId) ?? { topic: null, articles: [], latest: 0 };
    group.articles.push(a);
    group.latest = Math.max(group.latest, Date.parse(a.addedAt));
    group.topic ??= primaryTopic(a, filter);
    byStory.set(a.storyId, group);
  }
  return [...byStory.values()];
}

/** The article whose headline and point lead the line: the one with most to say, then the earliest. */
function lead(articles: readonly RoundupArticle[]): RoundupArticle {
  return [...articles].sort((a, b) => b.keyPoints.length - a.keyPoints.length || a.addedAt.localeCompare(b.addedAt))[0]!;
}

function toLine(storyId: string, group: StoryGroup, label: (id: string) => string): RoundupLine {
  const head = lead(group.articles);
  const seen = new Set<string>();
  const sources: RoundupLine['sources'] = [];
  for (const a of [head, ...group.articles.filter((x) => x !== head)]) {
    const key = `${a.source ?? ''}|${a.language}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sources.push({ source: a.source, language: a.language, link: a.link });
  }
  return { storyId, topic: group.topic === null ? null : label(group.topic), headline: head.title, point: head.keyPoints[0] ?? null, sources };
}

function topicRank(order: readonly string[]): (topic: string | null) => [number, string] {
  return (topic) => {
    if (topic === null) return [Number.MAX_SAFE_INTEGER, ''];
    const i = order.indexOf(topic);
    return [i === -1 ? order.length : i, topic];
  };
}

function orderGroups(groups: StoryGroup[], order: readonly string[]): StoryGroup[] {
  const rank = topicRank(order);
  return groups.sort((a, b) => {
    const [ra, na] = rank(a.topic);
    const [rb, nb] = rank(b.topic);
    // Within a topic: stories with more sources first, then the most recent.
    return ra - rb || na.localeCompare(nb) || b.articles.length - a.articles.length || b.latest - a.latest;
  });
}

/** Where to look for the stories left out: the topic most of them share. */
function moreHint(rest: readonly StoryGroup[]): CommandRef | null {
  if (!rest.length) return null;
  const counts = new Map<string, number>();
  for (const g of rest) if (g.topic) counts.set(g.topic, (counts.get(g.topic) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best ? cmd('brief', best[0]) : cmd('list');
}

export function composeRoundup(articles: readonly RoundupArticle[], options: ComposeOptions): Roundup {
  const inWindow = articles.filter((a) => {
    const t = Date.parse(a.addedAt);
    return t > options.since.getTime() && t <= options.until.getTime();
  });
  const groups = orderGroups(groupStories(inWindow, options.topics), options.topicOrder ?? []);
  const shown = groups.slice(0, MAX_ROUNDUP_LINES);
  const rest = groups.slice(MAX_ROUNDUP_LINES);
  return {
    period: periodLabel(options.since, options.until, options.timezone),
    since: options.since.toISOString(),
    until: options.until.toISOString(),
    lines: shown.map((g) => toLine(g.articles[0]!.storyId, g, options.topicLabel ?? ((id) => id))),
    more: rest.length,
    moreHint: moreHint(rest),
  };
}

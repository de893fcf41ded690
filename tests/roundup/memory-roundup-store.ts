// In-memory fake of the roundup store port that records every write, and can be
// "restarted" (a new service over the same persisted records) to model a bot restart.
import type { ArticleRecord } from '../../src/model/article.js';
import type { SubscriptionRecord } from '../../src/model/subscription.js';
import type { RoundupStore } from '../../src/roundup/roundup-ports.js';

export class MemoryRoundupStore implements RoundupStore {
  readonly subscriptions = new Map<string, SubscriptionRecord>();
  readonly writes: SubscriptionRecord[] = [];
  articles: ArticleRecord[] = [];

  listSubscriptions(): SubscriptionRecord[] {
    return [...this.subscriptions.values()].map((s) => structuredClone(s));
  }

  async putSubscription(record: SubscriptionRecord): Promise<void> {
    this.writes.push(structuredClone(record));
    this.subscriptions.set(record.id, structuredClone(record));
  }

  async deleteSubscription(id: string): Promise<void> {
    this.subscriptions.delete(id);
  }

  listArticles(): ArticleRecord[] {
    return this.articles;
  }
}

let seq = 0;

/** A stored article with just what a roundup reads filled in meaningfully. */
export function article(over: Partial<ArticleRecord> & { addedAt: string }): ArticleRecord {
  const id = over.id ?? `a${++seq}`;
  return {
    id,
    title: `Headline ${id}`,
    titleDerived: false,
    body: 'body',
    language: 'en',
    source: 'Source',
    eventDate: null,
    publishedDate: null,
    fingerprint: id,
    keyPoints: [`Point of ${id}`],
    keyFigures: [],
    entities: [],
    link: null,
    canonicalUrl: null,
    topics: ['ijepa'],
    storyId: id,
    addedBy: 'test',
    ...over,
  };
}

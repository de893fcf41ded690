// Roundup figures: composing the roundups of 500 subscriptions over a 10,000-article
// store (target < 2 s in total), and one full due pass delivering all 500 to a
// no-op platform. Articles are stored records built from the synthetic corpus
// directly (ingest speed is the engine bench's business), added over eight weeks.
import { fixedClock } from '../../src/clock.js';
import { silentLogger } from '../../src/logger.js';
import type { ArticleRecord } from '../../src/model/article.js';
import type { Deliverer } from '../../src/model/delivery.js';
import type { SubscriptionRecord } from '../../src/model/subscription.js';
import type { RoundupStore } from '../../src/roundup/roundup-ports.js';
import { ArticleWindow } from '../../src/roundup/compose-roundup.js';
import { RoundupService } from '../../src/roundup/roundup-service.js';
import { ms, percentile } from './stats.js';
import { generateCorpus } from './synthetic-corpus.js';

const TOPICS = ['ijepa', 'electric-vehicles', 'biofuel', 'net-zero', 'midec', 'jica', 'meti', 'automotive-dialogue', 'industrial-hr-exchange'];
const NOW = Date.parse('2026-11-16T02:00:00Z');
const EIGHT_WEEKS = 8 * 7 * 24 * 3600_000;

function records(n: number): ArticleRecord[] {
  return generateCorpus(n).map((raw, i) => {
    const [title = '', ...paragraphs] = raw.text.split('\n');
    return {
      id: `b${i}`,
      title,
      titleDerived: false,
      body: paragraphs.join('\n'),

      language: i % 2 === 0 ? 'id' : 'en',
      source: `Source ${i % 17}`,
      eventDate: null,
      publishedDate: null,
      fingerprint: `f${i}`,
      keyPoints: paragraphs.slice(1, 4),
      keyFigures: [],
      entities: [],
      link: `https://example.org/${i}`,
      canonicalUrl: null,
      topics: [TOPICS[i % TOPICS.length]!, ...(i % 5 === 0 ? [TOPICS[(i + 3) % TOPICS.length]!] : [])],
      // Roughly three reports per story, in either language.
      storyId: `b${i - (i % 3)}`,
      addedAt: new Date(NOW - EIGHT_WEEKS + Math.floor((i / n) * EIGHT_WEEKS)).toISOString(),
      addedBy: 'bench',
    };
  });
}

function subscriptions(n: number): SubscriptionRecord[] {
  const zones = ['Asia/Jakarta', 'Asia/Tokyo', 'Asia/Makassar', 'America/New_York'];
  return Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    channel: { platform: i % 2 ? 'slack' : 'discord', workspace: `W${i % 7}`, channel: `C${i}` },
    weekday: 1,
    time: '09:00',
    timezone: zones[i % zones.length]!,
    topics: i % 3 === 0 ? [TOPICS[i % TOPICS.length]!] : [],
    quietWeeks: 'post',
    createdAt: '2026-09-01T00:00:00.000Z',
    createdBy: 'bench',
    lastSlot: null,
    // Half have had a roundup last week, half are new (the last 7 days).
    coveredUntil: i % 2 ? new Date(NOW - 7 * 24 * 3600_000).toISOString() : null,
    paused: null,
  }));
}

export default async function roundupBench(print: (line: string) => void): Promise<void> {
  const articles = records(10_000);
  const subs = new Map(subscriptions(500).map((s) => [s.id, s]));
  const store: RoundupStore = {
    listArticles: () => articles,
    listSubscriptions: () => [...subs.values()],
    putSubscription: (s) => void subs.set(s.id, s),
    deleteSubscription: (id) => subs.delete(id),
  };
  // Every zone's Monday 09:00 has passed at Monday 23:00 New York time.
  const clock = fixedClock(new Date(NOW + 20 * 3600_000));
  const service = new RoundupService({ store, clock, defaultTimezone: 'Asia/Jakarta', logger: silentLogger, topicOrder: () => TOPICS });

  const t0 = performance.now();
  const window = new ArticleWindow(articles);
  let lines = 0;
  for (const s of subs.values()) lines += service.composeFor(s, window, clock.now()).lines.length;
  const compose = performance.now() - t0;
  print(`compose 500 roundups over 10,000 articles: ${ms(compose)} in total incl. sorting the store once, ${ms(compose / 500)} each, ${lines} lines (target < 2000 ms in total)`);

  const previews: number[] = [];
  for (const s of [...subs.values()].slice(0, 20)) {
    const p0 = performance.now();
    await service.preview(s.channel);
    previews.push(performance.now() - p0);
  }
  print(`/brief roundup preview @10,000 articles: median ${ms(percentile(previews, 50))}`);

  let sent = 0;
  const noop = (platform: Deliverer['platform']): Deliverer => ({ platform, deliver: async () => ({ ok: true, messageId: String(++sent) }) });
  const t1 = performance.now();
  const report = await service.deliverDue([noop('slack'), noop('discord')]);
  const pass = performance.now() - t1;
  print(`one due pass, 500 subscriptions (compose + deliver to a no-op platform + state writes): ${ms(pass)}, delivered ${report.delivered}/${report.due}`);
}

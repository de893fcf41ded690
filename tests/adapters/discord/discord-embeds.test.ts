// The Card/Reply -> embed renderer never produces a message Discord would reject.
import { describe, expect, it } from 'vitest';
import { cardEmbed, renderReply } from '../../../adapters/discord/discord-embeds.js';
import { truncate } from '../../../src/text/fit-length.js';
import type { Reply } from '../../../src/model/reply.js';
import { longCard, makeCard, randomCard } from './card-fixtures.js';
import { embedLimitViolations } from './embed-limit-violations.js';

function violations(reply: Reply): string[] {
  return renderReply(reply).flatMap((m, i) => embedLimitViolations(m).map((p) => `message ${i}: ${p}`));
}

describe('cardEmbed', () => {
  it('links the title, lists key points and fields, and puts source · date · language in the footer', () => {
    const e = cardEmbed(makeCard());
    expect(e.title).toBe('IJEPA review talks resume in Jakarta');
    expect(e.url).toBe('https://example.com/ijepa');
    expect(e.description).toContain('• Both governments agreed');
    const names = (e.fields ?? []).map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['Key figures', 'Entities', 'Also reported by']));
    expect(e.fields!.find((f) => f.name === 'Key figures')!.value).toContain('**99** cars per 1,000 people');
    expect(e.fields!.find((f) => f.name === 'Entities')!.value).toContain('Indonesia-Japan Economic Partnership Agreement');
    expect(e.fields!.find((f) => f.name === 'Also reported by')!.value).toContain('Nikkei (EN)');
    expect(e.footer!.text).toBe('Kompas · 2026-11-20 · Bahasa Indonesia · id a1b2c3');
  });

  it('drops links Discord would reject instead of sending them', () => {
    expect(cardEmbed(makeCard({ link: 'javascript:alert(1)' })).url).toBeUndefined();
    expect(cardEmbed(makeCard({ link: null })).url).toBeUndefined();
  });
});

describe('renderReply limits', () => {
  it('five long cards: every message within every limit, all five cards delivered', () => {
    const cards = Array.from({ length: 5 }, (_, i) => longCard(i));
    const reply: Reply = { kind: 'cards', query: 'ijepa', cards, total: 5, refine: [] };
    const messages = renderReply(reply);
    expect(violations(reply)).toEqual([]);
    expect(messages.flatMap((m) => m.embeds)).toHaveLength(5);
    // Each long card is heavy enough that several messages are needed (split, not dropped).
    expect(messages.length).toBeGreaterThan(1);
    const first = messages[0]!.embeds[0]!;
    expect(first.title!.length).toBe(256);
    expect(first.title!.endsWith('…')).toBe(true);
  });

  it('random cards (500 seeds, 1-15 per reply) never break a limit', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const n = 1 + (seed % 15);
      const cards = Array.from({ length: n }, (_, i) => randomCard(seed * 100 + i));
      const reply: Reply = { kind: 'cards', query: 'x'.repeat(seed % 300), cards, total: n, refine: ['a', 'b'] };
      const problems = violations(reply);
      expect(problems, `seed ${seed}`).toEqual([]);
      expect(renderReply(reply).flatMap((m) => m.embeds), `seed ${seed}`).toHaveLength(n);
    }
  });

  it('splits more than ten cards across messages', () => {
    const cards = Array.from({ length: 23 }, (_, i) => makeCard({ id: `c${i}` }));
    const messages = renderReply({ kind: 'cards', query: 'ev', cards, total: 23, refine: [] });
    expect(messages.map((m) => m.embeds.length)).toEqual([10, 10, 3]);
    expect(messages[0]!.content).toContain('23');
  });

  it('renders every other reply kind within limits', () => {
    const long = 'x'.repeat(5000);
    const replies: Reply[] = [
      { kind: 'empty', query: long, suggestions: Array.from({ length: 50 }, () => long) },
      { kind: 'message', tone: 'error', text: long },
      { kind: 'added', card: longCard(9), duplicate: true },
      { kind: 'topics', topics: Array.from({ length: 60 }, (_, i) => ({ id: `t${i}`, name: long, description: long, aliases: [long], articleCount: i })) },
      { kind: 'articles', items: Array.from({ length: 400 }, (_, i) => ({ id: `a${i}`, headline: long, source: 'Kompas', date: null, language: 'id' as const })), page: 1, pages: 3, total: 900 },
      { kind: 'help', commands: Array.from({ length: 30 }, (_, i) => ({ name: i % 2 === 0 ? ('add' as const) : ('list' as const), usage: [long], describe: long, adminOnly: i % 2 === 0 })) },
      {
        kind: 'roundup',
        preview: true,
        roundup: {
          period: '18–24 Nov 2026', since: '', until: '', more: 4, moreHint: { command: 'brief', args: 'ijepa' },
          lines: Array.from({ length: 40 }, (_, i) => ({ storyId: `s${i}`, topic: 'IJEPA', headline: long, point: long, sources: [{ source: 'Kompas', language: 'id' as const, link: 'https://e.com' }] })),
        },
      },
      { kind: 'subscriptions', items: Array.from({ length: 30 }, (_, i) => ({ id: `sub${i}`, channel: '123', weekday: 1, time: '08:00', timezone: 'Asia/Jakarta', topics: [long], nextRunAt: '', nextRunLocal: 'Mon 08:00', paused: null })) },
      { kind: 'subscriptions', items: [] },
      { kind: 'topics', topics: [] },
    ];
    for (const reply of replies) {
      expect(violations(reply), reply.kind).toEqual([]);
      expect(renderReply(reply).length, reply.kind).toBeGreaterThan(0);
    }
  });

  it('shows admin commands under /brief-admin in help, and listings under /brief topic:', () => {
    const [m] = renderReply({
      kind: 'help',
      commands: [
        { name: 'add', usage: ['<url>'], describe: 'Add an article', adminOnly: true },
        { name: 'subscriptions', usage: [], describe: 'Roundups', adminOnly: false },
        { name: 'list', usage: ['[page]'], describe: 'List', adminOnly: false },
      ],
    });
    expect(m!.embeds[0]!.fields!.map((f) => f.name)).toEqual(['/brief-admin add', '/brief-admin subscriptions', '/brief topic:list \\[page\\]']);
  });
});

describe('truncate', () => {
  it('never splits a surrogate pair and marks the cut', () => {
    const t = truncate('ab🚗🚗🚗', 4);
    expect(t.length).toBeLessThanOrEqual(4);
    expect(t.endsWith('…')).toBe(true);
    expect(t).not.toMatch(/[\uD800-\uDBFF]…$/);
  });
});

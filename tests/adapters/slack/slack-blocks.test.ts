import { describe, expect, it } from 'vitest';
import { findLimitViolations, LIMITS } from '../../../adapters/slack/block-kit.js';
import { renderReply } from '../../../adapters/slack/slack-blocks.js';
import type { Reply } from '../../../src/model/reply.js';
import { hugeCard, makeCard, prng, randomCard } from './card-fixtures.js';
import { allTexts, liveMarkup } from './block-text.js';

describe('renderReply: cards', () => {
  it('renders header, context line, key points, figures and an Open article button', () => {
    const msg = renderReply({ kind: 'cards', query: 'ijepa', cards: [makeCard()], total: 1, refine: [] });
    const types = msg.blocks.map((b) => b.type);
    expect(types).toEqual(['context', 'header', 'context', 'section', 'section', 'actions']);
    const texts = allTexts(msg).join('\n');
    expect(texts).toContain('Antara · 2024-06-27 · English · IJEPA');
    expect(texts).toContain('• Both sides agreed to review tariff lines.');
    expect(texts).toContain('*99*\n99 cars per 1,000 people');
    const button = msg.blocks.find((b) => b.type === 'actions');
    expect(button).toMatchObject({ elements: [{ text: { text: 'Open article' }, url: 'https://example.com/news/ijepa' }] });
    expect(msg.text).toContain('Indonesia and Japan review the IJEPA');
    expect(findLimitViolations(msg)).toEqual([]);
  });

  it('has no Open article button without a usable link', () => {
    for (const link of [null, 'javascript:alert(1)', 'not a url']) {
      const msg = renderReply({ kind: 'cards', query: 'q', cards: [makeCard({ link })], total: 1, refine: [] });
      expect(msg.blocks.some((b) => b.type === 'actions')).toBe(false);
    }
  });

  it('lists "Also reported by" with escaped labels and safe links', () => {
    const card = makeCard({
      alsoReportedBy: [{ id: 'b', headline: 'Kerja sama <!here> & lanjut', source: 'Kompas', language: 'id', link: 'https://k.example/a?x=1&y=<2>|z' }],
    });
    const msg = renderReply({ kind: 'cards', query: 'q', cards: [card], total: 1, refine: [] });
    const also = allTexts(msg).find((t) => t.startsWith('Also reported by'));
    expect(also).toBe('Also reported by: <https://k.example/a?x=1&amp;y=%3C2%3E%7Cz|Kompas (id): Kerja sama &lt;!here&gt; &amp; lanjut>');
    expect(liveMarkup(msg)).toEqual([]);
  });

  it('escapes mentions and ampersands from article text everywhere', () => {
    const evil = 'Alert <!channel> <@U123> <!everyone> & co';
    const card = makeCard({ headline: evil, source: evil, keyPoints: [evil], keyFigures: [{ value: '<!here>', context: evil }], topics: [{ id: 't', name: evil }] });
    const msg = renderReply({ kind: 'cards', query: evil, cards: [card], total: 1, refine: [evil] });
    expect(liveMarkup(msg)).toEqual([]);
    const joined = allTexts(msg).join('\n');
    expect(joined).toContain('Alert &lt;!channel&gt; &lt;@U123&gt; &lt;!everyone&gt; &amp; co');
    expect(joined).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });

  it('5 huge cards never break a Block Kit limit and say how many more there are', () => {
    const cards = [0, 1, 2, 3, 4].map(hugeCard);
    const msg = renderReply({ kind: 'cards', query: 'huge', cards, total: 12, refine: ['huge ev', 'huge biofuel'] }, { reserveBlocks: 1 });
    expect(findLimitViolations(msg, LIMITS.blocksPerMessage - 1)).toEqual([]);
    expect(msg.blocks.filter((b) => b.type === 'header')).toHaveLength(5);
    const header = msg.blocks.find((b) => b.type === 'header');
    expect(header?.type === 'header' && header.text.text.endsWith('…')).toBe(true);
    expect(allTexts(msg).at(-1)).toBe('…and 7 more results: refine with /brief huge ev, /brief huge biofuel');
    expect(liveMarkup(msg)).toEqual([]);
  });

  it('drops whole cards that do not fit the block budget and counts them', () => {
    const cards = Array.from({ length: 12 }, (_, i) => makeCard({ id: `c${i}`, alsoReportedBy: [{ id: 'z', headline: 'h', source: 's', language: 'id', link: null }] }));
    const msg = renderReply({ kind: 'cards', query: 'many', cards, total: 12, refine: [] }, { maxBlocks: 20 });
    expect(msg.blocks.length).toBeLessThanOrEqual(20);
    const shown = msg.blocks.filter((b) => b.type === 'header').length;
    expect(allTexts(msg).at(-1)).toBe(`…and ${12 - shown} more results`);
  });

  it('property: 300 random cards sets stay within every limit with no live markup', () => {
    const rand = prng(20240627);
    for (let run = 0; run < 300; run += 1) {
      const cards = Array.from({ length: 1 + Math.floor(rand() * 5) }, (_, i) => randomCard(rand, i));
      const msg = renderReply({ kind: 'cards', query: 'r', cards, total: cards.length + Math.floor(rand() * 20), refine: [] }, { reserveBlocks: 1 });
      expect(findLimitViolations(msg, LIMITS.blocksPerMessage - 1), `run ${run}`).toEqual([]);
      expect(liveMarkup(msg), `run ${run}`).toEqual([]);
    }
  });
});

describe('renderReply: every other kind', () => {
  const kinds: Reply[] = [
    { kind: 'empty', query: 'xyz', suggestions: ['ijepa', 'ev'] },
    { kind: 'message', tone: 'error', text: 'Only admins can add articles.' },
    { kind: 'message', tone: 'success', text: 'Done.' },
    { kind: 'added', card: makeCard(), duplicate: false },
    { kind: 'added', card: makeCard(), duplicate: true },
    { kind: 'topics', topics: [{ id: 'ijepa', name: 'IJEPA', description: 'Economic partnership', aliases: ['EPA'], articleCount: 3 }] },
    { kind: 'articles', items: [{ id: 'a1', headline: 'H <!here>', source: null, date: null, language: 'id' }], page: 1, pages: 2, total: 11 },
    { kind: 'help', commands: [{ name: 'add', usage: ['<url>'], describe: 'Add an article', adminOnly: true }] },
    {
      kind: 'roundup',
      preview: true,
      roundup: {
        period: '18–24 Nov 2026', since: '2026-11-18', until: '2026-11-24', more: 3, moreHint: { command: 'brief', args: 'ijepa' },
        lines: [{ storyId: 's', topic: 'IJEPA', headline: 'Talks', point: 'A point', sources: [{ source: 'Antara', language: 'id', link: 'https://a.example/x' }] }],
      },
    },
    {
      kind: 'subscriptions',
      items: [{ id: 'sub1', channel: 'C1', weekday: 1, time: '09:00', timezone: 'Asia/Jakarta', topics: [], nextRunAt: '', nextRunLocal: 'Mon 09:00', paused: 'not_in_channel' }],
    },
    { kind: 'subscriptions', items: [] },
  ];

  it.each(kinds.map((r) => [r.kind, r] as const))('%s renders within limits with a fallback text', (_kind, reply) => {
    const msg = renderReply(reply);
    expect(msg.blocks.length).toBeGreaterThan(0);
    expect(msg.text.trim().length).toBeGreaterThan(0);
    expect(findLimitViolations(msg)).toEqual([]);
    expect(liveMarkup(msg).filter((m) => !m.startsWith('<https'))).toEqual([]);
  });

  it('says what an empty result can try instead', () => {
    const msg = renderReply({ kind: 'empty', query: 'xyz', suggestions: ['ijepa'] });
    expect(allTexts(msg).join(' ')).toContain('Nothing found for "xyz". Try /brief ijepa.');
  });

  it('help uses the configured command name', () => {
    const msg = renderReply({ kind: 'help', commands: [{ name: 'list', usage: ['[page]'], describe: 'List', adminOnly: false }] }, { command: '/ringkas' });
    expect(allTexts(msg).join(' ')).toContain('`/ringkas list [page]`');
  });

  it('a roundup says how many more stories there are', () => {
    const msg = renderReply(kinds[8]!);
    expect(allTexts(msg).join('\n')).toContain('…and 3 more stories: /brief ijepa');
  });

  it('a long topic list is cut to the block limit and counted', () => {
    const topics = Array.from({ length: 80 }, (_, i) => ({ id: `t${i}`, name: `T${i}`, description: 'd', aliases: [], articleCount: i }));
    const msg = renderReply({ kind: 'topics', topics });
    expect(findLimitViolations(msg)).toEqual([]);
    expect(allTexts(msg).at(-1)).toMatch(/^…and \d+ more topics$/);
  });

  it('a long article list is packed into sections under 3000 characters', () => {
    const items = Array.from({ length: 200 }, (_, i) => ({ id: `id${i}`, headline: 'h'.repeat(200), source: 's', date: '2024-01-01', language: 'en' as const }));
    const msg = renderReply({ kind: 'articles', items, page: 1, pages: 1, total: 200 });
    expect(findLimitViolations(msg)).toEqual([]);
  });
});

describe('findLimitViolations (the checker the tests above rely on)', () => {
  it('flags every kind of overflow', () => {
    const violations = findLimitViolations({
      text: '',
      blocks: [
        ...Array.from({ length: 50 }, () => ({ type: 'divider' as const })),
        { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
        { type: 'section', text: { type: 'mrkdwn', text: 's'.repeat(3001) }, block_id: 'b'.repeat(256) },
        { type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn' as const, text: 'f'.repeat(2001) })) },
      ],
    });
    for (const expected of ['53 blocks > 50', 'fallback text', 'header) text length 151', 'block_id length 256', 'text length 3001', 'has 11 fields', 'field 0 length 2001']) {
      expect(violations.join('\n')).toContain(expected);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { ArticleWindow, composeRoundup } from '../../src/roundup/compose-roundup.js';
import { article } from './memory-roundup-store.js';

const since = new Date('2026-11-09T02:00:00Z');
const until = new Date('2026-11-16T02:00:00Z');
const base = { since, until, timezone: 'Asia/Jakarta', topics: [] as string[] };

describe('composeRoundup', () => {
  it('keeps only articles added inside the window', () => {
    const arts = [
      article({ id: 'old', addedAt: '2026-11-09T02:00:00Z' }),
      article({ id: 'in', addedAt: '2026-11-12T00:00:00Z' }),
      article({ id: 'edge', addedAt: '2026-11-16T02:00:00Z' }),
      article({ id: 'late', addedAt: '2026-11-16T02:00:01Z' }),
    ];
    const r = composeRoundup(arts, base);
    expect(r.lines.map((l) => l.storyId).sort()).toEqual(['edge', 'in']);
    expect(r.since).toBe(since.toISOString());
    expect(r.until).toBe(until.toISOString());
    expect(r.period).toBe('9–16 Nov 2026');
  });

  it('groups a story into one line with its sources and languages', () => {
    const arts = [
      article({ id: 'en1', storyId: 's1', source: 'Reuters', language: 'en', title: 'Deal signed', keyPoints: ['A', 'B'], addedAt: '2026-11-10T00:00:00Z' }),
      article({ id: 'id1', storyId: 's1', source: 'Kompas', language: 'id', title: 'Kesepakatan', keyPoints: ['C'], addedAt: '2026-11-11T00:00:00Z' }),
      article({ id: 'id2', storyId: 's1', source: 'Kompas', language: 'id', addedAt: '2026-11-11T01:00:00Z' }),
    ];
    const r = composeRoundup(arts, base);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatchObject({ storyId: 's1', headline: 'Deal signed', point: 'A', topic: 'ijepa' });
    expect(r.lines[0]!.sources.map((s) => `${s.source}/${s.language}`)).toEqual(['Reuters/en', 'Kompas/id']);
  });

  it('orders by topic in brief order, then by story size', () => {
    const arts = [
      article({ id: 'e1', topics: ['ev'], addedAt: '2026-11-10T00:00:00Z' }),
      article({ id: 'b1', topics: ['biofuel'], addedAt: '2026-11-10T00:00:00Z' }),
      article({ id: 'i1', topics: ['ijepa'], addedAt: '2026-11-10T00:00:00Z' }),
      article({ id: 'i2', storyId: 'big', topics: ['ijepa'], addedAt: '2026-11-10T00:00:00Z' }),
      article({ id: 'i3', storyId: 'big', topics: ['ijepa'], addedAt: '2026-11-11T00:00:00Z' }),
      article({ id: 'n1', topics: [], addedAt: '2026-11-10T00:00:00Z' }),
    ];
    const r = composeRoundup(arts, { ...base, topicOrder: ['ijepa', 'ev'] });
    expect(r.lines.map((l) => `${l.topic}:${l.storyId}`)).toEqual(['ijepa:big', 'ijepa:i1', 'ev:e1', 'biofuel:b1', 'null:n1']);
    const named = composeRoundup(arts, { ...base, topicOrder: ['ijepa', 'ev'], topicLabel: (id) => id.toUpperCase() });
    expect(named.lines.map((l) => l.topic)).toEqual(['IJEPA', 'IJEPA', 'EV', 'BIOFUEL', null]);
  });

  it('filters on the subscription topics', () => {
    const arts = [
      article({ id: 'e1', topics: ['ev'], addedAt: '2026-11-10T00:00:00Z' }),
      article({ id: 'x', topics: ['biofuel', 'ev'], addedAt: '2026-11-10T00:00:00Z' }),
      article({ id: 'b1', topics: ['biofuel'], addedAt: '2026-11-10T00:00:00Z' }),
    ];
    const r = composeRoundup(arts, { ...base, topics: ['ev'] });
    expect(r.lines.map((l) => `${l.topic}:${l.storyId}`).sort()).toEqual(['ev:e1', 'ev:x']);
  });

  it('shows at most ten stories, then how many more and where to look', () => {
    const arts = Array.from({ length: 14 }, (_, i) =>
      article({ id: `s${i}`, topics: [i < 9 ? 'ev' : 'ijepa'], addedAt: `2026-11-1${i % 5}T00:00:00Z` }),
    );
    const r = composeRoundup(arts, { ...base, topicOrder: ['ev', 'ijepa'] });
    expect(r.lines).toHaveLength(10);
    expect(r.more).toBe(4);
    expect(r.moreHint).toEqual({ command: 'brief', args: 'ijepa' });
    expect(composeRoundup(arts.slice(0, 3), base)).toMatchObject({ more: 0, moreHint: null });
  });

  it('finds the same window through the sorted ArticleWindow', () => {
    const arts = ['2026-11-15T00:00:00Z', '2026-11-01T00:00:00Z', '2026-11-16T02:00:00Z', '2026-11-10T00:00:00Z', '2026-11-20T00:00:00Z'].map(
      (addedAt, i) => article({ id: `w${i}`, addedAt }),
    );
    const window = new ArticleWindow(arts);
    expect(window.between(since, until).map((a) => a.id)).toEqual(['w3', 'w0', 'w2']);
    expect(window.between(until, new Date('2027-01-01T00:00:00Z')).map((a) => a.id)).toEqual(['w4']);
  });
});

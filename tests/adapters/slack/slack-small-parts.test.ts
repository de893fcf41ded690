// Unit tests for the small pure parts: the timestamp guard, modal parsing, redelivery keys.
import { describe, expect, it } from 'vitest';
import { parseAddSubmission } from '../../../adapters/slack/add-article-modal.js';
import { RecentDeliveries } from '../../../adapters/slack/recent-deliveries.js';
import { timestampProblem } from '../../../adapters/slack/request-guard.js';
import { unescapeSlackText } from '../../../adapters/slack/slack-payloads.js';
import { fixedClock } from '../../../src/clock.js';
import { MemoryLedger } from '../../../src/coordination/memory-coordination.js';

describe('timestampProblem', () => {
  const now = Date.parse('2026-01-05T09:00:00Z');
  const sec = Math.floor(now / 1000);
  it.each([
    [String(sec), null],
    [String(sec - 300), null],
    [String(sec + 300), null],
    [String(sec - 301), 'request timestamp is stale'],
    [String(sec + 301), 'request timestamp is in the future'],
    [undefined, 'missing or malformed x-slack-request-timestamp'],
    ['12abc', 'missing or malformed x-slack-request-timestamp'],
    ['-5', 'missing or malformed x-slack-request-timestamp'],
  ])('%s → %s', (header, expected) => {
    expect(timestampProblem(header, now)).toBe(expected);
  });
});

describe('parseAddSubmission', () => {
  const values = (v: Record<string, string | null>) =>
    Object.fromEntries(Object.entries(v).map(([k, value]) => [k, { value: k === 'date' ? { type: 'datepicker', selected_date: value } : { type: 'plain_text_input', value } }]));

  it('builds a typed text add with only the fields given', () => {
    expect(parseAddSubmission(values({ title: ' T ', source: null, link: 'https://a.example/x', date: '2026-01-02', text: ' Body ' }))).toEqual({
      ok: true,
      input: { kind: 'text', text: 'Body', title: 'T', link: 'https://a.example/x', publishedDate: '2026-01-02' },
    });
  });

  it('reports errors per block', () => {
    const result = parseAddSubmission(values({ text: 'x'.repeat(3001), link: 'javascript:alert(1)' }));
    expect(result).toEqual({ ok: false, errors: { text: 'At most 3000 characters.', link: 'Use an http or https link.' } });
    expect(parseAddSubmission(values({}))).toMatchObject({ ok: false, errors: { text: expect.any(String) } });
  });
});

describe('RecentDeliveries', () => {
  it("says first time once per key until the TTL passes, in Slack's own corner of the engine's ledger", async () => {
    const clock = fixedClock('2026-01-05T09:00:00Z');
    const ledger = new MemoryLedger(clock);
    const seen = new RecentDeliveries({ firstTime: (key, ttl) => ledger.firstTime(key, ttl) }, 1000);
    expect(await seen.firstTime('a')).toBe(true);
    expect(await seen.firstTime('a')).toBe(false);
    // Another part of the engine using the key "a" is not a Slack repeat.
    expect(await ledger.firstTime('a', 1000)).toBe(true);
    clock.advance(1001);
    expect(await seen.firstTime('a')).toBe(true);
  });
});

describe('unescapeSlackText', () => {
  it('turns Slack entities back into what the user typed', () => {
    expect(unescapeSlackText('R&amp;D &lt;b&gt; &amp;lt;')).toBe('R&D <b> &lt;');
  });
});

import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, slackText, truncateEscaped as truncate } from '../../../adapters/slack/slack-escape.js';

describe('escapeMrkdwn', () => {
  it('escapes exactly &, < and >', () => {
    expect(escapeMrkdwn('a & b <!channel> <@U123> > c')).toBe('a &amp; b &lt;!channel&gt; &lt;@U123&gt; &gt; c');
  });

  it('leaves everything else alone', () => {
    const text = `"quotes" 'apostrophes' *bold* _it_ ~s~ \`code\` é 😀 #chan @here`;
    expect(escapeMrkdwn(text)).toBe(text);
  });

  it('escapes an already escaped entity again, so it shows literally', () => {
    expect(escapeMrkdwn('&amp;')).toBe('&amp;amp;');
  });
});

describe('truncate', () => {
  it('keeps short text and cuts long text with an ellipsis within the limit', () => {
    expect(truncate('short', 10)).toBe('short');
    const cut = truncate('x'.repeat(200), 150);
    expect(cut.length).toBeLessThanOrEqual(150);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never leaves half an entity', () => {
    for (let max = 2; max < 30; max += 1) {
      const cut = truncate(escapeMrkdwn('ab<<<<<&&&&&>>>>> and more text here'), max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(/&(amp|lt|gt);/g, '')).not.toMatch(/&/);
    }
  });

  it('never splits a surrogate pair', () => {
    for (let max = 2; max < 12; max += 1) {
      const cut = truncate('😀😀😀😀😀😀😀😀', max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(() => encodeURIComponent(cut)).not.toThrow();
    }
  });

  it('slackText escapes before fitting', () => {
    const out = slackText('<'.repeat(100), 20);
    expect(out.length).toBeLessThanOrEqual(20);
    expect(out).toMatch(/^(&lt;)+…$/);
  });
});

// One cut for every length limit: never leaves half of a surrogate pair (a lone surrogate is
// rejected by Discord and shown as garbage by Slack).
import { describe, expect, it } from 'vitest';
import { shareCustomId, shareQuery } from '../../adapters/discord/discord-share.js';
import { errorForLog } from '../../adapters/discord/log-error.js';
import { addCommand } from '../../src/commands/add.js';
import { prefixWithin, truncate } from '../../src/text/fit-length.js';

const EMOJI = '😀';
/** No lone surrogate (String.prototype.isWellFormed is newer than the project's lib). */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('prefixWithin and truncate', () => {
  it('cut at every length, the result fits and is well-formed', () => {
    const text = `ab${EMOJI}c${EMOJI}${EMOJI}d`;
    for (let max = 0; max <= text.length + 1; max += 1) {
      for (const cut of [prefixWithin(text, max), truncate(text, max)]) {
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(wellFormed(cut)).toBe(true);
      }
    }
  });

  it('keeps text that fits and marks a cut with an ellipsis', () => {
    expect(truncate('short', 5)).toBe('short');
    expect(truncate('shorter text', 8)).toBe('shorter…');
    expect(prefixWithin('abcdef', 3)).toBe('abc');
  });
});

describe('every platform cut', () => {
  it('a Share custom_id cut at 100 units keeps the emoji whole or drops it', () => {
    for (let pad = 80; pad < 90; pad += 1) {
      const id = shareCustomId(`${'x'.repeat(pad)}${EMOJI}${EMOJI} ijepa`);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(wellFormed(id)).toBe(true);
      expect(wellFormed(shareQuery(id)!)).toBe(true);
    }
  });

  it('log lines and audit details are cut on a code point boundary', () => {
    for (let pad = 295; pad < 301; pad += 1) {
      const logged = errorForLog(`${'x'.repeat(pad)}${EMOJI}`);
      expect(wellFormed(logged.message)).toBe(true);
      const detail = addCommand.auditDetail({ name: 'add', input: { kind: 'url', url: `https://example.com/${'x'.repeat(pad - 20)}${EMOJI}` } });
      expect(wellFormed(detail)).toBe(true);
    }
  });
});

// Pulls every piece of text out of a rendered Slack message, for assertions.
import type { SlackMessage } from '../../../adapters/slack/block-kit.js';

export function allTexts(message: SlackMessage): string[] {
  const out = [message.text];
  for (const b of message.blocks) {
    if (b.type === 'header') out.push(b.text.text);
    if (b.type === 'section') {
      if (b.text) out.push(b.text.text);
      for (const f of b.fields ?? []) out.push(f.text);
    }
    if (b.type === 'context') for (const e of b.elements) if ('text' in e) out.push(e.text);
    if (b.type === 'actions') for (const e of b.elements) if (e.type === 'button') out.push(e.text.text);
  }
  return out;
}

/** A "<" that does not open one of our own http(s) links would be live Slack markup. */
export function liveMarkup(message: SlackMessage): string[] {
  return allTexts(message).flatMap((t) => t.match(/<(?!https?:\/\/)[^>]*>?/g) ?? []);
}

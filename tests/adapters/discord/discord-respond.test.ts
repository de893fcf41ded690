// The defer fallback: work that outlasts the window gets a deferReply first, and the answer
// never races ahead of it. A recording stand-in for the discord.js interaction (not our code).
import { describe, expect, it } from 'vitest';
import type { RepliableInteraction } from 'discord.js';
import { sendMessages, withDeferFallback } from '../../../adapters/discord/discord-respond.js';

function recordingInteraction() {
  const calls: string[] = [];
  const i = {
    deferred: false,
    replied: false,
    async deferReply() {
      calls.push('defer:start');
      await new Promise((r) => setImmediate(r));
      i.deferred = true;
      calls.push('defer:done');
    },
    async reply() {
      calls.push('reply');
      i.replied = true;
    },
    async editReply() {
      calls.push('edit');
    },
    async followUp() {
      calls.push('followUp');
    },
  };
  return { interaction: i as unknown as RepliableInteraction, calls };
}

describe('withDeferFallback', () => {
  it('does not defer fast work', async () => {
    const { interaction, calls } = recordingInteraction();
    await withDeferFallback(interaction, true, async () => 'ok', 1_000);
    await sendMessages(interaction, [{ content: 'hi', embeds: [] }], { ephemeral: true });
    expect(calls).toEqual(['reply']);
  });

  it('defers slow work, waits for the defer, then edits the reply', async () => {
    const { interaction, calls } = recordingInteraction();
    let finish!: (v: string) => void;
    const work = new Promise<string>((r) => (finish = r));
    const running = withDeferFallback(interaction, true, () => work, 1);
    // Let the 1 ms fallback fire, then finish the work while the defer is still in flight.
    await new Promise((r) => setTimeout(r, 5));
    finish('done');
    expect(await running).toBe('done');
    await sendMessages(interaction, [{ content: 'a', embeds: [] }, { content: 'b', embeds: [] }], { ephemeral: true });
    expect(calls).toEqual(['defer:start', 'defer:done', 'edit', 'followUp']);
  });
});

// unsubscribe: admins stop this channel's weekly roundup.
import { roundupsFor } from '../roundup/engine-roundups.js';
import { commandChannel } from '../roundup/roundup-replies.js';
import { ok, type CommandModule } from './command-module.js';

export const unsubscribeCommand = {
  name: 'unsubscribe',
  aliases: ['berhenti'],
  usage: [],
  describe: "Stop this channel's weekly roundup.",
  adminOnly: true,
  parse: () => ok({ name: 'unsubscribe' }),
  run: async (s, _command, ctx) => {
    const removed = await roundupsFor(s).unsubscribe(commandChannel(ctx));
    return removed
      ? { kind: 'message', tone: 'success', text: 'This channel will no longer get a weekly roundup.' }
      : { kind: 'message', tone: 'info', text: 'This channel has no weekly roundup to stop.' };
  },
} satisfies CommandModule<'unsubscribe'>;

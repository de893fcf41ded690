// roundup: privately previews what this channel's next roundup would post
// if it ran now (defaults apply when the channel has no subscription yet).
import { roundupsFor } from '../roundup/engine-roundups.js';
import { commandChannel } from '../roundup/roundup-replies.js';
import { ok, type CommandModule } from './command-module.js';

export const roundupCommand = {
  name: 'roundup',
  aliases: ['preview', 'ringkasan'],
  usage: [],
  describe: "Preview this channel's next roundup, privately.",
  adminOnly: false,
  parse: () => ok({ name: 'roundup' }),
  run: async (s, _command, ctx) => {
    const { roundup } = await roundupsFor(s).preview(commandChannel(ctx));
    return { kind: 'roundup', roundup, preview: true };
  },
} satisfies CommandModule<'roundup'>;

// resume: admins resume this channel's roundup after it was paused (e.g. the
// bot lost access); a slot missed while paused is delivered on the next tick.
import { roundupsFor } from '../roundup/engine-roundups.js';
import { commandChannel, describeSchedule } from '../roundup/roundup-replies.js';
import { cmd, say } from '../model/text.js';
import { ok, type CommandModule } from './command-module.js';

export const resumeCommand = {
  name: 'resume',
  aliases: ['lanjutkan'],
  usage: [],
  describe: "Resume this channel's paused roundup.",
  adminOnly: true,
  parse: () => ok({ name: 'resume' }),
  run: async (s, _command, ctx) => {
    const info = await roundupsFor(s).resume(commandChannel(ctx));
    if (!info) return { kind: 'message', tone: 'info', text: say`This channel has no weekly roundup. ${cmd('subscribe')} sets one up.` };
    return { kind: 'message', tone: 'success', text: `Roundup resumed: ${describeSchedule(info)}.` };
  },
} satisfies CommandModule<'resume'>;

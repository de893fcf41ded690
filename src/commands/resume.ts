// PLACEHOLDER until the roundup work lands: the command exists with its usage.
import { ok, type CommandModule } from './command-module.js';

export const resumeCommand = {
  name: 'resume',
  usage: '/brief resume',
  describe: "Resume this channel's paused roundup (admins).",
  adminOnly: true,
  parse: () => ok({ name: 'resume' }),
  run: async () => ({ kind: 'message', tone: 'info', text: 'Weekly roundups are not available yet.' }),
} satisfies CommandModule<'resume'>;

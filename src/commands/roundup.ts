// PLACEHOLDER until the roundup work lands: the command exists with its usage.
import { ok, type CommandModule } from './command-module.js';

export const roundupCommand = {
  name: 'roundup',
  aliases: ['preview'],
  usage: '/brief roundup',
  describe: "Preview this channel's next roundup, privately.",
  adminOnly: false,
  parse: () => ok({ name: 'roundup' }),
  run: async () => ({ kind: 'message', tone: 'info', text: 'Weekly roundups are not available yet.' }),
} satisfies CommandModule<'roundup'>;

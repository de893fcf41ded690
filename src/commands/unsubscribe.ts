// PLACEHOLDER until the roundup work lands: the command exists with its usage.
import { ok, type CommandModule } from './command-module.js';

export const unsubscribeCommand = {
  name: 'unsubscribe',
  usage: '/brief unsubscribe',
  describe: "Stop this channel's weekly roundup (admins).",
  adminOnly: true,
  parse: () => ok({ name: 'unsubscribe' }),
  run: async () => ({ kind: 'message', tone: 'info', text: 'Weekly roundups are not available yet.' }),
} satisfies CommandModule<'unsubscribe'>;

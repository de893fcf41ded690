// PLACEHOLDER until the roundup work lands: the command exists with its usage.
import { ok, type CommandModule } from './command-module.js';

export const subscribeCommand = {
  name: 'subscribe',
  aliases: ['langganan'],
  usage: '/brief subscribe [day] [HH:MM] [timezone] [topics…]',
  describe: "Send this channel a weekly roundup (admins).",
  adminOnly: true,
  parse: () => ok({ name: 'subscribe', schedule: {} }),
  run: async () => ({ kind: 'message', tone: 'info', text: 'Weekly roundups are not available yet.' }),
} satisfies CommandModule<'subscribe'>;

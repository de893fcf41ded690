// PLACEHOLDER until the roundup work lands: the command exists with its usage.
import { ok, type CommandModule } from './command-module.js';

export const subscriptionsCommand = {
  name: 'subscriptions',
  aliases: ['subs'],
  usage: '/brief subscriptions',
  describe: "Weekly roundups of this workspace and their next run.",
  adminOnly: false,
  parse: () => ok({ name: 'subscriptions' }),
  run: async () => ({ kind: 'message', tone: 'info', text: 'Weekly roundups are not available yet.' }),
} satisfies CommandModule<'subscriptions'>;

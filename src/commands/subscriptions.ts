// subscriptions: the weekly roundups of this workspace, their next run in
// local time, and why one is paused.
import { roundupsFor } from '../roundup/engine-roundups.js';
import { ok, type CommandModule } from './command-module.js';

export const subscriptionsCommand = {
  name: 'subscriptions',
  aliases: ['subs'],
  usage: [],
  describe: 'Weekly roundups of this workspace and their next run.',
  adminOnly: false,
  parse: () => ok({ name: 'subscriptions' }),
  run: async (s, _command, ctx) => ({ kind: 'subscriptions', items: await roundupsFor(s).list(ctx.channel) }),
} satisfies CommandModule<'subscriptions'>;

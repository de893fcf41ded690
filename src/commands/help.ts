// /brief help: generated from the command registry.
import { ok, type CommandModule } from './command-module.js';

export const helpCommand = {
  name: 'help',
  aliases: ['?', 'bantuan'],
  usage: '/brief help',
  describe: 'What Ringkas can do.',
  adminOnly: false,
  parse: () => ok({ name: 'help' }),
  // The registry fills the entries in (it imports this module, so it cannot be imported here).
  run: async () => ({ kind: 'help', commands: [] }),
} satisfies CommandModule<'help'>;

// /brief help: generated from the command registry.
import { ok, type CommandModule } from './command-module.js';

export const helpCommand = {
  name: 'help',
  aliases: ['?', 'bantuan'],
  usage: '/brief help',
  describe: 'What Ringkas can do.',
  adminOnly: false,
  parse: () => ok({ name: 'help' }),
  // Imported when run: the registry imports this module, so a static import would be a cycle.
  run: async () => ({ kind: 'help', commands: (await import('./registry.js')).helpEntries() }),
} satisfies CommandModule<'help'>;

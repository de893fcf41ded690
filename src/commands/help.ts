// help: generated from the command registry (the engine puts the entries in the services,
// so this module needs no import of the registry that lists it).
import { ok, type CommandModule } from './command-module.js';

export const helpCommand = {
  name: 'help',
  aliases: ['?', 'bantuan'],
  usage: [],
  describe: 'What Ringkas can do.',
  adminOnly: false,
  listing: true,
  parse: () => ok({ name: 'help' }),
  run: async (s) => ({ kind: 'help', commands: [...s.help] }),
} satisfies CommandModule<'help'>;

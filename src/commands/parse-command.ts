// Text -> typed command, once, for every adapter that receives text.
import type { Command } from '../model/command.js';
import type { ParseResult } from './command-module.js';
import { commandForWord } from './registry.js';

/** `text` is what follows the platform's own command (each adapter strips its command name). */
export function parseCommand(text: string): ParseResult<Command> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, command: { name: 'help' } };
  const [word = '', ...rest] = trimmed.split(/\s+/);
  const module = commandForWord(word);
  // "brief" itself is the default: the whole text is the look-up.
  if (!module || module.name === 'brief') {
    const query = module ? rest.join(' ') : trimmed;
    return commandForWord('brief')!.parse(query) as ParseResult<Command>;
  }
  return module.parse(trimmed.slice(word.length)) as ParseResult<Command>;
}

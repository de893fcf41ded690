// The shape of one engine command: parsed from text, run against the services.
// Help text is generated from these, never written twice.
import type { CommandContext } from '../model/actor.js';
import type { CommandName, CommandOf } from '../model/command.js';
import type { Reply } from '../model/reply.js';
import type { EngineServices } from '../services.js';

export type ParseResult<C> = { ok: true; command: C } | { ok: false; message: string };

export interface CommandModule<N extends CommandName = CommandName> {
  name: N;
  /** Other words that name it ("rm" for remove). */
  aliases?: readonly string[];
  usage: string;
  describe: string;
  adminOnly: boolean;
  /** Whether running it may take longer than a platform's reply deadline. */
  slow?: (command: CommandOf<N>) => boolean;
  /** `args` is what follows the command word. */
  parse(args: string): ParseResult<CommandOf<N>>;
  run(services: EngineServices, command: CommandOf<N>, ctx: CommandContext): Promise<Reply>;
  /** Short, body-free description of the command for the audit log. */
  auditDetail?: (command: CommandOf<N>) => string;
}

export const ok = <C>(command: C): ParseResult<C> => ({ ok: true, command });
export const fail = <C>(message: string): ParseResult<C> => ({ ok: false, message });

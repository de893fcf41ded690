// The shape of one engine command, and everything an adapter needs to know about it.
// A command is one file (`src/commands/<name>.ts`) exporting `{ … } satisfies CommandModule<'<name>'>`
// plus one line in registry.ts (and its variant in src/model/command.ts). Adapters never keep
// their own lists: who may run it (adminOnly), whether it may outlast a reply deadline (slow),
// whether its answer may be posted for everyone (shareable), whether it lists rather than
// searches (listing), and its typed options with their limits (for platforms that ask for
// options one by one, e.g. Discord slash commands) are all declared here. Help is generated
// from these, never written twice.
import type { CommandContext } from '../model/actor.js';
import type { CommandName, CommandOf } from '../model/command.js';
import type { Reply } from '../model/reply.js';
import type { Text } from '../model/text.js';
import type { EngineServices } from '../services.js';

export type ParseResult<C> =
  | { ok: true; command: C }
  /** `needsInput`: that command was named without its main input; a platform with a form may ask for it. */
  | { ok: false; message: Text; needsInput?: CommandName };

/** One typed input. `maxLength`/`maxBytes` are the limits the platform enforces before we see the value. */
export type CommandOption =
  | {
      kind: 'text';
      name: string;
      describe: string;
      required?: boolean;
      maxLength: number;
      autocomplete?: boolean;
      /** The only values a form offers (a platform with forms shows a pick list). */
      choices?: readonly { name: string; value: string }[];
      /** What a value of this option looks like, so a platform can tell which option a typed word fills. */
      accepts?: RegExp;
    }
  | { kind: 'integer'; name: string; describe: string; required?: boolean; choices?: readonly { name: string; value: number }[] }
  | { kind: 'file'; name: string; describe: string; maxBytes: number };

/** The values a platform read for a command's options (a file already downloaded). Absent = not given. */
export interface OptionValues {
  text(name: string): string | undefined;
  integer(name: string): number | undefined;
  file(name: string): { filename: string; content: string } | undefined;
}

export interface CommandModule<N extends CommandName = CommandName> {
  name: N;
  /** Other words that name it ("rm" for remove). */
  aliases?: readonly string[];
  /** What may follow the command word, one form per entry (e.g. ["<id>"]); [] when nothing. */
  usage: readonly string[];
  /** One line, at most 100 characters (Discord's limit for a command description). */
  describe: string;
  adminOnly: boolean;
  /** Read-only, and its answer may be posted in a channel for everyone (a Share button). */
  shareable?: boolean;
  /** Lists something (help, topics, list): offered wherever the look-up is, e.g. Discord's /brief topic:help. */
  listing?: boolean;
  /** Whether running it may take longer than a platform's reply deadline. */
  slow?: (command: CommandOf<N>) => boolean;
  /** Typed options, in the order a form shows them. The first text option takes the text form's arguments. */
  options?: readonly CommandOption[];
  /** The command from typed option values; without it, the first text option is read as text by `parse`. */
  fromOptions?: (values: OptionValues) => ParseResult<CommandOf<N>>;
  /** `args` is what follows the command word. */
  parse(args: string): ParseResult<CommandOf<N>>;
  run(services: EngineServices, command: CommandOf<N>, ctx: CommandContext): Promise<Reply>;
  /** Short, body-free description of the command for the audit log. */
  auditDetail?: (command: CommandOf<N>) => string;
}

/** What adapters may read of a command: its declarations, not its code. */
export type CommandInfo = Pick<CommandModule, 'name' | 'aliases' | 'usage' | 'describe' | 'adminOnly' | 'shareable' | 'listing' | 'options'>;

export const ok = <C>(command: C): ParseResult<C> => ({ ok: true, command });
export const fail = <C>(message: Text): ParseResult<C> => ({ ok: false, message });
export const needsInput = <C>(command: CommandName, message: Text): ParseResult<C> => ({ ok: false, message, needsInput: command });

// Sentences for users that may point at other commands. The engine never writes a command's
// syntax or a platform's words: a reply that says "run the list command" carries a CommandRef,
// and each adapter renders it its own way (Slack `/brief list` with the configured command name,
// Discord `/brief topic:list` or `/brief-admin remove id:…`, the shell "/brief list"), and says
// "a workspace admin" or "a server admin" for AdminRef.
import type { CommandName } from './command.js';

/** Another command, with the words a user would type after its name (the look-up's words for `brief`). */
export interface CommandRef {
  command: CommandName;
  args?: string;
}

/** The people who may run admin commands, named in the platform's own words. */
export interface AdminRef {
  admins: true;
}

export type Inline = string | CommandRef | AdminRef;

/** A plain sentence, or one with references in it. */
export type Text = string | readonly Inline[];

export const ADMINS: AdminRef = { admins: true };

export function cmd(command: CommandName, args?: string): CommandRef {
  return args ? { command, args } : { command };
}

/** Builds a Text from a template: say`Give the id; ${cmd('list')} shows ids.` */
export function say(strings: TemplateStringsArray, ...values: readonly (string | number | Inline)[]): Inline[] {
  const out: Inline[] = [];
  strings.forEach((s, i) => {
    if (s) out.push(s);
    if (i < values.length) {
      const v = values[i]!;
      out.push(typeof v === 'number' ? String(v) : v);
    }
  });
  return out;
}

/** How one platform writes references, and (optionally) how it escapes the plain parts. */
export interface TextWords {
  command(ref: CommandRef): string;
  admins: string;
  plain?(text: string): string;
}

export function inWords(text: Text, words: TextWords): string {
  const plain = words.plain ?? ((s: string) => s);
  if (typeof text === 'string') return plain(text);
  return text.map((part) => (typeof part === 'string' ? plain(part) : 'command' in part ? words.command(part) : words.admins)).join('');
}

/** Neutral words for logs and error messages: a reference is its command word in quotes. */
export const LOG_WORDS: TextWords = {
  command: (ref) => `"${[ref.command, ref.args].filter(Boolean).join(' ')}"`,
  admins: 'an admin',
};

export function plainText(text: Text): string {
  return inWords(text, LOG_WORDS);
}

// How a command is written on Discord, from the registry: the look-up and the listings are
// /brief topic:<words> ("/brief topic:list 2"), everything else a /brief-admin subcommand
// whose first text option takes the arguments ("/brief-admin remove id:3fa2c81b").
import type { CommandOption } from '../../src/commands/command-module.js';
import type { CommandName } from '../../src/model/command.js';
import type { HelpEntry } from '../../src/model/reply.js';
import { adminSubcommands, BRIEF, BRIEF_ADMIN, searchCommand } from './discord-commands.js';

const TOPIC = searchCommand().options[0]!.name;
const ADMIN = new Map(adminSubcommands().map((c) => [c.name, c]));

/** The command as a user would type it, e.g. "/brief topic:ijepa" or "/brief-admin remove id:3fa2c81b". */
export function commandSyntax(name: CommandName, args?: string): string {
  const admin = ADMIN.get(name);
  if (admin) return `/${BRIEF_ADMIN} ${name}${args ? ` ${optionArgs(admin.options ?? [], args)}` : ''}`;
  const words = name === 'brief' ? (args ?? '') : [name, args].filter(Boolean).join(' ');
  return `/${BRIEF} ${TOPIC}:${words}`;
}

type TextOption = Extract<CommandOption, { kind: 'text' }>;

/**
 * Spreads typed words over the subcommand's text options as Discord shows them
 * ("feed resume f1a2" -> "action:resume id:f1a2"): a word goes to the first unfilled option
 * whose choices or `accepts` pattern it fits, else to the first plain one; an option's own
 * name labels the next word ("every 1h"); a word that fits no option stays with the one before it.
 */
function optionArgs(options: readonly CommandOption[], args: string): string {
  const text = options.filter((o): o is TextOption => o.kind === 'text');
  if (text.length === 0) return args;
  const filled = new Map<TextOption, string[]>();
  let last: TextOption | undefined;
  let named: TextOption | undefined;
  for (const word of args.split(/\s+/).filter(Boolean)) {
    const open = text.filter((o) => !filled.has(o));
    // The text form's own labels ("every 1h"): the next word is that option's value.
    const label = open.find((o) => o.name === word);
    if (label) {
      named = label;
      continue;
    }
    const target =
      named ??
      open.find((o) => o.choices?.some((c) => c.value === word) || o.accepts?.test(word)) ??
      (last ? undefined : open.find((o) => !o.choices && !o.accepts) ?? open[0]);
    named = undefined;
    if (target) {
      filled.set(target, [word]);
      last = target;
    } else if (last) filled.get(last)!.push(word);
  }
  return [...filled].map(([o, words]) => `${o.name}:${words.join(' ')}`).join(' ');
}

/** A help line's command: admin subcommands show their options in Discord's own form, so only the name. */
export function helpSyntax(entry: HelpEntry): string {
  if (ADMIN.has(entry.name)) return commandSyntax(entry.name);
  const forms = entry.usage.length > 0 ? entry.usage : [''];
  return forms.map((form) => commandSyntax(entry.name, form || undefined)).join(' | ');
}

// How a command is written on Discord, from the registry: the look-up and the listings are
// /brief topic:<words> ("/brief topic:list 2"), everything else a /brief-admin subcommand
// whose first text option takes the arguments ("/brief-admin remove id:3fa2c81b").
import type { CommandName } from '../../src/model/command.js';
import type { HelpEntry } from '../../src/model/reply.js';
import { adminSubcommands, BRIEF, BRIEF_ADMIN, searchCommand } from './discord-commands.js';

const TOPIC = searchCommand().options[0]!.name;
const ADMIN = new Map(adminSubcommands().map((c) => [c.name, c]));

/** The command as a user would type it, e.g. "/brief topic:ijepa" or "/brief-admin remove id:3fa2c81b". */
export function commandSyntax(name: CommandName, args?: string): string {
  const admin = ADMIN.get(name);
  if (admin) {
    const first = admin.options?.find((o) => o.kind === 'text');
    return `/${BRIEF_ADMIN} ${name}${args ? ` ${first ? `${first.name}:` : ''}${args}` : ''}`;
  }
  const words = name === 'brief' ? (args ?? '') : [name, args].filter(Boolean).join(' ');
  return `/${BRIEF} ${TOPIC}:${words}`;
}

/** A help line's command: admin subcommands show their options in Discord's own form, so only the name. */
export function helpSyntax(entry: HelpEntry): string {
  if (ADMIN.has(entry.name)) return commandSyntax(entry.name);
  const forms = entry.usage.length > 0 ? entry.usage : [''];
  return forms.map((form) => commandSyntax(entry.name, form || undefined)).join(' | ');
}

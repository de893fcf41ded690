// Every command, by name. Adding a command = one file + one line here.
import type { CommandName } from '../model/command.js';
import type { HelpEntry } from '../model/reply.js';
import { addCommand } from './add.js';
import { briefCommand } from './brief.js';
import type { CommandModule } from './command-module.js';
import { feedCommand } from './feed.js';
import { feedsCommand } from './feeds.js';
import { helpCommand } from './help.js';
import { listCommand } from './list.js';
import { removeCommand } from './remove.js';
import { resumeCommand } from './resume.js';
import { roundupCommand } from './roundup.js';
import { sourcesCommand } from './sources.js';
import { subscribeCommand } from './subscribe.js';
import { subscriptionsCommand } from './subscriptions.js';
import { topicsCommand } from './topics.js';
import { unsubscribeCommand } from './unsubscribe.js';

const MODULES = [
  briefCommand,
  topicsCommand,
  listCommand,
  addCommand,
  removeCommand,
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
  resumeCommand,
  roundupCommand,
  feedCommand,
  feedsCommand,
  sourcesCommand,
  helpCommand,
] as const;

export const COMMANDS: ReadonlyMap<CommandName, CommandModule> = checkRegistry(MODULES as unknown as readonly CommandModule[]);

function checkRegistry(modules: readonly CommandModule[]): Map<CommandName, CommandModule> {
  const map = new Map<CommandName, CommandModule>();
  const words = new Set<string>();
  for (const m of modules) {
    for (const w of [m.name, ...(m.aliases ?? [])]) {
      if (words.has(w)) throw new Error(`command word "${w}" is registered twice`);
      words.add(w);
    }
    map.set(m.name, m);
  }
  return map;
}

/** The module a command word (name or alias) names, if any. */
export function commandForWord(word: string): CommandModule | undefined {
  const w = word.toLowerCase();
  for (const m of COMMANDS.values()) if (m.name === w || m.aliases?.includes(w)) return m;
  return undefined;
}

export function helpEntries(): HelpEntry[] {
  return [...COMMANDS.values()].map((m) => ({ name: m.name, usage: m.usage, describe: m.describe, adminOnly: m.adminOnly }));
}

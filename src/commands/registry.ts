// Every command, by name. Adding a command = one module file + one line here (and its variant
// in src/model/command.ts): the map's type makes a missing or misnamed module a compile error,
// and makes dispatch need no casts (each name maps to the module for exactly that command).
import type { CommandName } from '../model/command.js';
import type { HelpEntry } from '../model/reply.js';
import { addCommand } from './add.js';
import { briefCommand } from './brief.js';
import type { CommandInfo, CommandModule } from './command-module.js';
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

export type CommandRegistry = { readonly [N in CommandName]: CommandModule<N> };

/** In the order help lists them. */
const REGISTRY: CommandRegistry = {
  brief: briefCommand,
  topics: topicsCommand,
  list: listCommand,
  add: addCommand,
  remove: removeCommand,
  subscribe: subscribeCommand,
  unsubscribe: unsubscribeCommand,
  subscriptions: subscriptionsCommand,
  resume: resumeCommand,
  roundup: roundupCommand,
  feed: feedCommand,
  feeds: feedsCommand,
  sources: sourcesCommand,
  help: helpCommand,
};

/** Discord's limit for command and option descriptions; other platforms allow more. */
const DESCRIBE_MAX = 100;

const MODULES = checkRegistry(Object.values(REGISTRY));

function checkRegistry<M extends CommandInfo>(modules: readonly M[]): readonly M[] {
  const words = new Set<string>();
  for (const m of modules) {
    for (const w of [m.name, ...(m.aliases ?? [])]) {
      if (words.has(w)) throw new Error(`command word "${w}" is registered twice`);
      words.add(w);
    }
    for (const d of [m.describe, ...(m.options ?? []).map((o) => o.describe)]) {
      if (d.length > DESCRIBE_MAX) throw new Error(`command "${m.name}": description over ${DESCRIBE_MAX} characters: "${d}"`);
    }
  }
  return modules;
}

/** Undefined only for a name that is not a command (input from outside the type system). */
export function moduleFor<N extends CommandName>(name: N): CommandModule<N> | undefined {
  return Object.hasOwn(REGISTRY, name) ? REGISTRY[name] : undefined;
}

/** The module a command word (name or alias) names, if any. */
export function commandForWord(word: string): (typeof MODULES)[number] | undefined {
  const w = word.toLowerCase();
  return MODULES.find((m) => m.name === w || m.aliases?.includes(w));
}

/** Every command's declarations, for adapters (registration, help, share and admin rules). */
export function commandInfos(): CommandInfo[] {
  return MODULES.map(({ name, aliases, usage, describe, adminOnly, shareable, listing, options }) => ({
    name,
    usage,
    describe,
    adminOnly,
    ...(aliases ? { aliases } : {}),
    ...(shareable ? { shareable } : {}),
    ...(listing ? { listing } : {}),
    ...(options ? { options } : {}),
  }));
}

export function helpEntries(): HelpEntry[] {
  return MODULES.map((m) => ({ name: m.name, usage: m.usage, describe: m.describe, adminOnly: m.adminOnly }));
}

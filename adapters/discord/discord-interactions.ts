// Turns Discord interactions into engine commands and engine replies into Discord answers.
// One entry point, one error handler: a failure gives the user one sentence and the log the detail.
import {
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type REST,
} from 'discord.js';
import type { CommandInfo, OptionValues } from '../../src/commands/command-module.js';
import type { Engine } from '../../src/engine.js';
import { isRingkasError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { CommandContext } from '../../src/model/actor.js';
import type { Command } from '../../src/model/command.js';
import { adminSubcommands, BRIEF, BRIEF_ADMIN, searchCommand } from './discord-commands.js';
import { downloadAttachment } from './discord-attachments.js';
import { renderReply } from './discord-embeds.js';
import { DEFER_AFTER_MS, deferIfNeeded, sendError, sendMessages, withDeferFallback } from './discord-respond.js';
import { handleShare, shareButtonRow, shareQuery } from './discord-share.js';
import { errorForLog } from './log-error.js';
import { prefixWithin } from '../../src/text/fit-length.js';

export type DiscordEngine = Pick<Engine, 'execute' | 'parse' | 'parseOptions' | 'isSlow' | 'complete' | 'commands' | 'isConfiguredAdmin' | 'firstTime'>;

export interface InteractionDeps {
  engine: DiscordEngine;
  logger: Logger;
  rest: REST;
  /** Hosts besides Discord's CDN that attachments may come from (the loopback fake in tests). */
  attachmentHosts?: string[];
}

const AUTOCOMPLETE_MAX = 25;
const CHOICE_MAX = 100;

/**
 * The handler for every interaction. `receivedAt` (performance.now()) is when the request arrived,
 * for HTTP mode, where the replay check's database round trip comes first: the defer counts from it.
 */
export function createInteractionHandler(deps: InteractionDeps): (interaction: Interaction, receivedAt?: number) => Promise<void> {
  const commands = deps.engine.commands();
  const routes: Routes = {
    topicOption: searchCommand(commands).options[0]!.name,
    listing: new Set(commands.filter((c) => c.listing).map((c) => c.name)),
    admin: new Map(adminSubcommands(commands).map((c) => [c.name as string, c])),
  };
  return async (interaction, receivedAt = performance.now()) => {
    const started = Date.now();
    let ok = true;
    try {
      if (interaction.isAutocomplete()) await autocomplete(interaction, deps, routes);
      else if (interaction.isChatInputCommand()) await chatInput(interaction, deps, routes, receivedAt);
      else if (interaction.isButton()) await button(interaction, deps);
    } catch (error) {
      ok = false;
      const expected = isRingkasError(error);
      deps.logger[expected ? 'info' : 'error']({ event: 'discord_interaction_error', id: interaction.id, type: interaction.type, err: errorForLog(error) }, 'interaction failed');
      if (interaction.isAutocomplete()) {
        // Autocomplete cannot show an error; an empty list keeps the client responsive.
        await interaction.respond([]).catch(() => undefined);
      } else if (interaction.isRepliable()) {
        await sendError(interaction, expected ? error.userMessage : 'Something went wrong on my side; please try again.');
      }
    }
    // Last, so "handled" means the user has their answer (tests wait on it).
    deps.logger.info({ event: 'discord_interaction', id: interaction.id, type: interaction.type, ok, ms: Date.now() - started }, 'handled');
  };
}

/** What the registry says about where each command lives on Discord. */
interface Routes {
  /** The option of /brief that carries the look-up. */
  topicOption: string;
  /** Commands that /brief topic:<word> runs instead of searching for the word. */
  listing: ReadonlySet<Command['name']>;
  /** /brief-admin subcommands by name. */
  admin: ReadonlyMap<string, CommandInfo>;
}

export function commandContext(interaction: Interaction, engine: Pick<DiscordEngine, 'isConfiguredAdmin'>): CommandContext {
  const manageGuild = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
  const member = interaction.member as { nick?: string | null } | null;
  const displayName = member?.nick ?? interaction.user.globalName ?? interaction.user.username;
  return {
    actor: {
      platform: 'discord',
      id: interaction.user.id,
      displayName,
      isAdmin: manageGuild || engine.isConfiguredAdmin({ platform: 'discord', id: interaction.user.id }),
    },
    ...(interaction.channelId
      ? { channel: { platform: 'discord' as const, workspace: interaction.guildId ?? 'dm', channel: interaction.channelId } }
      : {}),
  };
}

async function autocomplete(interaction: AutocompleteInteraction, deps: InteractionDeps, routes: Routes): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const names = focused.name === routes.topicOption ? deps.engine.complete(String(focused.value), AUTOCOMPLETE_MAX) : [];
  const seen = new Set<string>();
  const choices = names
    .map((n) => prefixWithin(n, CHOICE_MAX).trim())
    .filter((n) => n !== '' && !seen.has(n) && seen.add(n))
    .slice(0, AUTOCOMPLETE_MAX)
    .map((n) => ({ name: n, value: n }));
  await interaction.respond(choices);
}

async function chatInput(interaction: ChatInputCommandInteraction, deps: InteractionDeps, routes: Routes, receivedAt: number): Promise<void> {
  const ctx = commandContext(interaction, deps.engine);
  const parsed = interaction.commandName === BRIEF ? briefInput(interaction, deps, routes) : await adminInput(interaction, ctx, deps, routes);
  if (!parsed.ok) {
    await sendMessages(interaction, renderReply(parsed.reply), { ephemeral: true });
    return;
  }
  const command = parsed.command;
  // Every /brief-admin subcommand needs Manage Server, read-only ones too: Discord only hides the
  // command by default, and a server can open it to other roles, so the engine checks again.
  const adminOnly = interaction.commandName === BRIEF_ADMIN;
  if (deps.engine.isSlow(command)) await deferIfNeeded(interaction, true);
  const spent = performance.now() - receivedAt;
  const reply = await withDeferFallback(interaction, true, () => deps.engine.execute(command, ctx, { adminOnly }), Math.max(0, DEFER_AFTER_MS - spent));
  const share = command.name === 'brief' && reply.kind === 'cards' && reply.cards.length > 0;
  await sendMessages(interaction, renderReply(reply), { ephemeral: true, ...(share ? { components: [shareButtonRow(reply.query)] } : {}) });
  deps.logger.info({ event: 'discord_command', command: command.name, reply: reply.kind, admin: ctx.actor.isAdmin }, 'command');
}

type Parsed = ReturnType<DiscordEngine['parse']>;

/** /brief topic:<words>: a listing command by its name ("help", "list 2"), else a look-up for the words. */
function briefInput(interaction: ChatInputCommandInteraction, deps: InteractionDeps, routes: Routes): Parsed {
  const topic = interaction.options.getString(routes.topicOption, true).trim();
  const parsed = deps.engine.parse(topic);
  if (parsed.ok && routes.listing.has(parsed.command.name)) return parsed;
  return deps.engine.parseOptions('brief', optionValues(interaction));
}

async function adminInput(interaction: ChatInputCommandInteraction, ctx: CommandContext, deps: InteractionDeps, routes: Routes): Promise<Parsed> {
  const info = interaction.commandName === BRIEF_ADMIN ? routes.admin.get(interaction.options.getSubcommand(true)) : undefined;
  if (!info) return { ok: false, reply: { kind: 'message', tone: 'error', text: 'I do not know that command.' } };
  const fileOption = info.options?.find((o) => o.kind === 'file');
  const file = fileOption ? interaction.options.getAttachment(fileOption.name) : null;
  // Read the options with the file still unread: a refusal (bad options, or not an admin) never downloads it.
  const values = optionValues(interaction, file && fileOption ? { [fileOption.name]: { filename: file.name, content: '' } } : {});
  const parsed = deps.engine.parseOptions(info.name, values);
  if (!parsed.ok || !file || !fileOption || fileOption.kind !== 'file' || !ctx.actor.isAdmin) return parsed;
  await deferIfNeeded(interaction, true);
  const downloaded = await downloadAttachment(
    { name: file.name, size: file.size, url: file.url },
    { maxBytes: fileOption.maxBytes, extraHosts: deps.attachmentHosts ?? [] },
  );
  return deps.engine.parseOptions(info.name, optionValues(interaction, { [fileOption.name]: downloaded }));
}

function optionValues(interaction: ChatInputCommandInteraction, files: Record<string, { filename: string; content: string }> = {}): OptionValues {
  return {
    text: (name) => interaction.options.getString(name) ?? undefined,
    integer: (name) => interaction.options.getInteger(name) ?? undefined,
    file: (name) => files[name],
  };
}

async function button(interaction: ButtonInteraction, deps: InteractionDeps): Promise<void> {
  const query = shareQuery(interaction.customId);
  if (query === null) {
    deps.logger.warn({ event: 'discord_unknown_button', customId: prefixWithin(interaction.customId, 40) }, 'unknown button');
    await sendError(interaction, 'That button has expired; run the command again.');
    return;
  }
  const ctx = commandContext(interaction, deps.engine);
  await handleShare(interaction, query, ctx, {
    rest: deps.rest,
    logger: deps.logger,
    execute: (q, c) => deps.engine.execute({ name: 'brief', query: q }, c),
  });
}

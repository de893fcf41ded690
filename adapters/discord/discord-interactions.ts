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
import type { Config } from '../../src/config.js';
import { isConfiguredAdmin } from '../../src/config.js';
import type { Engine } from '../../src/engine.js';
import { isRingkasError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { CommandContext } from '../../src/model/actor.js';
import type { Command } from '../../src/model/command.js';
import { adminCommand, BRIEF, BRIEF_ADMIN, TOPIC_OPTION } from './discord-commands.js';
import { downloadAttachment } from './discord-attachments.js';
import { renderReply } from './discord-embeds.js';
import { deferIfNeeded, sendError, sendMessages, withDeferFallback } from './discord-respond.js';
import { handleShare, shareButtonRow, shareQuery } from './discord-share.js';
import { errorForLog } from './log-error.js';
import { prefixWithin } from '../../src/text/fit-length.js';

export type DiscordEngine = Pick<Engine, 'execute' | 'parse' | 'isSlow' | 'complete'>;

export interface InteractionDeps {
  engine: DiscordEngine;
  config: Pick<Config, 'admins'>;
  logger: Logger;
  rest: REST;
  /** Hosts besides Discord's CDN that attachments may come from (the loopback fake in tests). */
  attachmentHosts?: string[];
}

const AUTOCOMPLETE_MAX = 25;
const CHOICE_MAX = 100;
/** Words after /brief topic: that mean a listing rather than a search. */
const LISTING_COMMANDS = new Set<Command['name']>(['help', 'topics', 'list']);

export function createInteractionHandler(deps: InteractionDeps): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    const started = Date.now();
    let ok = true;
    try {
      if (interaction.isAutocomplete()) await autocomplete(interaction, deps);
      else if (interaction.isChatInputCommand()) await chatInput(interaction, deps);
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

export function commandContext(interaction: Interaction, config: Pick<Config, 'admins'>): CommandContext {
  const manageGuild = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
  const member = interaction.member as { nick?: string | null } | null;
  const displayName = member?.nick ?? interaction.user.globalName ?? interaction.user.username;
  return {
    actor: {
      platform: 'discord',
      id: interaction.user.id,
      displayName,
      isAdmin: manageGuild || isConfiguredAdmin(config, 'discord', interaction.user.id),
    },
    ...(interaction.channelId
      ? { channel: { platform: 'discord' as const, workspace: interaction.guildId ?? 'dm', channel: interaction.channelId } }
      : {}),
  };
}

async function autocomplete(interaction: AutocompleteInteraction, deps: InteractionDeps): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const names = focused.name === TOPIC_OPTION ? deps.engine.complete(String(focused.value), AUTOCOMPLETE_MAX) : [];
  const seen = new Set<string>();
  const choices = names
    .map((n) => prefixWithin(n, CHOICE_MAX).trim())
    .filter((n) => n !== '' && !seen.has(n) && seen.add(n))
    .slice(0, AUTOCOMPLETE_MAX)
    .map((n) => ({ name: n, value: n }));
  await interaction.respond(choices);
}

async function chatInput(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  const ctx = commandContext(interaction, deps.config);
  const command = interaction.commandName === BRIEF ? briefCommand(interaction, deps) : await adminInput(interaction, ctx, deps);
  if (!command) return;
  if (deps.engine.isSlow(command)) await deferIfNeeded(interaction, true);
  const reply = await withDeferFallback(interaction, true, () => deps.engine.execute(command, ctx));
  const share = command.name === 'brief' && reply.kind === 'cards' && reply.cards.length > 0;
  await sendMessages(interaction, renderReply(reply), { ephemeral: true, ...(share ? { components: [shareButtonRow(reply.query)] } : {}) });
  deps.logger.info({ event: 'discord_command', command: command.name, reply: reply.kind, admin: ctx.actor.isAdmin }, 'command');
}

function briefCommand(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Command {
  const topic = interaction.options.getString(TOPIC_OPTION, true).trim();
  const parsed = deps.engine.parse(topic);
  if (parsed.ok && LISTING_COMMANDS.has(parsed.command.name)) return parsed.command;
  return { name: 'brief', query: topic };
}

async function adminInput(interaction: ChatInputCommandInteraction, ctx: CommandContext, deps: InteractionDeps): Promise<Command | null> {
  if (interaction.commandName !== BRIEF_ADMIN) {
    await sendMessages(interaction, [{ content: 'I do not know that command.', embeds: [] }], { ephemeral: true });
    return null;
  }
  const subcommand = interaction.options.getSubcommand(true);
  const file = subcommand === 'add' ? interaction.options.getAttachment('file') : null;
  if (!file) {
    return adminCommand({
      subcommand,
      string: (name) => interaction.options.getString(name),
      integer: (name) => interaction.options.getInteger(name),
    });
  }
  if (interaction.options.getString('url') || interaction.options.getString('text')) {
    await sendMessages(interaction, [{ content: '⚠️ Give exactly one of url, text or file.', embeds: [] }], { ephemeral: true });
    return null;
  }
  if (!ctx.actor.isAdmin) {
    // Never download for someone who may not add; the engine still refuses and records the attempt.
    return { name: 'add', input: { kind: 'file', filename: file.name, content: '' } };
  }
  await deferIfNeeded(interaction, true);
  const { filename, content } = await downloadAttachment(
    { name: file.name, size: file.size, url: file.url },
    { extraHosts: deps.attachmentHosts ?? [] },
  );
  return { name: 'add', input: { kind: 'file', filename, content } };
}

async function button(interaction: ButtonInteraction, deps: InteractionDeps): Promise<void> {
  const query = shareQuery(interaction.customId);
  if (query === null) {
    deps.logger.warn({ event: 'discord_unknown_button', customId: prefixWithin(interaction.customId, 40) }, 'unknown button');
    await sendError(interaction, 'That button has expired; run the command again.');
    return;
  }
  const ctx = commandContext(interaction, deps.config);
  await handleShare(interaction, query, ctx, {
    rest: deps.rest,
    logger: deps.logger,
    execute: (q, c) => deps.engine.execute({ name: 'brief', query: q }, c),
  });
}

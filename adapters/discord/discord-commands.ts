// The slash commands Ringkas registers, built from the engine's command registry the way the
// discord.js guide builds them from commands/*: /brief takes the look-up (and the listing
// commands by name, "/brief topic:help"); every other command is a /brief-admin subcommand
// with the options its module declares. Nothing here repeats an engine rule.
import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandInfo, CommandOption } from '../../src/commands/command-module.js';
import { commandInfos } from '../../src/commands/registry.js';

export const BRIEF = 'brief';
export const BRIEF_ADMIN = 'brief-admin';

/** The look-up, which /brief runs with its one option. */
export function searchCommand(commands: readonly CommandInfo[] = commandInfos()): CommandInfo & { options: readonly CommandOption[] } {
  const brief = commands.find((c) => c.name === 'brief');
  if (!brief?.options?.length) throw new Error('the registry has no look-up command with an option');
  return { ...brief, options: brief.options };
}

/**
 * The commands under /brief-admin: everything but the look-up and the listings. All of them
 * manage the server's briefing or its roundups, so all need Manage Server (checked again when
 * they run: a server can open the command to other roles).
 */
export function adminSubcommands(commands: readonly CommandInfo[] = commandInfos()): CommandInfo[] {
  return commands.filter((c) => c.name !== 'brief' && !c.listing);
}

export function commandDefinitions(commands: readonly CommandInfo[] = commandInfos()): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const search = searchCommand(commands);
  const brief = new SlashCommandBuilder().setName(BRIEF).setDescription(search.describe);
  for (const option of search.options) addOption(brief, option);

  const admin = new SlashCommandBuilder()
    .setName(BRIEF_ADMIN)
    .setDescription('Manage Ringkas articles and weekly roundups (Manage Server)')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild);
  for (const command of adminSubcommands(commands)) {
    admin.addSubcommand((s) => {
      s.setName(command.name).setDescription(command.describe);
      for (const option of command.options ?? []) addOption(s, option);
      return s;
    });
  }
  return [brief.toJSON(), admin.toJSON()];
}

function addOption(builder: SlashCommandBuilder | SlashCommandSubcommandBuilder, option: CommandOption): void {
  switch (option.kind) {
    case 'text':
      builder.addStringOption((o) => {
        o.setName(option.name).setDescription(option.describe).setRequired(option.required ?? false).setMaxLength(option.maxLength);
        // Discord refuses an option with both fixed choices and autocomplete.
        if (option.choices) o.addChoices(...option.choices);
        else o.setAutocomplete(option.autocomplete ?? false);
        return o;
      });
      return;
    case 'integer':
      builder.addIntegerOption((o) => {
        o.setName(option.name).setDescription(option.describe).setRequired(option.required ?? false);
        if (option.choices) o.addChoices(...option.choices);
        return o;
      });
      return;
    case 'file':
      builder.addAttachmentOption((o) => o.setName(option.name).setDescription(option.describe).setRequired(false));
      return;
  }
}

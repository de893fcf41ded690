// The Share button under an ephemeral /brief answer: re-runs the query from the button's
// custom_id (no server-side state, so it survives restarts) and posts the cards in the channel.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, MessageFlags, type ButtonInteraction, type REST } from 'discord.js';
import type { CommandContext } from '../../src/model/actor.js';
import type { DeliveryFailure } from '../../src/model/delivery.js';
import type { Reply } from '../../src/model/reply.js';
import type { Logger } from '../../src/logger.js';
import { postMessages } from './discord-deliverer.js';
import { renderReply } from './discord-embeds.js';
import { prefixWithin, truncate } from '../../src/text/fit-length.js';
import { LIMITS } from './discord-limits.js';

export const SHARE_PREFIX = 'ringkas:share:';
/** Discord's custom_id limit. */
const CUSTOM_ID_MAX = 100;

export function shareCustomId(query: string): string {
  // A query longer than the id allows is cut; the re-run then matches on its first words.
  return SHARE_PREFIX + prefixWithin(query, CUSTOM_ID_MAX - SHARE_PREFIX.length);
}

export function shareQuery(customId: string): string | null {
  return customId.startsWith(SHARE_PREFIX) ? customId.slice(SHARE_PREFIX.length) : null;
}

export function shareButtonRow(query: string): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(shareCustomId(query)).setLabel('Share in channel').setStyle(ButtonStyle.Primary),
  );
}

export interface ShareDeps {
  rest: REST;
  logger: Logger;
  execute(query: string, ctx: CommandContext): Promise<Reply>;
}

export async function handleShare(interaction: ButtonInteraction, query: string, ctx: CommandContext, deps: ShareDeps): Promise<void> {
  await interaction.deferUpdate();
  const reply = await deps.execute(query, ctx);
  if (reply.kind !== 'cards') {
    const [m] = renderReply(reply);
    await interaction.followUp({ content: m?.content ?? 'Nothing to share.', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    return;
  }
  const messages = renderReply(reply);
  const first = messages[0]!;
  // A mention with allowed_mentions.parse = [] shows who shared without pinging them.
  first.content = truncate(`Shared by <@${interaction.user.id}>. ${first.content ?? ''}`, LIMITS.content);
  const result = await postMessages(deps.rest, interaction.channelId, messages);
  if (result.ok) {
    deps.logger.info({ event: 'discord_shared', channel: interaction.channelId, cards: reply.cards.length }, 'shared');
    await interaction.editReply({ components: [] });
    return;
  }
  deps.logger.warn({ event: 'discord_share_failed', channel: interaction.channelId, failure: result.failure }, 'share failed');
  await interaction.followUp({ content: `⚠️ ${shareFailureSentence(result.failure)}`, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}

function shareFailureSentence(failure: DeliveryFailure): string {
  return failure.kind === 'permanent'
    ? 'I cannot post here; I need the View Channel, Send Messages (in a thread: Send Messages in Threads) and Embed Links permissions here.'
    : 'Discord did not accept the post just now; please try Share again in a moment.';
}

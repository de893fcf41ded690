// Sends rendered messages as an interaction's answer: reply or edit the deferred reply first,
// then follow-ups. Defers on its own when the work takes longer than Discord's 3 s window allows.
import { MessageFlags, type ActionRowBuilder, type ButtonBuilder, type RepliableInteraction } from 'discord.js';
import type { DiscordMessage } from './discord-limits.js';
import type { Text } from '../../src/model/text.js';
import { discordText } from './discord-embeds.js';

const NO_MENTIONS = { parse: [] as [] };
/** Discord kills the interaction token at 3 s; deferring at 2 s leaves room for a slow network. */
export const DEFER_AFTER_MS = 2_000;

export interface SendOptions {
  ephemeral: boolean;
  /** Buttons on the first message (e.g. Share). */
  components?: ActionRowBuilder<ButtonBuilder>[];
}

export async function sendMessages(interaction: RepliableInteraction, messages: DiscordMessage[], options: SendOptions): Promise<void> {
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  const [first, ...rest] = messages.length > 0 ? messages : [{ content: 'Done.', embeds: [] }];
  const payload = {
    content: first!.content ?? '',
    embeds: first!.embeds,
    components: options.components ?? [],
    allowedMentions: NO_MENTIONS,
  };
  if (interaction.deferred) await interaction.editReply(payload);
  else if (interaction.replied) await interaction.followUp({ ...payload, ...(flags ? { flags } : {}) });
  else await interaction.reply({ ...payload, ...(flags ? { flags } : {}) });
  for (const m of rest) {
    await interaction.followUp({
      ...(m.content ? { content: m.content } : {}),
      embeds: m.embeds,
      allowedMentions: NO_MENTIONS,
      ...(flags ? { flags } : {}),
    });
  }
}

/** Defers now unless already answered. */
export async function deferIfNeeded(interaction: RepliableInteraction, ephemeral: boolean): Promise<void> {
  if (interaction.deferred || interaction.replied) return;
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
}

/**
 * Runs `work`; if it is still running after `afterMs`, defers so the token survives.
 * The defer is awaited before returning so the answer can never race ahead of it.
 */
export async function withDeferFallback<T>(
  interaction: RepliableInteraction,
  ephemeral: boolean,
  work: () => Promise<T>,
  afterMs = DEFER_AFTER_MS,
): Promise<T> {
  let deferring: Promise<void> | null = null;
  const timer = setTimeout(() => {
    deferring = deferIfNeeded(interaction, ephemeral).catch(() => undefined);
  }, afterMs);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    if (deferring) await deferring;
  }
}

/** One short sentence to the user (it may quote their input, so it is escaped), in whatever state the interaction is in. Never throws. */
export async function sendError(interaction: RepliableInteraction, sentence: Text): Promise<void> {
  try {
    await sendMessages(interaction, [{ content: `⚠️ ${discordText(sentence)}`, embeds: [] }], { ephemeral: true });
  } catch {
    // The token may be dead already; the log has the detail.
  }
}

// Discord's message and embed limits, and the helpers that keep every outgoing message inside them.
// Breaking any limit is a 400 from Discord, so the renderer truncates or splits before sending.
import type { APIEmbed } from 'discord.js';
import { truncate } from '../../src/text/fit-length.js';

export const LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** All embeds of one message together. */
  messageEmbedChars: 6000,
  embedsPerMessage: 10,
  content: 2000,
  url: 2048,
} as const;

/** What one Discord message carries. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
}

/** The characters Discord counts towards the 6000 per message. */
export function embedLength(embed: APIEmbed): number {
  let n = (embed.title ?? '').length + (embed.description ?? '').length;
  n += (embed.footer?.text ?? '').length + (embed.author?.name ?? '').length;
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** A usable embed URL, or undefined: Discord rejects anything that is not http(s) with a 400. */
export function safeUrl(link: string | null | undefined): string | undefined {
  if (!link || link.length > LIMITS.url) return undefined;
  try {
    const u = new URL(link);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** Clamps every part of one embed to its own limit, then shrinks the longest parts until it fits 6000. */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, LIMITS.title) || undefined;
  if (out.description !== undefined) out.description = truncate(out.description, LIMITS.description) || undefined;
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.authorName) };
  if (out.url !== undefined) out.url = safeUrl(out.url);
  if (out.fields) {
    out.fields = out.fields
      .filter((f) => f.name.trim() !== '' && f.value.trim() !== '')
      .slice(0, LIMITS.fields)
      .map((f) => ({ ...f, name: truncate(f.name, LIMITS.fieldName), value: truncate(f.value, LIMITS.fieldValue) }));
  }
  shrinkToTotal(out, LIMITS.messageEmbedChars);
  return out;
}

function shrinkToTotal(embed: APIEmbed, max: number): void {
  for (let guard = 0; guard < 100; guard++) {
    const excess = embedLength(embed) - max;
    if (excess <= 0) return;
    // Shrink whichever long text costs most; footer and title carry identity, so they go last.
    const fields = embed.fields ?? [];
    const longestField = fields.reduce<number>((best, f, i) => (best < 0 || f.value.length > fields[best]!.value.length ? i : best), -1);
    const descLen = (embed.description ?? '').length;
    const fieldLen = longestField >= 0 ? fields[longestField]!.value.length : 0;
    if (descLen >= fieldLen && descLen > 1) {
      embed.description = truncate(embed.description!, Math.max(1, descLen - excess));
    } else if (fieldLen > 1) {
      const f = fields[longestField]!;
      fields[longestField] = { ...f, value: truncate(f.value, Math.max(1, fieldLen - excess)) };
    } else {
      embed.footer = embed.footer ? { ...embed.footer, text: truncate(embed.footer.text, 64) } : undefined;
      embed.title = embed.title ? truncate(embed.title, 64) : undefined;
      embed.fields = fields.slice(0, Math.max(0, fields.length - 1));
    }
  }
}

/**
 * Packs embeds into as few messages as the limits allow (10 embeds, 6000 characters each).
 * The optional content rides on the first message.
 */
export function packMessages(embeds: APIEmbed[], content?: string): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let current: DiscordMessage = { embeds: [] };
  let used = 0;
  for (const raw of embeds) {
    const embed = fitEmbed(raw);
    const len = embedLength(embed);
    if (current.embeds.length >= LIMITS.embedsPerMessage || (current.embeds.length > 0 && used + len > LIMITS.messageEmbedChars)) {
      messages.push(current);
      current = { embeds: [] };
      used = 0;
    }
    current.embeds.push(embed);
    used += len;
  }
  messages.push(current);
  const first = messages[0]!;
  if (content !== undefined && content.trim() !== '') first.content = truncate(content, LIMITS.content);
  return messages.filter((m) => m.embeds.length > 0 || (m.content ?? '') !== '');
}

/** Splits lines into chunks whose joined length stays under `max`, for long lists. */
export function chunkLines(lines: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (current !== '' && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

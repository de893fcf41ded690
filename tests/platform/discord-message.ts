// A Discord message object as the API returns it, authored by the bot: the fake
// answers channel posts with it and interaction payloads embed it in button clicks.
export interface BotMessageFields {
  id: string;
  channelId: string;
  botId: string;
  timestamp: string;
  content?: unknown;
  embeds?: unknown;
  components?: unknown;
  type: number;
  flags: unknown;
  nonce?: unknown;
}

export function botMessage(f: BotMessageFields): Record<string, unknown> {
  return {
    id: f.id,
    channel_id: f.channelId,
    author: { id: f.botId, username: 'ringkas', discriminator: '0', avatar: null, bot: true },
    content: f.content ?? '',
    timestamp: f.timestamp,
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: f.embeds ?? [],
    components: f.components ?? [],
    pinned: false,
    type: f.type,
    flags: f.flags,
    ...(f.nonce !== undefined ? { nonce: f.nonce } : {}),
  };
}

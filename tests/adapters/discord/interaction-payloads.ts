import { botMessage } from '../../platform/discord-message.js';
// INTERACTION_CREATE payloads shaped like Discord's (API v10), for the fake gateway to dispatch.
export const GUILD_ID = '700000000000000001';
export const CHANNEL_ID = '700000000000000002';
export const MANAGE_GUILD = '32';
export const NO_PERMISSIONS = '0';

let counter = 0;
function nextId(): string {
  return String(760000000000000000n + BigInt(++counter));
}

export interface PayloadOptions {
  appId: string;
  permissions?: string;
  userId?: string;
  channelId?: string;
}

function base(type: number, o: PayloadOptions): Record<string, unknown> & { id: string; token: string } {
  const id = nextId();
  const userId = o.userId ?? '710000000000000001';
  return {
    id,
    token: `token-${id}`,
    application_id: o.appId,
    type,
    version: 1,
    guild_id: GUILD_ID,
    channel_id: o.channelId ?? CHANNEL_ID,
    channel: { id: o.channelId ?? CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'news' },
    member: {
      user: { id: userId, username: 'sari', discriminator: '0', global_name: 'Sari', avatar: null },
      roles: [],
      joined_at: '2026-01-01T00:00:00.000Z',
      permissions: o.permissions ?? NO_PERMISSIONS,
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
    },
    app_permissions: '2147483647',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
  };
}

type Option = { name: string; type: number; value?: string | number; focused?: boolean; options?: Option[] };

export function slashCommand(name: string, options: Option[], o: PayloadOptions, resolved?: unknown) {
  return { ...base(2, o), data: { id: '720000000000000001', name, type: 1, options, ...(resolved ? { resolved } : {}) } };
}

export function briefCommand(topic: string, o: PayloadOptions) {
  return slashCommand('brief', [{ name: 'topic', type: 3, value: topic }], o);
}

export function briefAutocomplete(prefix: string, o: PayloadOptions) {
  return { ...base(4, o), data: { id: '720000000000000001', name: 'brief', type: 1, options: [{ name: 'topic', type: 3, value: prefix, focused: true }] } };
}

export function adminCommand(sub: string, options: Option[], o: PayloadOptions, resolved?: unknown) {
  return slashCommand('brief-admin', [{ name: sub, type: 1, options }], o, resolved);
}

export function attachmentAdd(file: { id: string; filename: string; size: number; url: string }, o: PayloadOptions) {
  const attachment = { ...file, proxy_url: file.url, content_type: 'text/plain; charset=utf-8' };
  return adminCommand('add', [{ name: 'file', type: 11, value: file.id }], o, { attachments: { [file.id]: attachment } });
}

export function buttonClick(customId: string, o: PayloadOptions) {
  const b = base(3, o);
  return {
    ...b,
    data: { custom_id: customId, component_type: 2 },
    message: botMessage({
      id: nextId(),
      channelId: o.channelId ?? CHANNEL_ID,
      botId: o.appId,
      timestamp: '2026-01-01T00:00:00.000Z',
      type: 20,
      flags: 64,
    }),
  };
}

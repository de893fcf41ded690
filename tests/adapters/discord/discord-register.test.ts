// Command definitions and `npm run discord:register` against the loopback fake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCommand, commandDefinitions } from '../../../adapters/discord/discord-commands.js';
import { describeRegistration, inviteUrl, registerCommands } from '../../../adapters/discord/register.js';
import { FakeDiscord } from '../../platform/fake-discord.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.stop();
});

type Opt = { name: string; type: number; autocomplete?: boolean; options?: Opt[]; max_length?: number };

describe('command definitions', () => {
  const [brief, admin] = commandDefinitions() as unknown as [
    { name: string; options: Opt[]; default_member_permissions?: string | null },
    { name: string; options: Opt[]; default_member_permissions?: string | null; contexts?: number[] },
  ];

  it('/brief has one autocompleted topic option and no permission gate', () => {
    expect(brief.name).toBe('brief');
    expect(brief.options).toHaveLength(1);
    expect(brief.options[0]).toMatchObject({ name: 'topic', type: 3, autocomplete: true });
    expect(brief.default_member_permissions ?? null).toBeNull();
  });

  it('/brief-admin is gated on ManageGuild ("32"), guild-only, with every subcommand and its options', () => {
    expect(admin.default_member_permissions).toBe('32');
    expect(admin.contexts).toEqual([0]);
    const subs = Object.fromEntries(admin.options.map((o) => [o.name, o]));
    expect(Object.keys(subs).sort()).toEqual([
      'add', 'feed-add', 'feed-check', 'feed-pause', 'feed-remove', 'feed-resume', 'feeds',
      'remove', 'resume', 'roundup', 'subscribe', 'subscriptions', 'unsubscribe',
    ]);
    expect(subs['feed-add']!.options!.map((o) => o.name)).toEqual(['url', 'every', 'take']);
    expect(subs['feed-check']!.options!.map((o) => o.name)).toEqual(['id']);
    expect(subs.add!.options!.map((o) => [o.name, o.type])).toEqual(
      expect.arrayContaining([['url', 3], ['text', 3], ['file', 11]]),
    );
    expect(subs.add!.options!.find((o) => o.name === 'text')!.max_length).toBe(6000);
    expect(subs.remove!.options!.map((o) => o.name)).toEqual(['id']);
    expect(subs.subscribe!.options!.map((o) => o.name)).toEqual(['weekday', 'time', 'timezone', 'topics']);
  });
});

describe('adminCommand mapping', () => {
  const opts = (subcommand: string, strings: Record<string, string> = {}, ints: Record<string, number> = {}) => ({
    subcommand,
    string: (n: string) => strings[n] ?? null,
    integer: (n: string) => ints[n] ?? null,
  });

  it('maps add, remove and subscribe', () => {
    expect(adminCommand(opts('add', { url: ' https://example.com/a ' }))).toEqual({ name: 'add', input: { kind: 'url', url: 'https://example.com/a' } });
    expect(adminCommand(opts('add', { text: 'Body', source: 'Antara' }))).toEqual({ name: 'add', input: { kind: 'text', text: 'Body', source: 'Antara' } });
    expect(adminCommand(opts('remove', { id: ' a1b2 ' }))).toEqual({ name: 'remove', id: 'a1b2' });
    expect(adminCommand(opts('subscribe', { time: '8:30', timezone: 'Asia/Tokyo', topics: 'ijepa, ev ,' }, { weekday: 1 }))).toEqual({
      name: 'subscribe',
      schedule: { weekday: 1, time: '08:30', timezone: 'Asia/Tokyo', topics: ['ijepa', 'ev'] },
    });
    expect(adminCommand(opts('roundup'))).toEqual({ name: 'roundup' });
  });

  it('maps the feed subcommands', () => {
    expect(adminCommand(opts('feed-add', { url: ' https://site.example/feed.xml ', every: '6h', take: 'all' }))).toEqual({
      name: 'feed', action: 'add', url: 'https://site.example/feed.xml', everyMinutes: 360, all: true,
    });
    expect(adminCommand(opts('feed-add', { url: 'https://site.example/' }))).toEqual({ name: 'feed', action: 'add', url: 'https://site.example/', everyMinutes: 60, all: false });
    expect(() => adminCommand(opts('feed-add', { url: 'ftp://x' }))).toThrow(/http\(s\) address/);
    expect(adminCommand(opts('feed-check', { id: ' F1A2B3 ' }))).toEqual({ name: 'feed', action: 'check', id: 'f1a2b3' });
    expect(adminCommand(opts('feed-pause', { id: 'f1' }))).toMatchObject({ action: 'pause' });
    expect(adminCommand(opts('feeds'))).toEqual({ name: 'feeds' });
  });

  it('refuses ambiguous or invalid input with one sentence', () => {
    expect(() => adminCommand(opts('add', { url: 'https://e.com', text: 'x' }))).toThrow('Give exactly one of url, text or file.');
    expect(() => adminCommand(opts('add'))).toThrow('Give exactly one');
    expect(() => adminCommand(opts('subscribe', { time: '25:00' }))).toThrow('Use a 24-hour time like 08:00.');
  });
});

describe('registerCommands', () => {
  it('registers to one guild when a guild id is configured', async () => {
    const result = await registerCommands({ token: 't', appId: '123456789012345678', guildId: '223456789012345678', apiUrl: fake.apiUrl });
    const put = fake.find('PUT', /^\/applications\/123456789012345678\/guilds\/223456789012345678\/commands$/);
    expect(put).toHaveLength(1);
    expect((put[0]!.body as { name: string }[]).map((c) => c.name)).toEqual(['brief', 'brief-admin']);
    expect(put[0]!.headers.authorization).toBe('Bot t');
    expect(describeRegistration(result)).toMatch(/^Registered \/brief, \/brief-admin for application 123456789012345678 in guild 223456789012345678/);
  });

  it('registers globally otherwise, asking Discord for the application id when not configured', async () => {
    const result = await registerCommands({ token: 't', apiUrl: fake.apiUrl });
    expect(fake.find('GET', /^\/applications\/@me$/)).toHaveLength(1);
    expect(fake.find('PUT', new RegExp(`^/applications/${fake.appId}/commands$`))).toHaveLength(1);
    expect(result.scope).toBe('global');
    expect(describeRegistration(result)).toContain('globally');
  });
});

describe('inviteUrl', () => {
  it('asks for bot + applications.commands and View Channels, Send Messages, Embed Links only (19456, as the README says)', () => {
    expect(inviteUrl('123')).toBe('https://discord.com/oauth2/authorize?client_id=123&scope=bot+applications.commands&permissions=19456');
  });
});

// Command definitions and `npm run discord:register` against the loopback fake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../../adapters/discord/discord-commands.js';
import { describeRegistration, inviteUrl, registerCommands } from '../../../adapters/discord/register.js';
import type { OptionValues } from '../../../src/commands/command-module.js';
import type { CommandName } from '../../../src/model/command.js';
import { FakeDiscord } from '../../platform/fake-discord.js';
import { createTempEngine, type TempEngine } from '../../support/temp-engine.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.stop();
});

type Opt = { name: string; type: number; autocomplete?: boolean; required?: boolean; options?: Opt[]; max_length?: number };

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
      'add', 'feed', 'feeds',
      'remove', 'resume', 'roundup', 'subscribe', 'subscriptions', 'unsubscribe',
    ]);
    expect(subs.feed!.options!.map((o) => o.name)).toEqual(['action', 'url', 'id', 'every', 'take']);
    expect(subs.feed!.options![0]).toMatchObject({ name: 'action', required: true });
    expect(subs.add!.options!.map((o) => [o.name, o.type])).toEqual(
      expect.arrayContaining([['url', 3], ['text', 3], ['file', 11]]),
    );
    expect(subs.add!.options!.find((o) => o.name === 'text')!.max_length).toBe(6000);
    expect(subs.remove!.options!.map((o) => o.name)).toEqual(['id']);
    expect(subs.subscribe!.options!.map((o) => o.name)).toEqual(['weekday', 'time', 'timezone', 'topics']);
  });
});

describe('options to engine commands (engine.parseOptions, as the Discord handler reads them)', () => {
  let temp: TempEngine;
  beforeAll(async () => {
    temp = await createTempEngine({ RINGKAS_SEED_ON_EMPTY: 'false' });
  });
  afterAll(async () => {
    await temp?.cleanup();
  });
  const values = (texts: Record<string, string> = {}, ints: Record<string, number> = {}): OptionValues => ({
    text: (n) => texts[n],
    integer: (n) => ints[n],
    file: () => undefined,
  });
  const parse = (name: CommandName, texts?: Record<string, string>, ints?: Record<string, number>) => temp.engine.parseOptions(name, values(texts, ints));

  it('maps add, remove and subscribe', () => {
    expect(parse('add', { url: ' https://example.com/a ' })).toEqual({ ok: true, command: { name: 'add', input: { kind: 'url', url: 'https://example.com/a' } } });
    expect(parse('add', { text: 'Body', source: 'Antara' })).toEqual({ ok: true, command: { name: 'add', input: { kind: 'text', text: 'Body', source: 'Antara' } } });
    expect(parse('remove', { id: ' A1B2C3 ' })).toEqual({ ok: true, command: { name: 'remove', id: 'a1b2c3' } });
    expect(parse('subscribe', { time: '8:30', timezone: 'Asia/Tokyo', topics: 'ijepa, ev ,' }, { weekday: 1 })).toEqual({
      ok: true,
      command: { name: 'subscribe', schedule: { weekday: 1, time: '8:30', timezone: 'Asia/Tokyo', topics: ['ijepa', 'ev'] } },
    });
    expect(parse('roundup')).toEqual({ ok: true, command: { name: 'roundup' } });
  });

  it('maps the feed subcommand: an action plus url or id', () => {
    expect(parse('feed', { action: 'add', url: ' https://site.example/feed.xml ', every: '6h', take: 'all' })).toEqual({
      ok: true,
      command: { name: 'feed', action: 'add', url: 'https://site.example/feed.xml', everyMinutes: 360, all: true },
    });
    expect(parse('feed', { action: 'add', url: 'https://site.example/' })).toEqual({ ok: true, command: { name: 'feed', action: 'add', url: 'https://site.example/', everyMinutes: 60, all: false } });
    expect(parse('feed', { action: 'add', url: 'ftp://x' })).toMatchObject({ ok: false, reply: { text: expect.stringMatching(/http\(s\) address/) } });
    expect(parse('feed', { action: 'check', id: ' F1A2B3 ' })).toEqual({ ok: true, command: { name: 'feed', action: 'check', id: 'f1a2b3' } });
    expect(parse('feed', { action: 'pause', id: 'f1a' })).toMatchObject({ ok: true, command: { action: 'pause' } });
    expect(parse('feed', { action: 'remove' })).toMatchObject({ ok: false });
    expect(parse('feeds')).toEqual({ ok: true, command: { name: 'feeds' } });
  });

  it('refuses ambiguous input with one sentence', () => {
    const sentence = (p: ReturnType<typeof parse>) => (!p.ok && p.reply.kind === 'message' ? p.reply.text : null);
    expect(sentence(parse('add', { url: 'https://e.com', text: 'x' }))).toBe('Give exactly one of url, text or file.');
    expect(sentence(parse('add'))).toMatch('Give exactly one');
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

  it('accepts a token pasted with its "Bot " prefix, as npm start does', async () => {
    await registerCommands({ token: 'Bot prefixed-token', appId: '123456789012345679', apiUrl: fake.apiUrl });
    const put = fake.find('PUT', /^\/applications\/123456789012345679\/commands$/);
    expect(put.map((r) => r.headers.authorization)).toEqual(['Bot prefixed-token']);
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
  it('asks for bot + applications.commands and View Channels, Send Messages, Send Messages in Threads, Embed Links only (as the README says)', () => {
    expect(inviteUrl('123')).toBe('https://discord.com/oauth2/authorize?client_id=123&scope=bot+applications.commands&permissions=274877926400');
  });
});

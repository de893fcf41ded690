// /brief-admin flows beyond add: slow commands are deferred, scheduling subcommands reach the
// engine with this channel, bad input and failed shares give one sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './discord-harness.js';
import { startHarness } from './discord-harness.js';
import { adminCommand, briefCommand, buttonClick, MANAGE_GUILD } from './interaction-payloads.js';

let h: Harness;
let opts: { appId: string };
const admin = () => ({ ...opts, permissions: MANAGE_GUILD });

beforeAll(async () => {
  h = await startHarness();
  opts = { appId: h.fake.appId };
});
afterAll(async () => {
  await h?.close();
});

type Data = { content?: string; flags?: number; embeds?: { title?: string; fields?: { name: string; value: string }[] }[]; components?: { components: { custom_id: string }[] }[] };

function answers(p: { id: string; token: string }): { type: number; texts: string[] } {
  const cb = h.fake.callbacks(p.id)[0]!.body as { type: number; data?: Data };
  const edits = h.fake.webhookMessages(p.token).map((r) => r.body as Data);
  const texts = [cb.data, ...edits].filter(Boolean).map((d) => `${d!.content ?? ''} ${JSON.stringify(d!.embeds ?? [])}`);
  return { type: cb.type, texts };
}

describe('/brief-admin flows', () => {
  it('add url: deferred first (the engine says it is slow), then one clear sentence when the fetch is refused', async () => {
    const before = h.temp.engine.probe().articleCount();
    const p = adminCommand('add', [{ name: 'url', type: 3, value: 'http://127.0.0.1:9/news' }], admin());
    await h.interact(p);
    const a = answers(p);
    expect(a.type).toBe(5);
    expect(a.texts.join(' ')).toMatch(/⚠️/);
    expect(a.texts.join(' ')).not.toMatch(/at .*\.ts:\d+|Error:/);
    expect(h.temp.engine.probe().articleCount()).toBe(before);
  });

  it('subscribe, subscriptions and unsubscribe act on this channel', async () => {
    const sub = adminCommand('subscribe', [{ name: 'weekday', type: 4, value: 5 }, { name: 'time', type: 3, value: '07:30' }, { name: 'timezone', type: 3, value: 'Asia/Jakarta' }], admin());
    await h.interact(sub);
    expect(answers(sub).texts.join(' ')).toMatch(/weekly roundup/i);
    const stored = h.temp.engine.probe().subscriptions();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ channel: { platform: 'discord', workspace: '700000000000000001', channel: '700000000000000002' }, weekday: 5, time: '07:30' });

    const list = adminCommand('subscriptions', [], admin());
    await h.interact(list);
    expect(answers(list).texts.join(' ')).toContain('Friday 07:30 Asia/Jakarta');

    const preview = adminCommand('roundup', [], admin());
    await h.interact(preview);
    expect(answers(preview).texts.join(' ')).toContain('Weekly roundup');

    const unsub = adminCommand('unsubscribe', [], admin());
    await h.interact(unsub);
    expect(h.temp.engine.probe().subscriptions()).toHaveLength(0);
  });

  it('subscribe from a member without ManageGuild is refused and recorded', async () => {
    const p = adminCommand('subscribe', [], opts);
    await h.interact(p);
    expect(answers(p).texts.join(' ')).toMatch(/only admins/i);
    expect(h.temp.engine.probe().subscriptions()).toHaveLength(0);
    expect(h.temp.engine.probe().audit().at(-1)).toMatchObject({ command: 'subscribe', outcome: 'refused', platform: 'discord' });
  });

  it.each(['subscriptions', 'roundup'])('read-only /brief-admin %s from a member without Manage Server is refused and recorded', async (sub) => {
    const p = adminCommand(sub, [], opts);
    await h.interact(p);
    expect(answers(p).texts.join(' ')).toMatch(/only admins/i);
    expect(answers(p).texts.join(' ')).not.toMatch(/roundup subscriptions|Weekly roundup/i);
    expect(h.temp.engine.probe().audit().at(-1)).toMatchObject({ command: sub, outcome: 'refused', platform: 'discord' });
  });

  it('an invalid time gets one sentence, ephemeral', async () => {
    const p = adminCommand('subscribe', [{ name: 'time', type: 3, value: '25:00' }], admin());
    await h.interact(p);
    const cb = h.fake.callbacks(p.id)[0]!.body as { data: Data };
    // The engine's own schedule rules, the same sentence the text form gets.
    expect(cb.data.content).toMatch(/^⚠️ "25:00" is not a time of day: use 24-hour HH:MM\./);
    expect(cb.data.flags).toBe(64);
  });

  it('feeds and feed action:check reach the engine from Discord; /brief topic:sources works for everyone', async () => {
    const list = adminCommand('feeds', [], admin());
    await h.interact(list);
    expect(answers(list).texts.join(' ')).toContain('No feeds are followed yet');
    const check = adminCommand('feed', [{ name: 'action', type: 3, value: 'check' }, { name: 'id', type: 3, value: 'fabc123' }], admin());
    await h.interact(check);
    expect(answers(check).texts.join(' ')).toContain('No followed feed has the id "fabc123"');
    const sources = briefCommand('sources', opts);
    await h.interact(sources);
    expect(answers(sources).texts.join(' ')).toContain('Ringkas follows no sources yet');
  });

  it('Share in a channel the bot cannot post in: one sentence back, nothing retried', async () => {
    const channelId = '700000000000000099';
    const brief = briefCommand('ijepa', { ...opts, channelId });
    await h.interact(brief);
    const customId = (h.fake.callbacks(brief.id)[0]!.body as { data: Data }).data.components![0]!.components[0]!.custom_id;
    h.fake.failChannel(channelId, { status: 403, code: 50013, message: 'Missing Permissions' });
    const click = buttonClick(customId, { ...opts, channelId });
    await h.interact(click);
    expect(h.fake.find('POST', new RegExp(`^/channels/${channelId}/messages$`))).toHaveLength(1);
    const followUp = h.fake.webhookMessages(click.token).find((r) => r.method === 'POST')!.body as Data;
    expect(followUp.content).toMatch(/^⚠️ I cannot post here; I need .*Send Messages \(in a thread: Send Messages in Threads\) and Embed Links/);
    expect(followUp.flags).toBe(64);
  });
});

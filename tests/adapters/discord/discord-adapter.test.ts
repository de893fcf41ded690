// The real discord.js Client, logged in to the loopback fake, driven by INTERACTION_CREATE
// dispatches; assertions are on what the fake recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './discord-harness.js';
import { startHarness } from './discord-harness.js';
import { adminCommand, attachmentAdd, briefAutocomplete, briefCommand, buttonClick, CHANNEL_ID, MANAGE_GUILD } from './interaction-payloads.js';
import { embedLimitViolations } from './embed-limit-violations.js';
import { truncate } from '../../../src/text/fit-length.js';

interface CallbackBody {
  type: number;
  data?: { content?: string; flags?: number; embeds?: { title?: string; description?: string; footer?: { text: string } }[]; components?: { components: { custom_id: string }[] }[]; choices?: { name: string; value: string }[]; allowed_mentions?: { parse: string[] } };
}

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

function callback(id: string): CallbackBody {
  const [cb] = h.fake.callbacks(id);
  expect(cb, `callback for ${id}`).toBeDefined();
  return cb!.body as CallbackBody;
}

/** The text the user finally sees for an interaction: the callback, or the edited deferred reply. */
function answerText(payload: { id: string; token: string }): string {
  const cb = callback(payload.id);
  const edits = h.fake.webhookMessages(payload.token).map((r) => r.body as CallbackBody['data']);
  return [cb.data, ...edits].map((d) => `${d?.content ?? ''} ${(d?.embeds ?? []).map((e) => `${e.title} ${e.description}`).join(' ')}`).join('\n');
}

describe('Discord adapter over the real discord.js client', () => {
  it('logs in with the Guilds intent only', () => {
    const identify = h.fake.received.find((p) => p.op === 2);
    expect((identify!.d as { intents: number }).intents).toBe(1);
    expect(h.fake.find('GET', /^\/gateway\/bot$/)).toHaveLength(1);
  });

  it('/brief topic:ijepa answers ephemerally with IJEPA cards and a Share button; Share posts them', async () => {
    const payload = briefCommand('ijepa', opts);
    await h.interact(payload);
    const cb = callback(payload.id);
    expect(cb.type).toBe(4);
    expect(cb.data!.flags).toBe(64);
    const embeds = cb.data!.embeds ?? [];
    expect(embeds.length).toBeGreaterThan(0);
    // The same cards the engine gives any platform for this query, in the same order.
    const expected = await h.temp.engine.execute({ name: 'brief', query: 'ijepa' }, { actor: { platform: 'shell', id: 't', isAdmin: false } });
    expect(expected.kind).toBe('cards');
    const cards = expected.kind === 'cards' ? expected.cards : [];
    expect(embeds.map((e) => e.title)).toEqual(cards.map((c) => truncate(c.headline, 256)));
    expect(cards.some((c) => c.topics.some((t) => t.id === 'ijepa'))).toBe(true);
    expect(embeds.every((e) => /·/.test(e.footer!.text))).toBe(true);
    const customId = cb.data!.components![0]!.components[0]!.custom_id;
    expect(customId.length).toBeLessThanOrEqual(100);

    const click = buttonClick(customId, opts);
    await h.interact(click);
    expect(callback(click.id).type).toBe(6);
    const posted = h.fake.channelMessages(CHANNEL_ID);
    expect(posted.length).toBeGreaterThan(0);
    const postedEmbeds = posted.flatMap((r) => (r.body as CallbackBody['data'])!.embeds ?? []);
    expect(postedEmbeds.map((e) => e.title)).toEqual(embeds.map((e) => e.title));
    // The ephemeral answer loses its button so the cards are not shared twice.
    const edit = h.fake.webhookMessages(click.token).find((r) => r.method === 'PATCH');
    expect((edit!.body as CallbackBody['data'])!.components).toEqual([]);
  });

  it('autocomplete "ij" offers IJEPA within Discord limits', async () => {
    const payload = briefAutocomplete('ij', opts);
    await h.interact(payload);
    const cb = callback(payload.id);
    expect(cb.type).toBe(8);
    const choices = cb.data!.choices!;
    expect(choices.map((c) => c.name)).toContain('IJEPA');
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.name.length <= 100 && c.value.length <= 100).toBe(true);
  });

  it('/brief topic:help lists the commands', async () => {
    const payload = briefCommand('help', opts);
    await h.interact(payload);
    expect(answerText(payload)).toContain('Ringkas commands');
  });

  it('/brief-admin add without ManageGuild is refused politely and the store is unchanged', async () => {
    const before = h.temp.engine.probe().articleCount();
    const text = 'Toyota and Astra announced a new hybrid plant in Karawang. '.repeat(5);
    const payload = adminCommand('add', [{ name: 'text', type: 3, value: text }], opts);
    await h.interact(payload);
    expect(answerText(payload)).toMatch(/only admins/i);
    expect(h.temp.engine.probe().articleCount()).toBe(before);
    const audit = h.temp.engine.probe().audit().at(-1)!;
    expect(audit).toMatchObject({ platform: 'discord', command: 'add', outcome: 'refused' });
  });

  it('/brief-admin add with a file from a member without ManageGuild never downloads it', async () => {
    const url = h.fake.serveFile('sneaky.txt', 'Sneaky article text about nothing at all. '.repeat(10));
    const payload = attachmentAdd({ id: '730000000000000009', filename: 'sneaky.txt', size: 400, url }, opts);
    const before = h.temp.engine.probe().articleCount();
    await h.interact(payload);
    expect(answerText(payload)).toMatch(/only admins/i);
    expect(h.temp.engine.probe().articleCount()).toBe(before);
  });

  it('/brief-admin add text and file with ManageGuild: stored and findable', async () => {
    const before = h.temp.engine.probe().articleCount();
    const text = [
      'Zeltronika opens battery cell plant in Batang',
      'BATANG, 3 March 2026 - Zeltronika, a Japanese battery maker, opened a battery cell plant in Batang on Tuesday with an investment of Rp2,5 triliun.',
      'The plant will supply electric vehicle makers in Indonesia and employ 1.200 workers, the company said.',
    ].join('\n\n');
    const addText = adminCommand('add', [{ name: 'text', type: 3, value: text }, { name: 'source', type: 3, value: 'Antara' }], admin());
    await h.interact(addText);
    expect(answerText(addText)).toMatch(/Added/);
    expect(h.temp.engine.probe().articleCount()).toBe(before + 1);

    const fileText = [
      'Quorvale signs hydrogen truck pilot with Pertamina',
      'JAKARTA, 4 March 2026 - Quorvale, a Japanese truck maker, signed a hydrogen truck pilot with Pertamina in Jakarta on Wednesday.',
      'The pilot covers 40 trucks on the Jakarta-Cikampek toll road over two years.',
    ].join('\n\n');
    const url = h.fake.serveFile('quorvale.md', fileText, 'text/markdown');
    const addFile = attachmentAdd({ id: '730000000000000001', filename: 'quorvale.md', size: Buffer.byteLength(fileText), url }, admin());
    await h.interact(addFile);
    expect(callback(addFile.id).type).toBe(5); // deferred before the download
    expect(answerText(addFile)).toMatch(/Added/);
    expect(h.temp.engine.probe().articleCount()).toBe(before + 2);
    const audit = h.temp.engine.probe().audit().filter((a) => a.outcome === 'ok' && a.command === 'add');
    expect(audit.map((a) => a.detail)).toContain('file quorvale.md');

    for (const [query, word] of [['Zeltronika', 'Zeltronika'], ['Quorvale', 'Quorvale']] as const) {
      const find = briefCommand(query, opts);
      await h.interact(find);
      expect(answerText(find)).toContain(word);
    }
  });

  it('refuses an attachment over 1 MB with one sentence', async () => {
    const big = 'x'.repeat(1_100_000);
    const url = h.fake.serveFile('big.txt', big);
    const payload = attachmentAdd({ id: '730000000000000002', filename: 'big.txt', size: 1_100_000, url }, admin());
    await h.interact(payload);
    expect(answerText(payload)).toMatch(/over 1 MB/);
  });

  it('an article with @everyone and a role mention: every outgoing message carries allowed_mentions.parse = []', async () => {
    const text = [
      'Mentionvale expands Cikarang plant @everyone',
      'CIKARANG, 5 March 2026 - Mentionvale <@&123> expanded its Cikarang plant on Thursday @here, adding 300 jobs.',
      'The company said the expansion follows the IJEPA review.',
    ].join('\n\n');
    const add = adminCommand('add', [{ name: 'text', type: 3, value: text }], admin());
    await h.interact(add);
    const find = briefCommand('Mentionvale', opts);
    await h.interact(find);
    expect(answerText(find)).toContain('Mentionvale');
    const customId = callback(find.id).data!.components![0]!.components[0]!.custom_id;
    const click = buttonClick(customId, opts);
    await h.interact(click);
    const shared = h.fake.channelMessages(CHANNEL_ID).at(-1)!;
    expect(JSON.stringify(shared.body)).toContain('@everyone');

    const outgoing = h.fake.requests.filter(
      (r) => (r.method === 'POST' || r.method === 'PATCH') && /^\/(channels\/\d+\/messages|webhooks\/|interactions\/)/.test(r.path),
    );
    const messages = outgoing
      .map((r) => (r.path.startsWith('/interactions/') ? (r.body as CallbackBody).data : r.body) as CallbackBody['data'])
      .filter((d) => d && ((d.content ?? '') !== '' || (d.embeds ?? []).length > 0));
    expect(messages.length).toBeGreaterThan(5);
    for (const m of messages) expect(m!.allowed_mentions).toEqual({ parse: [] });
  });

  it('every message sent so far stays within Discord limits', () => {
    const bodies = h.fake.requests
      .filter((r) => r.method === 'POST' && /^\/(channels\/\d+\/messages|webhooks\/)/.test(r.path))
      .map((r) => r.body as Parameters<typeof embedLimitViolations>[0]);
    const callbacks = h.fake.requests
      .filter((r) => r.path.startsWith('/interactions/') && (r.body as CallbackBody).type === 4)
      .map((r) => (r.body as CallbackBody).data as Parameters<typeof embedLimitViolations>[0]);
    for (const b of [...bodies, ...callbacks]) expect(embedLimitViolations(b)).toEqual([]);
  });

  it('a 429 with retry_after on a channel message: the message still arrives, once', async () => {
    const channel = '700000000000000042';
    h.fake.rateLimitNextMessage(channel);
    const result = await h.runtime.deliverer.deliver(
      { platform: 'discord', workspace: '700000000000000001', channel },
      { kind: 'message', tone: 'info', text: 'Roundup test' },
    );
    expect(result.ok).toBe(true);
    const attempts = h.fake.find('POST', new RegExp(`^/channels/${channel}/messages$`));
    expect(attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(h.fake.channelMessages(channel)).toHaveLength(1);
  });

  it.each([4000, 'reset'] as const)('survives a gateway drop (%s): the client RESUMEs and keeps answering', async (how) => {
    const resumesBefore = h.fake.received.filter((p) => p.op === 6).length;
    h.fake.dropGateway(how);
    await h.fake.waitFor(() => h.fake.received.filter((p) => p.op === 6).length > resumesBefore && h.fake.connected, 10_000, 'RESUME');
    const resume = h.fake.received.filter((p) => p.op === 6).at(-1)!;
    expect(resume.d).toMatchObject({ token: 'fake-bot-token', session_id: 'fake-session-1' });
    // No second IDENTIFY: the session was resumed, not restarted.
    expect(h.fake.received.filter((p) => p.op === 2)).toHaveLength(1);
    const payload = briefCommand('ijepa', opts);
    await h.interact(payload);
    expect(callback(payload.id).data!.embeds!.length).toBeGreaterThan(0);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminCtx, createTempEngine, userCtx, type TempEngine } from '../support/temp-engine.js';
import { makeArticleText } from '../support/article-text.js';
import { plainText } from '../../src/model/text.js';

let t: TempEngine;
beforeEach(async () => {
  t = await createTempEngine({ RINGKAS_ADMINS: 'slack:UALLOWED' });
});
afterEach(async () => t.cleanup());

const count = async () => {
  const r = await t.engine.execute({ name: 'list', page: 1 }, userCtx);
  return r.kind === 'articles' ? r.total : -1;
};

describe('admin commands', () => {
  it('refuse non-admins politely, change nothing, and record the refusal', async () => {
    const before = await count();
    const reply = await t.engine.execute({ name: 'add', input: { kind: 'text', text: makeArticleText(1) } }, userCtx);
    expect(reply).toMatchObject({ kind: 'message', tone: 'error' });
    if (reply.kind === 'message') expect(plainText(reply.text)).toMatch(/only admins/i);
    expect(await count()).toBe(before);
    const audit = t.engine.probe().audit();
    expect(audit.at(-1)).toMatchObject({ command: 'add', actor: 'test-user', outcome: 'refused' });
  });

  it('grant admin to the configured allow-list', async () => {
    const ctx = { actor: { platform: 'slack' as const, id: 'UALLOWED', isAdmin: false } };
    const reply = await t.engine.execute({ name: 'add', input: { kind: 'text', text: makeArticleText(2) } }, ctx);
    expect(reply.kind).toBe('added');
  });

  it('record who added and removed what, and when', async () => {
    const added = await t.engine.execute({ name: 'add', input: { kind: 'text', text: makeArticleText(3) } }, adminCtx);
    if (added.kind !== 'added') throw new Error(JSON.stringify(added));
    const removed = await t.engine.execute({ name: 'remove', id: added.card.id }, adminCtx);
    expect(removed).toMatchObject({ kind: 'message', tone: 'success' });
    const audit = t.engine.probe().audit().slice(-2);
    expect(audit.map((a) => [a.command, a.actor, a.outcome])).toEqual([
      ['add', 'test-admin', 'ok'],
      ['remove', 'test-admin', 'ok'],
    ]);
    expect(audit[1]!.detail).toBe(added.card.id);
    expect(Date.parse(audit[0]!.at)).not.toBeNaN();
  });
});

describe('adding', () => {
  it('answers the same text pasted twice (other spacing) with the existing card', async () => {
    const text = makeArticleText(4);
    const first = await t.engine.execute({ name: 'add', input: { kind: 'text', text } }, adminCtx);
    const second = await t.engine.execute({ name: 'add', input: { kind: 'text', text: text.replace(/ /g, '  ') + '\n\n' } }, adminCtx);
    expect(first.kind === 'added' && first.duplicate).toBe(false);
    expect(second.kind === 'added' && second.duplicate).toBe(true);
    if (first.kind === 'added' && second.kind === 'added') expect(second.card.id).toBe(first.card.id);
  });

  it('refuses text too short to be an article, and a bad date, with one sentence', async () => {
    const short = await t.engine.execute({ name: 'add', input: { kind: 'text', text: 'Hello there.' } }, adminCtx);
    expect(short).toMatchObject({ kind: 'message', tone: 'error' });
    const badDate = await t.engine.execute({ name: 'add', input: { kind: 'text', text: makeArticleText(5), publishedDate: '2024-02-31' } }, adminCtx);
    expect(badDate).toMatchObject({ kind: 'message', tone: 'error' });
    if (badDate.kind === 'message') expect(plainText(badDate.text)).toMatch(/YYYY-MM-DD/);
  });

  it('says clearly when an id to remove does not exist', async () => {
    const r = await t.engine.execute({ name: 'remove', id: 'deadbeef' }, adminCtx);
    expect(r).toMatchObject({ kind: 'message', tone: 'error' });
    if (r.kind === 'message') expect(plainText(r.text)).toMatch(/No article has the id/);
  });

  it('makes an added article findable, and a removed one not', async () => {
    const text = 'Zirconium plant opens\nA new zirconium refinery opened in Kendari on Monday, officials said, with capacity of 5,000 tonnes a year for export markets in Japan and Korea. ' + makeArticleText(6);
    const added = await t.engine.execute({ name: 'add', input: { kind: 'text', text } }, adminCtx);
    if (added.kind !== 'added') throw new Error(JSON.stringify(added));
    const found = await t.engine.execute({ name: 'brief', query: 'zirconium' }, userCtx);
    expect(found.kind === 'cards' && found.cards[0]!.id).toBe(added.card.id);
    await t.engine.execute({ name: 'remove', id: added.card.id }, adminCtx);
    const gone = await t.engine.execute({ name: 'brief', query: 'zirconium' }, userCtx);
    expect(gone.kind === 'cards' && gone.cards.some((c) => c.id === added.card.id)).toBe(false);
  });
});

describe('errors', () => {
  it('never throw out of execute, and never leak internals', async () => {
    const r = await t.engine.execute({ name: 'nope' } as never, adminCtx);
    expect(r).toMatchObject({ kind: 'message', tone: 'error' });
  });
});

describe('help', () => {
  it('lists every registered command with its usage, admin ones marked', async () => {
    const r = await t.engine.execute({ name: 'help' }, userCtx);
    if (r.kind !== 'help') throw new Error(JSON.stringify(r));
    expect(r.commands.map((c) => c.name)).toEqual(t.engine.commands().map((c) => c.name));
    expect(r.commands.find((c) => c.name === 'add')).toMatchObject({ adminOnly: true, usage: ['<url>', '<pasted article text>'] });
    expect(r.commands.length).toBeGreaterThanOrEqual(10);
  });
});

// One engine reply, each platform's words: the engine's hints carry command references and
// each adapter writes them in its own syntax (Slack's configured command, Discord's /brief and
// /brief-admin with option names, the shell's "/brief …") and names its own admins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply as discordRender } from '../../adapters/discord/discord-embeds.js';
import { renderText } from '../../adapters/shell/render-text.js';
import { renderReply as slackRender } from '../../adapters/slack/slack-blocks.js';
import type { Reply } from '../../src/model/reply.js';
import { cmd } from '../../src/model/text.js';
import { createTempEngine, type TempEngine } from '../support/temp-engine.js';

let t: TempEngine;
const member = { actor: { platform: 'shell' as const, id: 'member', isAdmin: false } };
let badId: Reply;
let refusal: Reply;

beforeAll(async () => {
  t = await createTempEngine({ RINGKAS_SEED_ON_EMPTY: 'false' });
  const parsed = t.engine.parse('remove zz');
  if (parsed.ok) throw new Error('expected a refusal');
  badId = parsed.reply;
  refusal = await t.engine.execute({ name: 'subscribe', schedule: {} }, member);
});
afterAll(async () => {
  await t?.cleanup();
});

const slackText = (r: Reply, command: string) => JSON.stringify(slackRender(r, { command }));
const discordText = (r: Reply) => JSON.stringify(discordRender(r));

describe("command references in each platform's words", () => {
  it('Slack writes the configured command, in a code span, and says workspace admin', () => {
    const hint = slackText(badId, '/ringkas');
    expect(hint).toContain('`/ringkas remove 3fa2c81b`');
    expect(hint).toContain('`/ringkas list`');
    expect(hint).not.toContain('/brief');
    const refused = slackText(refusal, '/ringkas');
    expect(refused).toContain('`/ringkas subscribe`');
    expect(refused).toContain('Ask a workspace admin.');
  });

  it('Discord writes /brief-admin with option names for admin commands, /brief topic: for listings, and says server admin', () => {
    const hint = discordText(badId);
    expect(hint).toContain('`/brief-admin remove id:3fa2c81b`');
    expect(hint).toContain('`/brief topic:list`');
    const refused = discordText(refusal);
    expect(refused).toContain('`/brief-admin subscribe`');
    expect(refused).toContain('Ask a server admin.');
    expect(refused).not.toContain('workspace');
  });

  it('Discord spreads a multi-option hint over the options the words fit (feed resume <id> -> action: and id:)', async () => {
    const parsed = t.engine.parse('feed');
    if (parsed.ok) throw new Error('expected a usage refusal');
    const usage = discordText(parsed.reply);
    expect(usage).toContain('`/brief-admin feed action:remove|pause|resume|check');
    const hint = discordText({ kind: 'message', tone: 'info', text: [cmd('feed', 'resume f1a2b3c')] });
    expect(hint).toContain('`/brief-admin feed action:resume id:f1a2b3c`');
    const add = discordText({ kind: 'message', tone: 'info', text: [cmd('feed', 'add https://example.org/feed.xml every 1h')] });
    expect(add).toContain('`/brief-admin feed action:add url:https://example.org/feed.xml every:1h`');
  });

  it('the shell keeps its "/brief …" hints', () => {
    expect(renderText(badId)).toBe('! Give the article id, e.g. "/brief remove 3fa2c81b"; "/brief list" shows ids.');
    expect(renderText(refusal)).toContain('only admins can use "/brief subscribe". Ask an admin.');
  });
});

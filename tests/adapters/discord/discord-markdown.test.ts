// Article and user text reaches Discord inert: no masked link, heading, list, quote, spoiler,
// code or emphasis from it renders. Driven through the real discord.js client; assertions are on
// what the fake Discord recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeDiscord } from '../../../adapters/discord/discord-markdown.js';
import type { Harness } from './discord-harness.js';
import { startHarness } from './discord-harness.js';
import { adminCommand, briefCommand, buttonClick, CHANNEL_ID, MANAGE_GUILD } from './interaction-payloads.js';

interface Embed { title?: string; description?: string; fields?: { name: string; value: string }[] }
interface MessageBody { content?: string; embeds?: Embed[]; allowed_mentions?: unknown }

/** What Discord would render as markup once escaped characters (backslash + one character) are set aside. */
function liveMarkup(text: string): string[] {
  const bare = text.replace(/\\[\s\S]/g, '');
  const found: string[] = [];
  const checks: [string, RegExp][] = [
    ['masked link', /\[[^\]]*\]\(/],
    ['heading', /^\s*#{1,3} /m],
    ['block quote', /^\s*>/m],
    ['subtext', /^\s*-#/m],
    ['list', /^\s*([-*]|\d+\.) /m],
    ['spoiler', /\|\|/],
    ['code', /`/],
    ['emphasis', /\*|__|~~|(^|\s)_\S/],
    ['mention', /<[@#]/],
  ];
  for (const [name, re] of checks) if (re.test(bare)) found.push(name);
  return found;
}

const HOSTILE = [
  '[click here](http://evil.example/2)',
  'a [one](http://x.example) and [two](http://y.example) on one line',
  '# Breaking news',
  '> quoted\n>>> all of it',
  '-# small print',
  '- item\n* item\n1. first',
  '||spoiler|| **bold** *it* __under__ ~~strike~~ `code` ```block```',
  '<@123> <#456> <t:0:R> </brief:1>',
  'back\\[slash](http://evil.example)',
];

describe('escapeDiscord', () => {
  it.each(HOSTILE)('leaves nothing live in %j', (text) => {
    expect(liveMarkup(escapeDiscord(text))).toEqual([]);
  });

  it('keeps plain prose and bare links as they are', () => {
    expect(escapeDiscord('Nickel output rose 12% in 2026, see https://example.com/a_b_c')).toBe('Nickel output rose 12% in 2026, see https://example.com/a_b_c');
  });
});

describe('Discord posts of article and user text', () => {
  let h: Harness;
  let opts: { appId: string };
  beforeAll(async () => {
    h = await startHarness();
    opts = { appId: h.fake.appId };
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The markdown-rendering texts of a recorded message (footers render none). */
  const texts = (m: MessageBody | undefined): string[] =>
    m ? [m.content ?? '', ...(m.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])] : [];

  it('an added article with a masked link, a heading and a spoiler shows them literally', async () => {
    const text = [
      'Nickelvale opens a smelter [click here](http://evil.example/2)',
      'MOROWALI, 3 March 2026 - Nickelvale opened a nickel smelter in Morowali on Tuesday, says ||nobody|| [see the offer](http://evil.example/3) for details.',
      '# Breaking: the smelter will employ 2.000 workers and export to Japan, the company said.',
    ].join('\n\n');
    const add = adminCommand('add', [{ name: 'text', type: 3, value: text }], { ...opts, permissions: MANAGE_GUILD });
    await h.interact(add);
    const answer = (h.fake.callbacks(add.id)[0]!.body as { data?: MessageBody }).data;
    const shown = texts(answer).join('\n');
    expect(shown).toContain('Nickelvale');
    expect(shown).toContain('click here');
    for (const t of texts(answer)) expect(liveMarkup(t.replace(/^\*\*[^*]+\*\*/, '')), t).toEqual([]);
  });

  it('Share of a hand-made custom_id posts the query inert', async () => {
    const click = buttonClick('ringkas:share:[Free Nitro](https://evil.example/nitro) ijepa', opts);
    await h.interact(click);
    const posted = [...h.fake.channelMessages(CHANNEL_ID).map((r) => r.body as MessageBody), ...h.fake.webhookMessages(click.token).map((r) => r.body as MessageBody)];
    const all = posted.flatMap(texts).join('\n');
    expect(all).toContain('Free Nitro');
    expect(all.replace(/\\[\s\S]/g, '')).not.toMatch(/\[Free Nitro\]\(/);
  });

  it('a look-up echoing the query keeps it inert, and mentions stay off', async () => {
    const find = briefCommand('[Free Nitro](https://evil.example/nitro) ||x|| ijepa', opts);
    await h.interact(find);
    const answer = (h.fake.callbacks(find.id)[0]!.body as { data?: MessageBody }).data!;
    expect(answer.allowed_mentions).toEqual({ parse: [] });
    const content = answer.content ?? '';
    expect(content).toContain('Free Nitro');
    expect(liveMarkup(content.replace(/^\*\*|\*\*(?=:)/g, ''))).toEqual([]);
  });
});

// feed add <url> [every 30m|1h|6h|1d] [all] | feed remove|pause|resume|check <id>:
// admins follow a site's RSS, Atom or JSON feed, or its (news) sitemap.
// Platforms with typed options give the action as a pick list plus url or id.
import { feedsFor } from '../feeds/engine-feeds.js';
import { addedText, checkText, stateText } from '../feeds/feed-replies.js';
import type { CommandOf } from '../model/command.js';
import { cmd, say, type Inline, type Text } from '../model/text.js';
import { fail, ok, type CommandModule, type OptionValues, type ParseResult } from './command-module.js';

const EVERY: Record<string, number> = { '30m': 30, '1h': 60, '6h': 360, '1d': 1440 };
const ID_ACTIONS = ['remove', 'pause', 'resume', 'check'] as const;
type IdAction = (typeof ID_ACTIONS)[number];
const USAGE: readonly Inline[] = say`Use ${cmd('feed', 'add <url> [every 30m|1h|6h|1d] [all]')} or ${cmd('feed', 'remove|pause|resume|check <id>')}.`;
const NOT_A_FEED_URL = 'Give a full http(s) address of a feed, a sitemap or a site page that names its feed.';

export const feedCommand = {
  name: 'feed',
  usage: ['add <url> [every 30m|1h|6h|1d] [all]', 'remove|pause|resume|check <id>'],
  describe: 'Follow an RSS, Atom or JSON feed or a sitemap; its articles that match the briefs are added.',
  adminOnly: true,
  slow: (c) => c.action === 'add' || c.action === 'check',
  options: [
    {
      kind: 'text',
      name: 'action',
      describe: 'What to do',
      required: true,
      maxLength: 10,
      choices: [
        { name: 'add (follow a new feed)', value: 'add' },
        ...ID_ACTIONS.map((a) => ({ name: `${a} (a followed feed, by id)`, value: a })),
      ],
    },
    { kind: 'text', name: 'url', describe: 'For add: feed, sitemap or site page address', maxLength: 2000, accepts: /^<?https?:\/\//i },
    { kind: 'text', name: 'id', describe: 'For remove, pause, resume, check: the feed id the feeds command shows', maxLength: 40, accepts: /^[a-z0-9]{3,40}$/i },
    { kind: 'text', name: 'every', describe: 'For add: how often to check (default 1h)', maxLength: 3, choices: Object.keys(EVERY).map((k) => ({ name: k, value: k })) },
    {
      kind: 'text',
      name: 'take',
      describe: 'For add: which items to add (default: those matching the briefs)',
      maxLength: 10,
      choices: [
        { name: 'matching the briefs', value: 'matching' },
        { name: 'all items', value: 'all' },
      ],
    },
  ],
  fromOptions: (v) => fromOptions(v),
  parse: (args) => parseFeed(args),
  run: async (s, c, ctx) => {
    const feeds = await feedsFor(s);
    const message = (text: Text) => ({ kind: 'message', tone: 'success', text }) as const;
    switch (c.action) {
      case 'add':
        return message(addedText(await feeds.add(c.url, c.everyMinutes, c.all, `${ctx.actor.platform}:${ctx.actor.id}`)));
      case 'remove': {
        const f = await feeds.remove(c.id);
        return message(`Stopped following ${f.id} · ${f.title}. Articles it brought in stay.`);
      }
      case 'pause': {
        const f = await feeds.pause(c.id);
        return message(say`Paused ${f.id} · ${f.title}. ${cmd('feed', `resume ${f.id}`)} starts it again.`);
      }
      case 'resume': {
        const f = await feeds.resume(c.id);
        return message(`Resumed ${f.id} · ${f.title}; it is checked within a minute. State: ${stateText(f)}.`);
      }
      case 'check': {
        const report = await feeds.check(c.id);
        const f = feeds.get(c.id);
        return { kind: 'message', tone: report.outcome === 'failed' ? 'error' : 'info', text: checkText(f, report) };
      }
    }
  },
  auditDetail: (c) => (c.action === 'add' ? `add ${c.url.slice(0, 300)}` : `${c.action} ${c.id}`),
} satisfies CommandModule<'feed'>;

function isIdAction(word: string): word is IdAction {
  return (ID_ACTIONS as readonly string[]).includes(word);
}

function idCommand(verb: IdAction, raw: string): ParseResult<CommandOf<'feed'>> {
  const id = raw.trim();
  if (!/^[a-z0-9]{3,40}$/i.test(id)) return fail(say`Give the feed's id, e.g. ${cmd('feed', `${verb} f1a2b3c`)}; ${cmd('feeds')} lists them.`);
  return ok({ name: 'feed', action: verb, id: id.toLowerCase() });
}

function parseFeed(args: string): ParseResult<CommandOf<'feed'>> {
  const [action = '', ...rest] = args.trim().split(/\s+/);
  const verb = action.toLowerCase();
  if (verb === 'add') return parseAdd(rest);
  if (isIdAction(verb)) return idCommand(verb, rest.join(' '));
  return fail(USAGE);
}

function fromOptions(v: OptionValues): ParseResult<CommandOf<'feed'>> {
  const verb = (v.text('action') ?? '').trim().toLowerCase();
  if (verb === 'add') {
    const url = (v.text('url') ?? '').trim();
    if (!/^https?:\/\/\S+$/i.test(url)) return fail(NOT_A_FEED_URL);
    const every = v.text('every');
    if (every !== undefined && EVERY[every] === undefined) return fail(`"every ${every.slice(0, 10)}" is not an interval Ringkas offers; use every 30m, 1h, 6h or 1d.`);
    return ok({ name: 'feed', action: 'add', url, everyMinutes: every === undefined ? 60 : EVERY[every]!, all: v.text('take') === 'all' });
  }
  if (isIdAction(verb)) return idCommand(verb, v.text('id') ?? '');
  return fail(USAGE);
}

function parseAdd(words: string[]): ParseResult<CommandOf<'feed'>> {
  const [first = '', ...options] = words;
  // Slack wraps links as <https://…|label>; keep the address.
  const url = /^<?(https?:\/\/[^|>\s]+)(\|[^>]*)?>?$/i.exec(first)?.[1];
  if (!url) return fail(first === '' ? ["Give the feed's address. ", ...USAGE] : NOT_A_FEED_URL);
  if (url.length > 2000) return fail('That address is too long.');
  let everyMinutes = 60;
  let all = false;
  for (let i = 0; i < options.length; i++) {
    const w = options[i]!.toLowerCase();
    if (w === 'all') all = true;
    else if (w === 'every') {
      const every = EVERY[options[++i]?.toLowerCase() ?? ''];
      if (every === undefined) return fail(`"every ${(options[i] ?? '').slice(0, 10)}" is not an interval Ringkas offers; use every 30m, 1h, 6h or 1d.`);
      everyMinutes = every;
    } else if (EVERY[w] !== undefined) everyMinutes = EVERY[w];
    else return fail([`"${w.slice(0, 30)}" is not an option here. `, ...USAGE]);
  }
  return ok({ name: 'feed', action: 'add', url, everyMinutes, all });
}

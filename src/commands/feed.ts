// /brief feed add <url> [every 30m|1h|6h|1d] [all] | /brief feed remove|pause|resume|check <id>:
// admins follow a site's RSS, Atom or JSON feed, or its (news) sitemap.
import { feedsFor } from '../feeds/engine-feeds.js';
import { addedText, checkText, stateText } from '../feeds/feed-replies.js';
import type { CommandOf } from '../model/command.js';
import { fail, ok, type CommandModule, type ParseResult } from './command-module.js';

const EVERY: Record<string, number> = { '30m': 30, '1h': 60, '6h': 360, '1d': 1440 };
const USAGE = 'Use "/brief feed add <url> [every 30m|1h|6h|1d] [all]" or "/brief feed remove|pause|resume|check <id>".';

export const feedCommand = {
  name: 'feed',
  usage: '/brief feed add <url> [every 30m|1h|6h|1d] [all] | /brief feed remove|pause|resume|check <id>',
  describe: 'Follow an RSS, Atom or JSON feed or a sitemap; its articles that match the briefs are added (admins).',
  adminOnly: true,
  slow: (c) => c.action === 'add' || c.action === 'check',
  parse: (args) => parseFeed(args),
  run: async (s, c, ctx) => {
    const feeds = await feedsFor(s);
    const message = (text: string) => ({ kind: 'message', tone: 'success', text }) as const;
    switch (c.action) {
      case 'add':
        return message(addedText(await feeds.add(c.url, c.everyMinutes, c.all, `${ctx.actor.platform}:${ctx.actor.id}`)));
      case 'remove': {
        const f = await feeds.remove(c.id);
        return message(`Stopped following ${f.id} · ${f.title}. Articles it brought in stay.`);
      }
      case 'pause': {
        const f = await feeds.pause(c.id);
        return message(`Paused ${f.id} · ${f.title}. "/brief feed resume ${f.id}" starts it again.`);
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

function parseFeed(args: string): ParseResult<CommandOf<'feed'>> {
  const [action = '', ...rest] = args.trim().split(/\s+/);
  const verb = action.toLowerCase();
  if (verb === 'add') return parseAdd(rest);
  if (verb === 'remove' || verb === 'pause' || verb === 'resume' || verb === 'check') {
    const id = rest.join(' ').trim();
    if (!/^[a-z0-9]{3,40}$/i.test(id)) return fail(`Give the feed's id, e.g. "/brief feed ${verb} f1a2b3c"; "/brief feeds" lists them.`);
    return ok({ name: 'feed', action: verb, id: id.toLowerCase() });
  }
  return fail(USAGE);
}

function parseAdd(words: string[]): ParseResult<CommandOf<'feed'>> {
  const [first = '', ...options] = words;
  // Slack wraps links as <https://…|label>; keep the address.
  const url = /^<?(https?:\/\/[^|>\s]+)(\|[^>]*)?>?$/i.exec(first)?.[1];
  if (!url) return fail(first === '' ? `Give the feed's address. ${USAGE}` : 'Give a full http(s) address of a feed, a sitemap or a site page that names its feed.');
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
    else return fail(`"${w.slice(0, 30)}" is not an option here. ${USAGE}`);
  }
  return ok({ name: 'feed', action: 'add', url, everyMinutes, all });
}

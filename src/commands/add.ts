// /brief add <url | text>: admins add an article; duplicates answer with the existing card.
import { prefixWithin } from '../text/fit-length.js';
import { fail, ok, type CommandModule } from './command-module.js';

const URL_ONLY = /^<?(https?:\/\/\S+?)>?$/i;

export const addCommand = {
  name: 'add',
  aliases: ['tambah'],
  usage: '/brief add <url> | /brief add <pasted article text>',
  describe: 'Add an article by link or by pasting its text (admins).',
  adminOnly: true,
  slow: (c) => c.input.kind === 'url',
  parse: (args) => {
    const text = args.trim();
    if (text === '') return fail('Give a link or paste the article, e.g. "/brief add https://example.com/news/123".');
    // Slack wraps links as <https://…|label>; keep the address.
    const slackLink = /^<(https?:\/\/[^|>\s]+)(\|[^>]*)?>$/i.exec(text);
    const url = slackLink?.[1] ?? URL_ONLY.exec(text)?.[1];
    if (url) return ok({ name: 'add', input: { kind: 'url', url } });
    if (/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(text)) {
      return fail('Only http and https links can be added.');
    }
    return ok({ name: 'add', input: { kind: 'text', text } });
  },
  run: async (s, { input }, ctx) => {
    const { card, duplicate } = await s.articles.add(input, `${ctx.actor.platform}:${ctx.actor.id}`);
    return { kind: 'added', card, duplicate };
  },
  auditDetail: (c) => (c.input.kind === 'url' ? prefixWithin(c.input.url, 300) : c.input.kind === 'file' ? `file ${c.input.filename}` : 'pasted text'),
} satisfies CommandModule<'add'>;

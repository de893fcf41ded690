// add <url | text>: admins add an article; duplicates answer with the existing card.
// Platforms with typed options give exactly one of url, text or an uploaded file.
import { redactUrl } from '../fetch/redact-url.js';
import { prefixWithin } from '../text/fit-length.js';
import type { AddInput } from '../model/command.js';
import { cmd, say } from '../model/text.js';
import { fail, needsInput, ok, type CommandModule } from './command-module.js';

const URL_ONLY = /^<?(https?:\/\/\S+?)>?$/i;
/** What an uploaded article file may weigh; the platform checks it before downloading. */
export const MAX_FILE_BYTES = 1_000_000;

export const addCommand = {
  name: 'add',
  aliases: ['tambah'],
  usage: ['<url>', '<pasted article text>'],
  describe: 'Add an article from a link, pasted text or a .txt/.md/.html file (up to 1 MB).',
  adminOnly: true,
  slow: (c) => c.input.kind === 'url',
  options: [
    { kind: 'text', name: 'url', describe: 'Link to the article', maxLength: 2000 },
    { kind: 'text', name: 'text', describe: 'The article text', maxLength: 6000 },
    { kind: 'file', name: 'file', describe: 'A .txt, .md or .html file up to 1 MB', maxBytes: MAX_FILE_BYTES },
    { kind: 'text', name: 'title', describe: 'Headline, if the text has none', maxLength: 300 },
    { kind: 'text', name: 'source', describe: 'Publisher, e.g. Kompas', maxLength: 100 },
  ],
  fromOptions: (v) => {
    const url = v.text('url')?.trim() || undefined;
    const text = v.text('text') || undefined;
    const file = v.file('file');
    if ([url, text, file].filter((x) => x !== undefined).length !== 1) return fail('Give exactly one of url, text or file.');
    if (url) return ok({ name: 'add', input: { kind: 'url', url } });
    if (file) return ok({ name: 'add', input: { kind: 'file', filename: file.filename, content: file.content } });
    const title = v.text('title')?.trim() || undefined;
    const source = v.text('source')?.trim() || undefined;
    const input: AddInput = { kind: 'text', text: text!, ...(title ? { title } : {}), ...(source ? { source } : {}) };
    return ok({ name: 'add', input });
  },
  parse: (args) => {
    const text = args.trim();
    if (text === '') return needsInput('add', say`Give a link or paste the article, e.g. ${cmd('add', 'https://example.com/news/123')}.`);
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
  // The audit log outlives the request: no passwords or query tokens from pasted links.
  auditDetail: (c) => (c.input.kind === 'url' ? prefixWithin(redactUrl(c.input.url), 300) : c.input.kind === 'file' ? `file ${c.input.filename}` : 'pasted text'),
} satisfies CommandModule<'add'>;

// list [page]: every article with its id, newest first.
import type { StoredArticle } from '../model/article.js';
import { cmd, say } from '../model/text.js';
import { fail, ok, type CommandModule } from './command-module.js';

export const PAGE_SIZE = 10;

const newestFirst = (a: StoredArticle, b: StoredArticle) =>
  (b.eventDate ?? b.publishedDate ?? b.addedAt).localeCompare(a.eventDate ?? a.publishedDate ?? a.addedAt) || b.addedAt.localeCompare(a.addedAt);

export const listCommand = {
  name: 'list',
  aliases: ['daftar', 'ls'],
  usage: ['[page]'],
  describe: 'All articles with their ids, newest first.',
  adminOnly: false,
  shareable: true,
  listing: true,
  parse: (args) => {
    const a = args.trim();
    if (a === '') return ok({ name: 'list', page: 1 });
    const page = Number(a);
    if (!Number.isInteger(page) || page < 1) return fail(say`The page must be a whole number, e.g. ${cmd('list', '2')}.`);
    return ok({ name: 'list', page });
  },
  run: async (s, { page }) => {
    const all = [...s.store.listArticles()].sort(newestFirst);
    const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
    const p = Math.min(page, pages);
    const items = all.slice((p - 1) * PAGE_SIZE, p * PAGE_SIZE).map((a) => ({
      id: a.id,
      headline: a.title,
      source: a.source,
      date: a.eventDate ?? a.publishedDate,
      language: a.language,
    }));
    return { kind: 'articles', items, page: p, pages, total: all.length };
  },
} satisfies CommandModule<'list'>;

// remove <id>: admins take an article out of the briefing.
import { cmd, say } from '../model/text.js';
import { fail, ok, type CommandModule } from './command-module.js';

export const removeCommand = {
  name: 'remove',
  aliases: ['rm', 'delete', 'hapus'],
  usage: ['<id>'],
  describe: 'Remove an article by its id (the list command shows ids).',
  adminOnly: true,
  options: [{ kind: 'text', name: 'id', describe: 'Article id, shown in the card footer', required: true, maxLength: 64 }],
  parse: (args) => {
    const id = args.trim();
    if (!/^[0-9a-f]{6,64}$/i.test(id)) return fail(say`Give the article id, e.g. ${cmd('remove', '3fa2c81b')}; ${cmd('list')} shows ids.`);
    return ok({ name: 'remove', id: id.toLowerCase() });
  },
  run: async (s, { id }) => {
    const removed = await s.articles.remove(id);
    return { kind: 'message', tone: 'success', text: `Removed ${removed.id}: "${removed.title}".` };
  },
  auditDetail: (c) => c.id,
} satisfies CommandModule<'remove'>;

// topics: the briefs, with how many articles each has.
import { ok, type CommandModule } from './command-module.js';

export const topicsCommand = {
  name: 'topics',
  aliases: ['topik'],
  usage: [],
  describe: 'The topics Ringkas follows, with their aliases.',
  adminOnly: false,
  shareable: true,
  listing: true,
  parse: () => ok({ name: 'topics' }),
  run: async (s) => {
    const counts = new Map<string, number>();
    for (const a of s.store.listArticles()) for (const t of a.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
    return {
      kind: 'topics',
      topics: s.briefs.map((b) => ({
        id: b.id,
        name: b.name,
        description: b.description,
        aliases: [...b.aliases.en, ...b.aliases.id],
        articleCount: counts.get(b.id) ?? 0,
      })),
    };
  },
} satisfies CommandModule<'topics'>;

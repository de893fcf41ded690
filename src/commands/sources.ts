// sources: everyone may see which sources Ringkas follows.
import { feedsFor } from '../feeds/engine-feeds.js';
import { sourcesText } from '../feeds/feed-replies.js';
import { ok, type CommandModule } from './command-module.js';

export const sourcesCommand = {
  name: 'sources',
  aliases: ['sumber'],
  usage: [],
  // A listing: offered where the look-up is (Discord's /brief topic:sources), open to everyone.
  listing: true,
  describe: 'The feeds and sitemaps Ringkas follows.',
  adminOnly: false,
  parse: () => ok({ name: 'sources' }),
  run: async (s) => ({ kind: 'message', tone: 'info', text: sourcesText((await feedsFor(s)).list()) }),
} satisfies CommandModule<'sources'>;

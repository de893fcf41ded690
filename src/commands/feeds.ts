// feeds: each followed feed with its state, last check and what it brought in the last 7 days (admins).
import { feedsFor } from '../feeds/engine-feeds.js';
import { feedsText } from '../feeds/feed-replies.js';
import { ok, type CommandModule } from './command-module.js';

export const feedsCommand = {
  name: 'feeds',
  usage: [],
  describe: 'Followed feeds: state (ok, failing since …, paused), last check, added and skipped in 7 days.',
  adminOnly: true,
  parse: () => ok({ name: 'feeds' }),
  run: async (s) => ({ kind: 'message', tone: 'info', text: feedsText((await feedsFor(s)).list(), s.clock.now()) }),
} satisfies CommandModule<'feeds'>;

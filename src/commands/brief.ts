// The look-up (<words>): the best-matching cards, one per story.
import type { StoredArticle } from '../model/article.js';
import { planQuery } from '../search/query-plan.js';
import { foldText } from '../text/normalize.js';
import type { Reply } from '../model/reply.js';
import { cmd, say } from '../model/text.js';
import type { EngineServices } from '../services.js';
import { fail, ok, type CommandModule } from './command-module.js';
import { refineHints, suggestionsFor } from './search-suggestions.js';

export const MAX_CARDS = 5;
const MAX_QUERY = 200;

export const briefCommand = {
  name: 'brief',
  aliases: ['search', 'cari'],
  usage: ['<topic or words>'],
  describe: 'Best-matching cards for a topic or any words, in English or Bahasa Indonesia (typos are fine).',
  adminOnly: false,
  shareable: true,
  options: [{ kind: 'text', name: 'topic', describe: 'A topic, name or keywords; "help" lists what I can do', required: true, maxLength: MAX_QUERY, autocomplete: true }],
  parse: (args) => {
    const query = args.trim();
    if (query === '') return fail(say`Tell me what to look for, e.g. ${cmd('brief', 'ijepa')} or ${cmd('brief', 'kendaraan listrik')}.`);
    if (query.length > MAX_QUERY) return fail(`That look-up is too long; keep it under ${MAX_QUERY} characters.`);
    return ok({ name: 'brief', query });
  },
  run: async (s, { query }) => search(s, query),
} satisfies CommandModule<'brief'>;

export function search(s: EngineServices, query: string): Reply {
  const cached = s.index.answers.get(query) as Reply | undefined;
  if (cached) return cached;
  const reply = searchUncached(s, query);
  s.index.answers.set(query, reply);
  return reply;
}

function searchUncached(s: EngineServices, query: string): Reply {
  const plan = planQuery(query, s.briefs, s.lexicon);
  const { ranked, stories, missing } = s.index.search(plan);
  const seenStories = new Set<string>();
  const lead: string[] = [];
  for (const hit of ranked) {
    const article = s.store.getArticle(hit.id);
    if (!article || seenStories.has(article.storyId)) continue;
    seenStories.add(article.storyId);
    lead.push(article.id);
  }
  if (lead.length === 0) {
    // A word no article has ("suzuki investasi"): offer the look-up without it first.
    const rest = plan.words.filter((w) => !missing.includes(w)).join(' ');
    const suggestions = [...(missing.length > 0 && rest ? [rest] : []), ...suggestionsFor(s, query)];
    return { kind: 'empty', query, suggestions: [...new Set(suggestions)].slice(0, 5) };
  }
  const cards = lead.slice(0, MAX_CARDS).map((id) => s.cards.build(storyLead(s, s.store.getArticle(id)!, plan.words)));
  const rest = lead.slice(MAX_CARDS).map((id) => s.store.getArticle(id)!);
  return { kind: 'cards', query, cards, total: stories, refine: refineHints(s, plan, rest) };
}

/**
 * Which article of a story leads its card: the one that uses the most of the
 * user's own words in its headline and key points, so an English look-up shows
 * the English report and an Indonesian one the Indonesian report; ties keep
 * the best-ranked article.
 */
function storyLead(s: EngineServices, best: StoredArticle, words: readonly string[]): StoredArticle {
  const members = s.stories.members(best.storyId);
  if (members.length < 2 || words.length === 0) return best;
  const uses = (a: StoredArticle) => {
    const text = ` ${foldText(`${a.title} ${a.keyPoints.join(' ')}`)} `;
    return words.filter((w) => text.includes(` ${w} `)).length;
  };
  let lead = best;
  let leadUses = uses(best);
  for (const m of members) {
    const u = uses(m);
    if (u > leadUses) [lead, leadUses] = [m, u];
  }
  return lead;
}

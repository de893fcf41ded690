// Turns what a user typed into weighted search terms: their own words, the
// same words in the other language (lexicon), and the aliases of any brief the
// query names, typos included.
import type { Brief } from '../briefs/brief-schema.js';
import { editDistance, typoBudget } from '../text/edit-distance.js';
import { foldText, foldTokens } from '../text/normalize.js';
import type { Lexicon } from './lexicon.js';
import { STOPWORDS } from './stopwords.js';

export interface QueryPlan {
  /** Folded term -> weight (1 for the user's own words). */
  terms: Map<string, number>;
  /** Folded phrases whose verbatim presence in an article is a signal, with its strength. */
  phrases: { text: string; weight: number }[];
  /** Briefs the query names. */
  briefIds: string[];
  /** The user's own content words. */
  words: string[];
  /** Per word of `words`: the indexed forms that count as finding it (itself, its translations, a brief it names). */
  forms: string[][];
}

const TRANSLATION_WEIGHT = 0.7;
const ALIAS_WEIGHT = 0.4;

export function planQuery(query: string, briefs: readonly Brief[], lexicon: Lexicon): QueryPlan {
  const all = foldTokens(query);
  const words = all.filter((t) => !STOPWORDS.has(t));
  const terms = new Map<string, number>();
  const add = (term: string, w: number) => {
    if (term.length < 2 || STOPWORDS.has(term)) return;
    terms.set(term, Math.max(terms.get(term) ?? 0, w));
  };
  for (const w of words) add(w, 1);

  const phrases = new Map<string, number>();
  const addPhrase = (text: string, w: number) => phrases.set(text, Math.max(phrases.get(text) ?? 0, w));
  if (all.length > 1) addPhrase(foldText(query), 1);

  for (const gram of ngrams(all, 3)) {
    for (const translation of lexicon.get(gram) ?? []) {
      // A phrase translation weighs as much in total as one word: "pemilik kendaraan
      // roda empat" must not outweigh the two words the user typed.
      const parts = translation.split(' ');
      for (const t of parts) add(t, TRANSLATION_WEIGHT / parts.length);
      if (translation.includes(' ')) addPhrase(translation, TRANSLATION_WEIGHT);
    }
  }

  // A word is found through itself or the translations of any phrase it is part of.
  const forms = words.map((w) => [w]);
  for (const gram of ngrams(all, 3)) {
    const translations = lexicon.get(gram);
    if (!translations) continue;
    const parts = translations.flatMap((t) => t.split(' ')).filter((t) => !STOPWORDS.has(t));
    for (const [i, w] of words.entries()) if (gram.split(' ').includes(w)) forms[i]!.push(...parts);
  }

  const matches = matchBriefs(all, briefs);
  const briefIds = matches.map((m) => m.id);
  for (const { id, named } of matches) {
    const b = briefs.find((x) => x.id === id)!;
    // A query that names the brief itself ("ijpea" for IJEPA) searches its name
    // and acronyms too. One that only hits an alias ("hybrid") does not: the
    // brief's other acronyms would outrank articles with the user's own words.
    // Aliases only count as phrases, and articles tagged with the brief get a
    // bonus: expanding every alias into terms would drown the user's words.
    if (named) for (const name of [b.name, ...Object.keys(b.acronyms)]) for (const t of foldTokens(name)) add(t, ALIAS_WEIGHT);
    // A word that names a brief ("ijpea") is found through the brief's own name and acronyms.
    if (named) for (const f of forms) if (matchBriefs([f[0]!], [b]).length) f.push(...[b.name, ...Object.keys(b.acronyms)].flatMap(foldTokens));
    for (const alias of [...b.aliases.en, ...b.aliases.id]) {
      const folded = foldText(alias);
      if (folded.includes(' ')) addPhrase(folded, ALIAS_WEIGHT / 2);
    }
  }
  return { terms, phrases: [...phrases].map(([text, weight]) => ({ text, weight })), briefIds, words, forms };
}

function ngrams(tokens: readonly string[], max: number): string[] {
  const out: string[] = [];
  for (let n = Math.min(max, tokens.length); n >= 1; n--) {
    for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(' '));
  }
  return out;
}

// Folded once per set of briefs, not on every look-up.
export interface FoldedBrief {
  id: string;
  /** The brief's display name, as written. */
  name: string;
  /** Folded name and acronyms. */
  names: string[];
  /** Folded aliases in both languages. */
  aliases: string[];
}

const folded = new WeakMap<readonly Brief[], FoldedBrief[]>();

export function foldedBriefs(briefs: readonly Brief[]): FoldedBrief[] {
  let f = folded.get(briefs);
  if (!f) {
    f = briefs.map((x) => ({
      id: x.id,
      name: x.name,
      names: [x.name, ...Object.keys(x.acronyms)].map(foldText),
      aliases: [...x.aliases.en, ...x.aliases.id].map(foldText),
    }));
    folded.set(briefs, f);
  }
  return f;
}

/**
 * Briefs whose name or an alias matches the whole query or one of its n-grams,
 * within a typo budget ("ijpea" names IJEPA; "electric motorcycle" hits an EV
 * alias). `named`: the match was the brief's name or one of its acronyms.
 */
export function matchBriefs(tokens: readonly string[], briefs: readonly Brief[]): { id: string; named: boolean }[] {
  const grams = ngrams(tokens, 4).filter((g) => g.replace(/ /g, '').length >= 2 && !(g.indexOf(' ') < 0 && STOPWORDS.has(g)));
  const close = (alias: string) =>
    grams.some((g) => editDistance(g, alias, typoBudget(alias.length)) <= typoBudget(Math.min(alias.length, g.length)));
  const out: { id: string; named: boolean }[] = [];
  for (const b of foldedBriefs(briefs)) {
    const named = b.names.some(close);
    if (named || b.aliases.some(close)) out.push({ id: b.id, named });
  }
  return out;
}

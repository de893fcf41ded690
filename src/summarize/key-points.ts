// Extractive key points: each sentence is scored on what marks a news fact
// (position, centrality against the article's TF-IDF centroid, similarity to the
// title, named entities, numbers and dates, the briefs' topic phrases), then 2-3
// are picked with maximal marginal relevance so they do not repeat each other,
// and shown in article order.
import type { Language } from '../model/article.js';
import { findDates } from '../nlp/find-dates.js';
import { hasPredicate } from '../nlp/has-predicate.js';
import { englishHasVerb } from '../nlp/wink-english.js';
import type { Sentence } from '../nlp/split-sentences.js';
import { fitsOnCard, isUnattributedQuote, shortenPoint, wordCount } from './shorten-point.js';
import { topicMatcher, topicPhrasesIn } from './topic-terms.js';
import { buildSpace, centroid, cosine, cosineWithRest, type Vector } from './term-vectors.js';

export interface KeyPointOptions {
  /** Stem terms before comparing sentences (Indonesian confix stripping, light English stemming). */
  stem: boolean;
  count: number;
  /** Topic phrases from the briefs; a sentence naming them is more useful to readers. */
  topicTerms?: readonly string[];
}

// Facts weigh 0.2: an editor's bullet carries the figure and the date (a capacity, a start day)
// rather than a general remark that merely repeats the article's words.
const WEIGHTS = { position: 0.15, centrality: 0.4, title: 0.1, entities: 0.2, facts: 0.2, topics: 0.15 };
/** Topic phrases in a sentence that earn the full topic weight. */
const TOPIC_SATURATION = 2;
const LAMBDA = 0.7;
/** Weight of the topic phrases a pick adds to those already chosen: the card should cover the topics, not repeat one. */
const COVERAGE = 0.2;
/** A sentence that must be cut loses its end, often the fact that made it score. */
const CUT_PENALTY = 0.2;
const NO_TOPICS: readonly string[] = [];
const ENTITY_WORD = /(?<![\p{L}])(?:\p{Lu}{2,}|\p{Lu}\p{Ll}+)(?![\p{L}])/gu;

// A sentence that opens with a pronoun ("He also …", "Dia juga …", "Hal ini …") needs the
// sentence before it: it may be a key point only right after that one.
const PRONOUN_OPENING = /^["“]?(?:he|she|they|it|this|these|those|such|his|her|their|its|ia|dia|beliau|mereka|hal\s+(?:ini|itu|tersebut)|the\s+\p{L}+\s+also|also|juga|antara lain|among (?:them|others)|termasuk|yakni|yaitu)(?![\p{L}])/iu;

/** True when the sentence opens by pointing back at the one before it. */
export function opensWithPronoun(s: string): boolean {
  return PRONOUN_OPENING.test(s.trim());
}

/** Sentences fit to be a key point: real sentences with a verb, not headings, fragments or unattributed quotes. */
export function isCandidate(s: string, language: Language): boolean {
  const n = wordCount(s);
  const t = s.trim();
  if (!(n >= 6 && n <= 90 && /\p{Ll}{3,}/u.test(s) && /[.!?"”)]$/u.test(t) && !isUnattributedQuote(t) && hasPredicate(s, language))) return false;
  // A sentence too long for a card is cut at a clause boundary: what is left must still have its
  // verb. In English wink's tags decide ("meeting" is a noun); such cuts are rare, so this is cheap.
  if (fitsOnCard(t)) return true;
  const cut = shortenPoint(t).replace(/…$/, '');
  return language === 'en' ? englishHasVerb(cut) : hasPredicate(cut, language);
}

export function entityDensity(s: string): number {
  // The first word is capitalised anyway; count the rest.
  const hits = (s.match(ENTITY_WORD) ?? []).length - 1;
  return Math.min(1, Math.max(0, hits) / 5);
}

const DAY_MONTH = /\(\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\)/g;

/**
 * A signal read on what the card shows weighs fully; what stands only in the attribution tail or the
 * cut-off end the card drops ('…," kata Direktur Jenderal Budi Santoso, Rabu (12/11).') weighs half:
 * it says who said it and when, not what happened.
 */
export function shownSignal(signal: (text: string) => number, sentence: string, shown: string): number {
  const full = signal(sentence);
  return full === 0 || shown === sentence ? full : (full + signal(shown)) / 2;
}

export function factSignal(s: string): number {
  // Every date form has a digit: most sentences need no date search at all.
  if (!/\d/.test(s)) return 0;
  const hasDate = findDates(s).length > 0;
  const hasNumber = /\d/.test(s.replace(DAY_MONTH, ''));
  return (hasDate ? 0.5 : 0) + (hasNumber ? 0.5 : 0);
}

function scoreSentences(
  sentences: readonly Sentence[],
  title: string | null,
  language: Language,
  options: KeyPointOptions,
): { scores: number[]; vectors: Vector[]; topics: ReadonlySet<string[]>[] } {
  const { stem } = options;
  const matcher = topicMatcher(options.topicTerms ?? NO_TOPICS);
  const topics = sentences.map((s) => topicPhrasesIn(matcher, s.text));
  const space = buildSpace(sentences.map((s) => s.text), language, { stem });
  const whole = centroid(space.vectors);
  const titleVector = title ? space.embed(title) : null;
  const n = sentences.length;
  const shown = sentences.map((s) => shortenPoint(s.text));
  const scores = sentences.map((s, i) => {
    const position = 1 - i / Math.max(1, n) * 0.8 - (s.paragraph === 0 ? 0 : 0.1);
    const centrality = cosineWithRest(space.vectors[i]!, whole);
    const titleSim = titleVector ? cosine(space.vectors[i]!, titleVector) : 0;
    const cutPenalty = fitsOnCard(s.text) ? 0 : CUT_PENALTY;
    return (
      -cutPenalty +
      WEIGHTS.position * position +
      WEIGHTS.centrality * centrality +
      WEIGHTS.title * titleSim +
      WEIGHTS.entities * shownSignal(entityDensity, s.text, shown[i]!) +
      WEIGHTS.facts * shownSignal(factSignal, s.text, shown[i]!) +
      WEIGHTS.topics * Math.min(1, topics[i]!.size / TOPIC_SATURATION)
    );
  });
  return { scores, vectors: space.vectors, topics };
}

/** Picks key sentences (by index into `sentences`), in article order. */
export function selectKeySentences(
  sentences: readonly Sentence[],
  title: string | null,
  language: Language,
  options: KeyPointOptions,
): Sentence[] {
  const pool = sentences.filter((s) => isCandidate(s.text, language));
  // A short text may have too few proper sentences; then verbless lines are all there is.
  const candidates = pool.length >= options.count ? pool : sentences.filter((s) => wordCount(s.text) >= 3);
  if (candidates.length === 0) return [];
  const { scores, vectors, topics } = scoreSentences(candidates, title, language, options);
  const chosen: number[] = [];
  const covered = new Set<string[]>();
  while (chosen.length < Math.min(options.count, candidates.length)) {
    let best = -1;
    let bestValue = -Infinity;
    candidates.forEach((c, i) => {
      if (chosen.includes(i)) return;
      // "He also …" only right after the sentence it points back to.
      if (opensWithPronoun(c.text) && !chosen.some((j) => candidates[j]!.index === c.index - 1)) return;
      const redundancy = Math.max(0, ...chosen.map((j) => cosine(vectors[i]!, vectors[j]!)));
      let fresh = 0;
      for (const t of topics[i]!) if (!covered.has(t)) fresh++;
      const coverage = chosen.length > 0 ? Math.min(1, fresh / TOPIC_SATURATION) : 0;
      const value = LAMBDA * scores[i]! - (1 - LAMBDA) * redundancy + COVERAGE * coverage;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    });
    if (best === -1) break;
    chosen.push(best);
    for (const t of topics[best]!) covered.add(t);
  }
  return chosen.sort((a, b) => a - b).map((i) => candidates[i]!);
}

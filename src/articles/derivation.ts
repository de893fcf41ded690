// What an add derives from an article's text alone: the cleaned article, its
// summary, its topics, its story signals, its near-duplicate shingles and its
// search terms. Pure functions of the text, the add's time and the briefs,
// scope and lexicon, so a worker thread (derive-pool.ts) computes exactly what
// the main thread would; most of an add's CPU is here.
import type { TopicTagger } from '../briefs/topic-tagger.js';
import { cleanArticleNormalised } from '../ingest/clean-article.js';
import type { ArticleSummary, CleanArticle, RawArticle } from '../model/article.js';
import type { DocumentText, PreparedDocument } from '../search/search-document.js';
import type { Concepts } from '../stories/event-signals.js';
import { storySignals, type StorySignals } from '../stories/story-signals.js';
import { summarizeArticle, type Glossary } from '../summarize/summarize-article.js';
import { foldTokens } from '../text/normalize.js';
import { shinglesOfNormalised } from './shingles.js';

export interface DerivationTools {
  glossary: Glossary;
  tagger: TopicTagger;
  /** The search index's reading of an article's text (`SearchIndex.prepare`, or `prepareDocument` with the same briefs and scope); `bodyWords`: `foldTokens` of its body. */
  prepare: (article: DocumentText, bodyWords?: readonly string[]) => PreparedDocument;
}

/** Everything an add derives from the text, computed ahead (by a worker). */
export interface Derived {
  clean: CleanArticle;
  summary: ArticleSummary;
  topics: string[];
  signals: StorySignals;
  /** The cleaned body's shingles (the near-duplicate check's `shingles`). */
  shingles: Uint32Array;
  /** The stored record's search terms: its title, key points, entities, topics and body are these. */
  prepared: PreparedDocument;
}

export function topicsOf(clean: CleanArticle, tagger: TopicTagger): string[] {
  return tagger.tag(`${clean.title}\n${clean.body}`);
}

export function deriveAll(raw: RawArticle, now: Date, tools: DerivationTools, concepts: Concepts): Derived {
  const { clean, normalisedBody, bodyWords } = cleanArticleNormalised(raw, now);
  const summary = summarizeArticle(clean, tools.glossary);
  // The body's folded words (read with its normal form) serve the topics and the search terms.
  // Folding never looks across white space, so those of "title\nbody" are the title's, then the body's.
  const topics = tools.tagger.tagTokens([...foldTokens(clean.title), ...bodyWords]);
  return {
    clean,
    summary,
    topics,
    signals: storySignals(clean, concepts),
    shingles: shinglesOfNormalised(normalisedBody), // the body's normal form cleaning took for its fingerprint
    prepared: tools.prepare({ title: clean.title, keyPoints: summary.keyPoints, entities: summary.entities, topics, body: clean.body }, bodyWords),
  };
}

// What an add derives from an article's text alone: the cleaned article, its
// summary, its topics and its story signals. Pure functions of the text, the
// add's time and the briefs and lexicon, so a worker thread (derive-pool.ts)
// computes exactly what the main thread would; most of an add's CPU is here.
import type { TopicTagger } from '../briefs/topic-tagger.js';
import { cleanArticle } from '../ingest/clean-article.js';
import type { ArticleSummary, CleanArticle, RawArticle } from '../model/article.js';
import type { Concepts } from '../stories/event-signals.js';
import { storySignals, type StorySignals } from '../stories/story-signals.js';
import { summarizeArticle, type Glossary } from '../summarize/summarize-article.js';

export interface DerivationTools {
  glossary: Glossary;
  tagger: TopicTagger;
}

/** Everything an add derives from the text, computed ahead (by a worker). */
export interface Derived {
  clean: CleanArticle;
  summary: ArticleSummary;
  topics: string[];
  signals: StorySignals;
}

export function topicsOf(clean: CleanArticle, tagger: TopicTagger): string[] {
  return tagger.tag(`${clean.title}\n${clean.body}`);
}

export function deriveAll(raw: RawArticle, now: Date, tools: DerivationTools, concepts: Concepts): Derived {
  const clean = cleanArticle(raw, now);
  return {
    clean,
    summary: summarizeArticle(clean, tools.glossary),
    topics: topicsOf(clean, tools.tagger),
    signals: storySignals(clean, concepts),
  };
}

// Card text for matching, and the LEAD-3 baseline, kept apart from the runner.
import type { Card, CleanArticle } from '../../src/model/article.js';
import { splitSentences } from '../../src/nlp/split-sentences.js';

/** Everything a reader sees on a card, as one text. */
export function cardText(card: Card): string {
  return [
    card.headline,
    card.source ?? '',
    card.date ?? '',
    ...card.keyPoints,
    ...card.keyFigures.map((f) => `${f.value} ${f.context}`),
    ...card.entities.map((e) => (e.expansion ? `${e.name} (${e.expansion})` : e.name)),
  ].join('\n');
}

/** First three sentences of the cleaned body (the headline excluded). */
export function lead3(article: CleanArticle): string {
  const paragraphs = article.paragraphs.filter((p, i) => !(i === 0 && p.trim() === article.title.trim()));
  return splitSentences(paragraphs)
    .slice(0, 3)
    .map((s) => s.text)
    .join(' ');
}

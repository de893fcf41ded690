// What of an article is searchable, and how each part is weighted. Two fields
// only: every extra field multiplies the cost of each look-up term. Reading an
// article's text for the index is a pure function of the text, the briefs and
// the scope, so the derive pool's workers do it for adds (derivation.ts).
import type { ArticleText } from '../model/article.js';
import type { Brief } from '../briefs/brief-schema.js';
import type { Scope } from '../briefs/scope.js';
import { foldTokens } from '../text/normalize.js';
import { countTerms, type TermCounts } from './inverted-index.js';
import { STOPWORDS } from './stopwords.js';

export const FIELD_BOOST = { head: 3, body: 1 } as const;

/** The fields of an article the index reads. */
export type DocumentText = Pick<ArticleText, 'title' | 'keyPoints' | 'entities' | 'topics' | 'body'>;

/** What indexing takes from an article's text (the costly part). */
export interface PreparedDocument {
  counts: TermCounts;
  inScope: boolean;
}

/** Headline, key points, entities (with expansions) and topic names. */
function headText(a: DocumentText, briefsById: ReadonlyMap<string, Brief>): string {
  const entities = a.entities.map((e) => (e.expansion ? `${e.name} ${e.expansion}` : e.name));
  const topics = a.topics.map((t) => briefsById.get(t)?.name ?? t);
  return [a.title, ...a.keyPoints, ...entities, ...topics].join('\n');
}

const notStopWord = (t: string) => !STOPWORDS.has(t);
const terms = (text: string) => foldTokens(text).filter(notStopWord);

/**
 * Reads an article's text for indexing: its counted terms and whether it is in
 * the briefing's field. `bodyWords`: `foldTokens(a.body)`, when the caller has it.
 */
export function prepareDocument(a: DocumentText, briefsById: ReadonlyMap<string, Brief>, scope: Scope, bodyWords?: readonly string[]): PreparedDocument {
  const head = terms(headText(a, briefsById));
  const body = bodyWords ? bodyWords.filter(notStopWord) : terms(a.body);
  return { counts: countTerms(head, body), inScope: scope.covers(head, body) };
}

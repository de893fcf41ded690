// Words too common to search on, in both languages: the one stop-word list in
// src/nlp/stop-words.ts, both languages at once, since a query's language is unknown.
import { ALL_STOP_WORDS } from '../nlp/stop-words.js';

export const STOPWORDS: ReadonlySet<string> = ALL_STOP_WORDS;

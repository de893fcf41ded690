// Bump CORPUS_VERSION whenever the synthetic generator or the ingest stages
// change what a stored article looks like: cached corpora of another version
// are then rebuilt instead of reused.
export const CORPUS_VERSION = 1;
/** The clock the corpus is ingested at, so a rebuild gives the same records. */
export const CORPUS_NOW = new Date('2026-01-15T00:00:00Z');

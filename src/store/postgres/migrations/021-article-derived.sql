-- What the engine derives from each article's text (counted search terms, the scope
-- flag, story signals: a row of the derived-data snapshot, src/snapshot), kept for
-- every instance to start from instead of reading every text again
-- (docs/decisions/027). A row is a cache, never the truth: it is used only for the
-- stored article with this id, fingerprint and stamp (a hash of the other fields
-- derivation reads), derived at this version with these inputs (a hash of the
-- briefs, scope and lexicon); any other row is read from the text and rewritten.
-- Written by the instance that adds the article, right after the add.
CREATE TABLE article_derived (
  id text PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  fingerprint text NOT NULL,
  stamp bigint NOT NULL,
  version integer NOT NULL,
  inputs text NOT NULL,
  data bytea NOT NULL
);

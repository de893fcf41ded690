-- The store's first schema: what the lowdb store keeps in its files, one table each.
-- Records are kept whole as jsonb (the engine reads them whole); the columns beside
-- them are the ones the database must enforce or order by.

-- One row per article. The unique fingerprint and canonical URL make a second add
-- of the same article (from this instance or another) a conflict, never a copy.
CREATE TABLE articles (
  id text PRIMARY KEY,
  fingerprint text NOT NULL UNIQUE,
  canonical_url text UNIQUE,
  added_at timestamptz NOT NULL,
  record jsonb NOT NULL
);

CREATE TABLE subscriptions (
  id text PRIMARY KEY,
  record jsonb NOT NULL
);

-- Seeding progress: exactly one row. Kept as the ISO text the engine wrote.
CREATE TABLE store_meta (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  seeding_started_at text,
  seeded_at text
);
INSERT INTO store_meta DEFAULT VALUES;

-- import_key is set only on entries copied from a lowdb store (migrate-store), so a
-- second copy recognises them; entries written here have none.
CREATE TABLE audit_log (
  seq bigserial PRIMARY KEY,
  entry jsonb NOT NULL,
  import_key text UNIQUE
);

CREATE TABLE feeds (
  id text PRIMARY KEY,
  url text NOT NULL UNIQUE,
  record jsonb NOT NULL
);

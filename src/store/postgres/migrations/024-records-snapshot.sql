-- The articles' records kept compactly beside the derived-data snapshot
-- (docs/decisions/031): a starting instance takes the records of the newest
-- such blob instead of fetching and parsing every article's json, and fetches
-- only the rows the blob does not hold as they are now.
--
-- An article row is never changed in place, but an article removed and added
-- again gets the same id (ids come from the fingerprint) with another record
-- (addedAt, storyId). `revision` tells one insert from another: every insert
-- takes a new value of the sequence, so a blob entry is used only for the row
-- with its id *and* revision. Any change to a row (a migration rewriting
-- records, a fix by hand in psql) gives it a new revision too (the trigger), so
-- no blob keeps serving what the row held before.
CREATE SEQUENCE article_revisions;
ALTER TABLE articles ADD COLUMN revision bigint NOT NULL DEFAULT nextval('article_revisions');
CREATE FUNCTION article_new_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.revision := nextval('article_revisions');
  RETURN NEW;
END
$$;
CREATE TRIGGER articles_new_revision BEFORE UPDATE ON articles FOR EACH ROW EXECUTE FUNCTION article_new_revision();

-- The blob is written in the same transaction as the snapshot row it hangs
-- from, and goes with it (the writer deletes older snapshots). Its length, a
-- sha256 over its parts in order and its article count are on the snapshot
-- row (NULL: a snapshot written without one).
ALTER TABLE derived_snapshots
  ADD COLUMN records_articles integer,
  ADD COLUMN records_bytes bigint,
  ADD COLUMN records_sha256 bytea;

-- One part per section of the blob (a JSON text of a few hundred records).
-- Stored uncompressed: read at every start, written now and then.
CREATE TABLE derived_snapshot_records (
  snapshot bigint NOT NULL REFERENCES derived_snapshots (id) ON DELETE CASCADE,
  part integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (snapshot, part)
);
ALTER TABLE derived_snapshot_records ALTER COLUMN data SET STORAGE EXTERNAL;

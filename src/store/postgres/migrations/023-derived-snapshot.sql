-- The derived-data snapshot of the whole store, in the lowdb file's own format
-- (src/snapshot/snapshot-file.ts: postings by term, story signals), kept in the
-- database for every instance to start from (docs/decisions/029). A starting
-- instance reads the newest one written at its layout version with its inputs,
-- takes from it only the rows whose article is still stored as read (id,
-- fingerprint, stamp), and fetches the per-article rows (article_derived) of the
-- articles it lacks. A snapshot is a cache: a stale one is an older starting
-- point, a damaged one (length or sha256 differ) is ignored.
--
-- A writer inserts a new snapshot with all its parts in one transaction, so a
-- visible snapshot is always whole; concurrent writers each insert their own row
-- and never touch another's parts; older snapshots of the same kind are deleted
-- after the new one is in.
CREATE TABLE derived_snapshots (
  id bigserial PRIMARY KEY,
  version integer NOT NULL,
  inputs text NOT NULL,
  articles integer NOT NULL,
  bytes bigint NOT NULL,
  sha256 bytea NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX derived_snapshots_kind ON derived_snapshots (version, inputs, id);

-- The snapshot's bytes in parts (a bytea is sent whole; parts keep each value small).
-- Stored uncompressed: the typed arrays compress poorly and decompressing costs the
-- server CPU at every start.
CREATE TABLE derived_snapshot_parts (
  snapshot bigint NOT NULL REFERENCES derived_snapshots (id) ON DELETE CASCADE,
  part integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (snapshot, part)
);
ALTER TABLE derived_snapshot_parts ALTER COLUMN data SET STORAGE EXTERNAL;

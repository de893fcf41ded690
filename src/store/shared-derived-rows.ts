// The port for derived data a store keeps beside its articles for every instance
// to start from (PostgreSQL, docs/decisions/027 and 029): one row of bytes per
// article, tagged with who it was read from (id, fingerprint, stamp) and with
// what (snapshot version, hash of briefs/scope/lexicon); and a snapshot of the
// whole store's derived data as bytes (the snapshot file's format), tagged with
// its layout version and the same inputs. The store keeps and checks the tags and
// the snapshot's length and checksum; what the bytes hold is src/snapshot's business.

export interface StoredDerivedRow {
  id: string;
  fingerprint: string;
  stamp: number;
  data: Buffer;
}

/** A whole-store snapshot as stored: its bytes (checked against the length and sha256 written with it). */
export interface StoredSnapshot {
  id: number;
  articles: number;
  writtenAt: Date;
  bytes: Buffer;
}

export type StoredSnapshotRead = { kind: 'ok'; snapshot: StoredSnapshot } | { kind: 'none' } | { kind: 'damaged'; id: number; reason: string };

export interface SharedDerivedRows {
  /**
   * True when the store keeps a part of its own beside the snapshot (PostgreSQL: its
   * records blob, decision 031) and found none usable at start: a snapshot write is
   * due even when the derived data came whole from the stored snapshot.
   */
  readonly snapshotDue?: boolean;
  /** Every row written at `version` with `inputs` (only those of `ids`, when given), in batches (any order). */
  read(version: number, inputs: string, ids?: readonly string[]): AsyncIterable<readonly StoredDerivedRow[]>;
  /**
   * Writes rows, each only while its article is stored with that fingerprint, and
   * never over a row of a newer version. Resolves to the ids written.
   */
  write(version: number, inputs: string, rows: readonly StoredDerivedRow[]): Promise<string[]>;
  /** The newest whole-store snapshot of this layout version and inputs. */
  readSnapshot(version: number, inputs: string): Promise<StoredSnapshotRead>;
  /** How long ago (by the store's clock) the newest such snapshot was written; null when there is none. */
  snapshotAgeMs(version: number, inputs: string): Promise<number | null>;
  /** Drops a snapshot found damaged (so the next write is not put off by its age). */
  dropSnapshot(id: number): Promise<void>;
  /** Stores a new snapshot (its bytes in parts, in order) whole or not at all, then drops older ones of its kind. */
  writeSnapshot(version: number, inputs: string, articles: number, parts: AsyncIterable<Buffer>): Promise<number>;
}

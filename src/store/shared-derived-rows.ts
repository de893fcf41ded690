// The port for derived data a store keeps beside its articles for every instance
// to start from (PostgreSQL's article_derived table, docs/decisions/027): one row
// of bytes per article, tagged with who it was read from (id, fingerprint, stamp)
// and with what (snapshot version, hash of briefs/scope/lexicon). The store keeps
// and checks the tags; what the bytes hold is src/snapshot's business.

export interface StoredDerivedRow {
  id: string;
  fingerprint: string;
  stamp: number;
  data: Buffer;
}

export interface SharedDerivedRows {
  /** Every row written at `version` with `inputs`, in batches (any order). */
  read(version: number, inputs: string): AsyncIterable<readonly StoredDerivedRow[]>;
  /**
   * Writes rows, each only while its article is stored with that fingerprint, and
   * never over a row of a newer version. Resolves to the ids written.
   */
  write(version: number, inputs: string, rows: readonly StoredDerivedRow[]): Promise<string[]>;
}

// The last entries of the audit log as an instance keeps them in memory, in the
// database's order (seq): its own entries as their statements return, other
// instances' as their notes arrive (fetched by seq, not the last thousand again
// for every note: at hundreds of adds a second that reload was most of what a
// listening instance did, decision 036). Entries committed out of seq order (two
// transactions at once) still land in order.
import type { AuditEntry } from '../store-schema.js';

export class RecentAudit {
  private seqs: number[] = [];
  private entries: AuditEntry[] = [];

  constructor(private readonly limit: number) {}

  list(): readonly AuditEntry[] {
    return this.entries;
  }

  /** Everything held, replaced by these rows (in any order). */
  replace(rows: readonly { seq: number; entry: AuditEntry }[]): void {
    const sorted = [...rows].sort((a, b) => a.seq - b.seq).slice(-this.limit);
    this.seqs = sorted.map((r) => r.seq);
    this.entries = sorted.map((r) => r.entry);
  }

  /** One entry by its seq; one already held is left as it is. */
  put(seq: number, entry: AuditEntry): void {
    let at = this.seqs.length;
    while (at > 0 && this.seqs[at - 1]! > seq) at--;
    if (this.seqs[at - 1] === seq) return;
    // Older than all that is kept, with the memory full: it would be the first to go.
    if (at === 0 && this.seqs.length >= this.limit) return;
    this.seqs.splice(at, 0, seq);
    this.entries.splice(at, 0, entry);
    if (this.seqs.length > this.limit) {
      this.seqs.splice(0, this.seqs.length - this.limit);
      this.entries.splice(0, this.entries.length - this.limit);
    }
  }
}

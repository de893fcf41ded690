// How instances sharing one database learn of each other's writes: every write
// statement also calls pg_notify in the same statement, so the note goes out when
// (and only if) the change commits; each store LISTENs on one connection and skips
// its own notes (its memory already follows its own writes). A dropped listening
// connection is re-opened and the caller resynchronises, since notes sent while it
// was away are lost.
import type pg from 'pg';
import type { Logger } from '../../logger.js';

export const CHANGES_CHANNEL = 'ringkas_changes';

export type ChangeKind = 'article' | 'subscription' | 'meta' | 'audit' | 'feed';

export interface ChangeNote {
  /** The store instance that wrote. */
  origin: string;
  kind: ChangeKind;
  id: string;
  op: 'put' | 'del';
}

/** What a write announces; the id of each changed row comes from its RETURNING id. */
export type NoteOf = Omit<ChangeNote, 'id'>;

/**
 * Runs a data-modifying statement whose RETURNING clause yields an `id` column and
 * sends one note per changed row, in the same statement (so in the same transaction:
 * the note goes out when the change commits, and not at all if it rolls back).
 */
export async function writeAndNotify<R extends pg.QueryResultRow & { id: string }>(
  db: pg.Pool | pg.PoolClient,
  write: string,
  params: readonly unknown[],
  note: NoteOf,
): Promise<R[]> {
  const sql = `WITH changed AS (${write}) SELECT changed.*, ${notifySql('changed.id', params.length + 1)} FROM changed`;
  const { rows } = await db.query<R>(sql, [...params, ...noteParams(note)]);
  return rows;
}

/**
 * The pg_notify call announcing the changed row whose id is `idSql`, the note's
 * fields being parameters $first..$first+2 (noteParams), for a statement that cannot
 * be wrapped by writeAndNotify (one with data-modifying WITH clauses of its own).
 */
export function notifySql(idSql: string, first: number): string {
  const payload = `json_build_object('origin', $${first}::text, 'kind', $${first + 1}::text, 'id', ${idSql}::text, 'op', $${first + 2}::text)::text`;
  return `pg_notify('${CHANGES_CHANNEL}', ${payload})`;
}

export function noteParams(note: NoteOf): unknown[] {
  return [note.origin, note.kind, note.op];
}

function parseNote(payload: string | undefined): ChangeNote | null {
  try {
    const note = JSON.parse(payload ?? '') as Partial<ChangeNote>;
    if (typeof note.origin === 'string' && typeof note.kind === 'string' && typeof note.id === 'string' && (note.op === 'put' || note.op === 'del')) {
      return note as ChangeNote;
    }
  } catch {
    // Not ours (someone else NOTIFYing on the channel): ignored below.
  }
  return null;
}

export interface ChangeListenerOptions {
  connect: () => pg.Client;
  /** Our own origin: notes from it are skipped. */
  origin: string;
  onNote: (note: ChangeNote) => void;
  /** After a lost connection came back: notes may have been missed, so look again. */
  onReconnected: () => void;
  logger: Logger;
  retryMs?: number;
}

export class ChangeListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  private constructor(private readonly o: ChangeListenerOptions) {}

  static async start(options: ChangeListenerOptions): Promise<ChangeListener> {
    const listener = new ChangeListener(options);
    await listener.listen();
    return listener;
  }

  private async listen(): Promise<void> {
    const client = this.o.connect();
    client.on('notification', (msg) => {
      if (msg.channel !== CHANGES_CHANNEL) return;
      const note = parseNote(msg.payload);
      if (note && note.origin !== this.o.origin) this.o.onNote(note);
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, null));
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    this.client = client;
  }

  private lost(client: pg.Client, err: Error | null): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    this.o.logger.warn({ event: 'store_listen_lost', err }, 'lost the database change feed; reconnecting');
    client.end().catch(() => undefined);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    this.retry = setTimeout(() => {
      this.retry = null;
      if (this.stopped) return;
      this.listen().then(
        () => {
          this.o.logger.info({ event: 'store_listen_back' }, 'database change feed back');
          this.o.onReconnected();
        },
        (err: unknown) => {
          this.o.logger.warn({ event: 'store_listen_retry', err }, 'database change feed still down');
          this.scheduleRetry();
        },
      );
    }, this.o.retryMs ?? 1000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

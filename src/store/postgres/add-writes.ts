// The statement an instance's adds and audit entries go in (group commit,
// grouped-writes.ts): article rows and audit entries asked for together share
// one statement, so one transaction and one round trip, instead of one
// statement of each kind. An add's audit entry is asked for once the add has
// answered, so in a burst it goes with the next adds' rows: at 10,000
// articles a burst took ~1.6 statements per add with a queue per kind, and
// ~0.9 with this one (a statement costs the server ~100 µs of CPU on top of
// its rows, and the main thread as much again).
//
// The statements are prepared (named): an add's statement is the same text
// every time, so each connection parses it once and the server plans it once
// (its planning alone was ~65-80 µs a statement). Each row still sends its own
// note at commit (change-feed.ts), in the format instances of the version
// before read. Decision 036, seventh-session section.
import type pg from 'pg';
import type { ArticleRecord } from '../../model/article.js';
import type { AuditEntry } from '../store-schema.js';
import { noteParams, notifySql, type NoteOf } from './change-feed.js';

export type AddWrite = { article: ArticleRecord } | { audit: AuditEntry };

/** Article rows in the order asked; a row whose id, fingerprint or canonical URL is taken (by a stored row or an earlier one) is left out. */
const INSERT_ARTICLES = `INSERT INTO articles (id, fingerprint, canonical_url, added_at, record, body)
  SELECT r.id, r.fingerprint, r.canonical_url, r.added_at, r.record::json, r.body
  FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[]) AS r (id, fingerprint, canonical_url, added_at, record, body)
  ON CONFLICT DO NOTHING RETURNING id, revision`;

/** Entries numbered (seq) in the order asked. */
const INSERT_AUDIT = (p: number) => `INSERT INTO audit_log (entry)
  SELECT e.entry::jsonb FROM unnest($${p}::text[]) WITH ORDINALITY AS e (entry, n) ORDER BY e.n RETURNING seq`;

// One result row per written row: its kind, its id (an entry's seq as text, for its note) and its revision (an entry's seq).
const articlesPart = (first: number) => `SELECT 'article' AS kind, a.id, a.revision, ${notifySql('a.id', first)} AS noted FROM a`;
const auditPart = (first: number) => `SELECT 'audit' AS kind, l.seq::text AS id, l.seq AS revision, ${notifySql('l.seq', first)} AS noted FROM l`;

const STATEMENTS = {
  articles: { name: 'ringkas_add_articles', text: `WITH a AS (${INSERT_ARTICLES}) ${articlesPart(7)}` },
  audit: { name: 'ringkas_add_audit', text: `WITH l AS (${INSERT_AUDIT(1)}) ${auditPart(2)}` },
  both: { name: 'ringkas_add_articles_audit', text: `WITH a AS (${INSERT_ARTICLES}), l AS (${INSERT_AUDIT(7)}) ${articlesPart(8)} UNION ALL ${auditPart(11)}` },
};

/**
 * Writes `batch` in one statement; returns, in the batch's order, each new
 * article row's revision (null where a stored row was in the way) and each
 * audit entry's seq.
 */
export async function writeAdds(pool: pg.Pool, origin: string, batch: readonly AddWrite[]): Promise<(number | null)[]> {
  const articles: ArticleRecord[] = [];
  const audit: AuditEntry[] = [];
  for (const w of batch) {
    if ('article' in w) articles.push(w.article);
    else audit.push(w.audit);
  }
  // The record column holds everything but the body (not "what memory keeps", which may leave out more).
  const articleParams = () => [
    articles.map((a) => a.id),
    articles.map((a) => a.fingerprint),
    articles.map((a) => a.canonicalUrl),
    articles.map((a) => a.addedAt),
    articles.map(({ body: _body, ...record }) => JSON.stringify(record)),
    articles.map((a) => a.body),
  ];
  const auditParam = () => audit.map((e) => JSON.stringify(e));
  const noteOf = (kind: NoteOf['kind']) => noteParams({ origin, kind, op: 'put' });
  const statement = audit.length === 0 ? STATEMENTS.articles : articles.length === 0 ? STATEMENTS.audit : STATEMENTS.both;
  const values =
    audit.length === 0
      ? [...articleParams(), ...noteOf('article')]
      : articles.length === 0
        ? [auditParam(), ...noteOf('audit')]
        : [...articleParams(), auditParam(), ...noteOf('article'), ...noteOf('audit')];
  const { rows } = await pool.query<{ kind: 'article' | 'audit'; id: string; revision: string }>({ ...statement, values });
  const revisions = new Map<string, number>();
  const seqs: number[] = [];
  for (const r of rows) {
    if (r.kind === 'article') revisions.set(r.id, Number(r.revision));
    else seqs.push(Number(r.revision));
  }
  // Numbered in the batch's order, whatever order RETURNING lists them in.
  seqs.sort((x, y) => x - y);
  let nextSeq = 0;
  return batch.map((w) => ('article' in w ? (revisions.get(w.article.id) ?? null) : (seqs[nextSeq++] ?? null)));
}

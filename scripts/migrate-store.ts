// `npm run migrate-store -- --to postgres`: copies the lowdb store in RINGKAS_DATA_DIR
// into the PostgreSQL database in RINGKAS_DATABASE_URL (creating or upgrading its
// schema), verifies each table by count and checksum, and prints a short report.
// Safe to run again: rows already there are left alone, so a second run copies 0.
// Exits 0 when every table matches, 1 when one does not or the copy failed, 2 on usage.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { ConfigError, loadConfig } from '../src/config.js';
import { isRingkasError } from '../src/errors.js';
import { readWholeAuditLog } from '../src/store/audit-log.js';
import { copyIntoPostgres, type StoreSnapshot, type TableReport } from '../src/store/postgres/copy-from-lowdb.js';
import type { ArticleRecord } from '../src/model/article.js';
import { migrate } from '../src/store/postgres/migrate.js';
import { Store } from '../src/store/store.js';
import { terminalSafe } from '../src/text/terminal-safe.js';

interface Output {
  write(s: string): unknown;
}

const USAGE = 'Usage: npm run migrate-store -- --to postgres\n  Copies the lowdb store in RINGKAS_DATA_DIR into RINGKAS_DATABASE_URL.\n';

/** The URL without its password, for the report. */
function shownUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** What the lowdb store holds, read while it stays open (and locked, so no bot writes meanwhile). */
async function snapshot(store: Store, dataDir: string): Promise<StoreSnapshot> {
  return {
    articles: withBodies(store),
    subscriptions: store.listSubscriptions(),
    audit: readWholeAuditLog(dataDir),
    feeds: (await store.feeds()).list(),
    seeding: store.seeding,
    seededAt: store.seededAt,
  };
}

/** The articles with their bodies, read from the shards one at a time as the copy goes (decision 025). */
function* withBodies(store: Store): Generator<ArticleRecord> {
  for (const article of [...store.listArticles()]) {
    const body = store.readBody(article.id);
    if (body !== undefined) yield { ...article, keyFigures: store.readKeyFigures(article.id) ?? [], body };
  }
}

export function formatReport(reports: readonly TableReport[]): string {
  const rows = reports.map((r) => [
    r.table,
    String(r.inSource),
    String(r.copied),
    String(r.matching),
    r.ok ? 'ok' : 'MISMATCH',
    r.table === 'seeding' ? `${r.sourceChecksum} -> ${r.targetChecksum}` : r.sourceChecksum.slice(0, 16),
  ]);
  const head = ['table', 'in lowdb', 'copied', 'matching', 'check', 'sha256'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i >= 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const bad = reports.filter((r) => !r.ok);
  const verdict = bad.length === 0 ? `All ${reports.length} tables match.` : `Mismatch in ${bad.map((r) => r.table).join(', ')}: the database holds other content for some of the copied rows.`;
  return `${[line(head), ...rows.map(line)].join('\n')}\n${verdict}\n`;
}

export async function main(argv: string[], out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  const args = argv.filter((a) => a !== '--');
  if (args.length !== 2 || args[0] !== '--to' || args[1] !== 'postgres') {
    err.write(USAGE);
    return 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    err.write(`${terminalSafe(e instanceof ConfigError ? e.message : String(e))}\n`);
    return 1;
  }
  if (!config.databaseUrl) {
    err.write(`Set RINGKAS_DATABASE_URL to the PostgreSQL database to copy into.\n${USAGE}`);
    return 2;
  }
  if (!existsSync(path.join(config.dataDir, 'ringkas.json'))) {
    err.write(`There is no lowdb store in ${terminalSafe(config.dataDir)} (no ringkas.json); set RINGKAS_DATA_DIR.\n`);
    return 1;
  }
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 2 });
  let store: Store | null = null;
  try {
    store = await Store.open(config.dataDir, { waitMs: 0 });
    const source = await snapshot(store, config.dataDir);
    out.write(`Copying the lowdb store in ${terminalSafe(config.dataDir)} into ${terminalSafe(shownUrl(config.databaseUrl))}\n`);
    const { version, applied } = await migrate(pool);
    if (applied.length > 0) out.write(`Database schema brought to version ${version}.\n`);
    const reports = await copyIntoPostgres(source, pool);
    out.write(formatReport(reports));
    return reports.every((r) => r.ok) ? 0 : 1;
  } catch (e) {
    err.write(`migrate-store stopped (the copy is one transaction: no row of it was kept): ${terminalSafe(isRingkasError(e) || e instanceof Error ? e.message : String(e))}\n`);
    return 1;
  } finally {
    await store?.close();
    await pool.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`migrate-store stopped: ${terminalSafe(e instanceof Error ? e.message : String(e))}\n`);
      process.exitCode = 1;
    },
  );
}

// Bulk import: `npm run import -- <folder | file | urls.txt>`. Adds every article
// through the engine's own add command (same checks, same de-duplication), shows
// progress on stderr and a summary on stdout. Safe to re-run: what is already in
// the briefing counts as a duplicate. Exits non-zero only on a usage error.
import { pathToFileURL } from 'node:url';
import { loadConfig, ConfigError } from '../src/config.js';
import { Engine } from '../src/engine.js';
import { isRingkasError } from '../src/errors.js';
import { planImport, type ImportItem, type ImportPlan, type SkippedEntry } from '../src/fetch/import-sources.js';
import { createLogger, silentLogger } from '../src/logger.js';
import type { CommandContext } from '../src/model/actor.js';
import type { Reply } from '../src/model/reply.js';
import { terminalSafe, terminalSafeLine } from '../src/text/terminal-safe.js';
import { plainText } from '../src/model/text.js';

export const IMPORT_CTX: CommandContext = { actor: { platform: 'shell', id: 'import', isAdmin: true } };

export interface ImportSummary {
  total: number;
  added: number;
  duplicates: number;
  failed: { label: string; reason: string }[];
  skipped: SkippedEntry[];
  ms: number;
}

interface Output {
  write(s: string): unknown;
  isTTY?: boolean;
}

type AddRunner = Pick<Engine, 'execute'>;

export async function runImport(engine: AddRunner, plan: ImportPlan, progressOut: Output): Promise<ImportSummary> {
  const started = Date.now();
  const summary: ImportSummary = { total: plan.items.length, added: 0, duplicates: 0, failed: [], skipped: plan.skipped, ms: 0 };
  const bar = new ProgressBar(progressOut, plan.items.length);
  for (const item of plan.items) {
    const outcome = await addOne(engine, item);
    if (outcome === 'added') summary.added++;
    else if (outcome === 'duplicate') summary.duplicates++;
    else summary.failed.push({ label: item.label, reason: outcome.reason });
    bar.tick(`added ${summary.added} · duplicates ${summary.duplicates} · failed ${summary.failed.length}`);
  }
  bar.done();
  summary.ms = Date.now() - started;
  return summary;
}

async function addOne(engine: AddRunner, item: ImportItem): Promise<'added' | 'duplicate' | { reason: string }> {
  let reply: Reply;
  try {
    reply = await engine.execute({ name: 'add', input: await item.load() }, IMPORT_CTX);
  } catch (e) {
    return { reason: isRingkasError(e) ? e.message : 'The file could not be read.' };
  }
  if (reply.kind === 'added') return reply.duplicate ? 'duplicate' : 'added';
  if (reply.kind === 'message') return { reason: plainText(reply.text) };
  return { reason: `Unexpected reply (${reply.kind}).` };
}

/** A one-line bar redrawn in place on a terminal; on a pipe, a line every 10%. */
export class ProgressBar {
  private done_ = 0;
  private lastDecile = -1;
  private readonly started = Date.now();

  constructor(
    private readonly out: Output,
    private readonly total: number,
  ) {}

  tick(detail: string): void {
    this.done_++;
    const ratio = this.total === 0 ? 1 : this.done_ / this.total;
    const line = `${this.bar(ratio)} ${this.done_}/${this.total} ${String(Math.floor(ratio * 100)).padStart(3)}%  ${detail}${this.eta(ratio)}`;
    if (this.out.isTTY) {
      this.out.write(`\r\x1b[2K${line}`);
      return;
    }
    const decile = Math.floor(ratio * 10);
    if (decile !== this.lastDecile) {
      this.lastDecile = decile;
      this.out.write(`${line}\n`);
    }
  }

  done(): void {
    if (this.out.isTTY) this.out.write('\n');
  }

  private bar(ratio: number): string {
    const width = 24;
    const full = Math.round(ratio * width);
    return `[${'#'.repeat(full)}${'-'.repeat(width - full)}]`;
  }

  private eta(ratio: number): string {
    const elapsed = Date.now() - this.started;
    if (ratio >= 1 || elapsed < 2_000) return '';
    const left = (elapsed / ratio) * (1 - ratio);
    return `  ~${Math.ceil(left / 1000)} s left`;
  }
}

/** "reason: a, b, c" per reason, at most ten names each. */
function skippedByReason(skipped: readonly SkippedEntry[]): string {
  const groups = new Map<string, string[]>();
  for (const s of skipped) groups.set(s.reason, [...(groups.get(s.reason) ?? []), s.label]);
  return [...groups].map(([reason, labels]) => `${reason}: ${labels.slice(0, 10).map(terminalSafeLine).join(', ')}${labels.length > 10 ? ', ...' : ''}`).join('; ');
}

// Every name and reason printed here comes from outside (file names, links, messages
// quoting them): shown with control characters escaped, never acted on by the terminal.
export function formatSummary(target: string, plan: ImportPlan, s: ImportSummary): string {
  const kind = plan.kind === 'url-list' ? 'links' : plan.kind === 'folder' ? 'files' : 'file';
  const lines = [
    `Import of ${terminalSafeLine(target)}: ${s.total} ${kind} in ${(s.ms / 1000).toFixed(1)} s`,
    `  added       ${s.added}`,
    `  duplicates  ${s.duplicates} (already in the briefing)`,
    `  failed      ${s.failed.length}`,
    ...s.failed.map((f) => `    - ${terminalSafeLine(f.label)}: ${terminalSafeLine(f.reason)}`),
  ];
  if (s.skipped.length) lines.push(`  skipped     ${s.skipped.length} (${skippedByReason(s.skipped)})`);
  return `${lines.join('\n')}\n`;
}

const USAGE = 'Usage: npm run import -- <folder | file.txt/.md/.html | list-of-urls.txt>\n';

export async function main(argv: string[], out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  const args = argv.filter((a) => a !== '--');
  if (args.length !== 1 || args[0] === '-h' || args[0] === '--help') {
    err.write(USAGE);
    return args.length === 1 ? 0 : 2;
  }
  const target = args[0]!;
  let plan: ImportPlan;
  try {
    plan = await planImport(target);
  } catch (e) {
    err.write(`${terminalSafe(isRingkasError(e) ? e.message : String(e))}\n${USAGE}`);
    return 2;
  }
  let engine: Engine;
  try {
    const config = loadConfig();
    const verbose = config.logLevel === 'debug' || config.logLevel === 'trace';
    engine = await Engine.open({ config, logger: verbose ? createLogger({ level: config.logLevel }) : silentLogger });
  } catch (e) {
    // e.g. the bot is running on the same data directory, or a config variable is wrong.
    err.write(`Cannot open the briefing store: ${terminalSafe(e instanceof ConfigError || isRingkasError(e) ? e.message : String(e))}\n`);
    return 1;
  }
  try {
    const summary = await runImport(engine, plan, err);
    out.write(formatSummary(target, plan, summary));
    return 0;
  } finally {
    await engine.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`Import stopped: ${terminalSafe(e instanceof Error ? e.message : String(e))}\n`);
      process.exitCode = 1;
    },
  );
}

// The real entry point, spawned with piped input: what a new user sees.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runStart, type StartResult } from '../support/run-start.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function runShell(input: string, env: Record<string, string> = {}): Promise<StartResult> {
  const dataDir = env.RINGKAS_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'ringkas-shell-'));
  if (!env.RINGKAS_DATA_DIR) dirs.push(dataDir);
  return runStart({ input, env: { RINGKAS_DATA_DIR: dataDir, ...env } });
}

describe('shell (npm start without credentials)', () => {
  it('answers /brief ijepa from the seeds and exits at end of input', async () => {
    const r = await runShell('/brief ijepa\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/IJEPA/);
    expect(r.stdout).toMatch(/^1\. /m);
    expect(r.stdout).not.toMatch(/"level"/); // logs go to the log file, not the conversation
  }, 60_000);

  it('handles the commands a new user tries, typos included', async () => {
    const r = await runShell(['/brief ijpea', '/brief biofuel', '/brief electric motorcycle', '/brief topics', '/brief help', '/brief list', '/brief remove nothing-here', ''].join('\n'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/IJEPA/);
    expect(r.stdout).toMatch(/Biofuel/);
    expect(r.stdout).toMatch(/Ringkas commands:/);
    expect(r.stdout).toMatch(/Articles 1\/1 \(5 in all\)/);
    expect(r.stdout).toMatch(/! Give the article id/);
  }, 60_000);

  it('adds a pasted article (paste mode ends with ".") and removes it by id', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ringkas-shell-'));
    dirs.push(dataDir);
    const article = [
      'Pabrik baterai baru diresmikan di Batang',
      'Batang - Pemerintah meresmikan pabrik sel baterai kendaraan listrik di Kawasan Industri Terpadu Batang pada Rabu (3/7/2024). Pabrik ini berkapasitas 10 gigawatt jam per tahun dan menyerap 1.000 tenaga kerja lokal.',
      'Menteri menyebut investasi tersebut sebagai langkah penting hilirisasi nikel dan penguatan rantai pasok industri otomotif nasional, termasuk ekspor ke pasar Asia.',
    ].join('\n');
    const added = await runShell(`/brief add\n${article}\n.\n/brief gigawatt\n`, { RINGKAS_DATA_DIR: dataDir });
    expect(added.stdout).toMatch(/Added:/);
    const id = /\[id ([0-9a-f]{8,})\]/.exec(added.stdout)?.[1];
    expect(id).toBeDefined();
    const removed = await runShell(`/brief remove ${id}\n/brief gigawatt\n`, { RINGKAS_DATA_DIR: dataDir });
    expect(removed.stdout).toMatch(new RegExp(`Removed ${id}`));
    expect(removed.stdout).toMatch(/Nothing found for "gigawatt"/);
  }, 60_000);

  it('refuses to start on a corrupt store, naming the file, and leaves it as it was', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ringkas-shell-'));
    dirs.push(dataDir);
    writeFileSync(path.join(dataDir, 'ringkas.json'), '{ not json');
    const r = await runShell('/brief ijepa\n', { RINGKAS_DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(path.join(dataDir, 'ringkas.json'));
  }, 60_000);

  it('names a malformed variable in one start-up error', async () => {
    const r = await runShell('', { RINGKAS_SLACK_BOT_TOKEN: 'not-a-token', RINGKAS_SLACK_SIGNING_SECRET: 'x' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/RINGKAS_SLACK_BOT_TOKEN/);
  }, 60_000);
});

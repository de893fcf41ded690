// The real command line (`npm run import -- …` runs `tsx scripts/import.ts`):
// exit codes, summary on stdout, progress on stderr, re-run idempotent.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, type ScriptResult } from '../support/run-script.js';
import { asFile } from './generated-articles.js';

let folder: string;
let dataDir: string;

function cli(...args: string[]): Promise<ScriptResult> {
  return runScript('scripts/import.ts', args, { RINGKAS_DATA_DIR: dataDir, RINGKAS_SEED_ON_EMPTY: 'false', RINGKAS_LOG_LEVEL: 'info' });
}

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'ringkas-cli-import-'));
  dataDir = mkdtempSync(path.join(tmpdir(), 'ringkas-cli-data-'));
  for (let n = 0; n < 6; n++) writeFileSync(path.join(folder, asFile(n).name), asFile(n).content);
  writeFileSync(path.join(folder, 'stub.txt'), 'Too short.');
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run import', () => {
  it('imports a folder, shows progress, summarises, and exits 0 even with a failed item', async () => {
    const first = await cli(folder);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/7\/7 100%/);
    expect(first.stdout).toMatch(/added {7}6\n/);
    expect(first.stdout).toMatch(/failed {6}1\n {4}- stub\.txt: That is too short to be an article/);

    const again = await cli('--', folder);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/added {7}0\n {2}duplicates {2}6 /);
  }, 60_000);

  it('exits 2 with the usage on a usage error', async () => {
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Usage: npm run import -- </);
    const missing = await cli(path.join(folder, 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist/);
    const empty = mkdtempSync(path.join(tmpdir(), 'ringkas-empty-'));
    const nothing = await cli(empty);
    rmSync(empty, { recursive: true, force: true });
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/holds no \.txt, \.md or \.html files/);
  }, 60_000);
});

// kill -9 during the first start's seeding: the next start finishes the seeds
// (those already in are found as duplicates), and a seeded store stays as left.
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine.js';
import { makeArticleText } from '../support/article-text.js';
import { adminCtx, PROJECT_ROOT, tempConfig } from '../support/temp-engine.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * A first start killed (SIGKILL) right after two of three seeds were saved. The
 * third seed file is a FIFO nobody writes to, so the child blocks reading it: the
 * kill lands at that exact point, with no timing involved.
 */
async function killedWhileSeeding(): Promise<{ dataDir: string; seedsDir: string }> {
  const root = mkdtempSync(path.join(tmpdir(), 'ringkas-seeding-'));
  dirs.push(root);
  const dataDir = path.join(root, 'data');
  const seedsDir = path.join(root, 'seeds');
  mkdirSync(seedsDir);
  writeFileSync(path.join(seedsDir, '000.txt'), makeArticleText(0));
  writeFileSync(path.join(seedsDir, '001.txt'), makeArticleText(1));
  execFileSync('mkfifo', [path.join(seedsDir, '002.txt')]);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'tests/store/fixtures/start-engine.ts'), dataDir, seedsDir], { cwd: PROJECT_ROOT });
  let added = 0;
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.includes('"event":"article_added"') && ++added === 2) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`the first start ended (${code}) before two seeds were in: ${stderr}`)));
  });
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
  // The killed start's lock is taken over once stale (10 s); age it instead of waiting.
  const minuteAgo = new Date(Date.now() - 60_000);
  utimesSync(path.join(dataDir, 'ringkas.lock'), minuteAgo, minuteAgo);
  unlinkSync(path.join(seedsDir, '002.txt'));
  writeFileSync(path.join(seedsDir, '002.txt'), makeArticleText(2));
  return { dataDir, seedsDir };
}

async function countAfterRestart(dataDir: string, seedsDir: string): Promise<number> {
  const engine = await Engine.open(tempConfig({ RINGKAS_SEEDS_DIR: seedsDir }, dataDir));
  try {
    const list = await engine.execute({ name: 'list', page: 1 }, adminCtx);
    return list.kind === 'articles' ? list.total : -1;
  } finally {
    await engine.close();
  }
}

describe('seeding cut short by kill -9', () => {
  it('finishes on the next start', async () => {
    const { dataDir, seedsDir } = await killedWhileSeeding();
    expect(await countAfterRestart(dataDir, seedsDir)).toBe(3);
    expect(await countAfterRestart(dataDir, seedsDir)).toBe(3);
  });

  it('finishes too for a store an older Ringkas left (no "seeding started" mark, only seed articles)', async () => {
    const { dataDir, seedsDir } = await killedWhileSeeding();
    const main = path.join(dataDir, 'ringkas.json');
    const { seedingStartedAt: _started, ...older } = JSON.parse(readFileSync(main, 'utf8')) as Record<string, unknown>;
    writeFileSync(main, JSON.stringify(older));
    expect(await countAfterRestart(dataDir, seedsDir)).toBe(3);
  });
});

// A new user's first start: `cp .env.example .env && npm start` in a fresh folder, and the same
// file given as the environment (what `docker run --env-file .env` does). Both must answer.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { afterEach, describe, expect, it } from 'vitest';
import { runStart } from '../support/run-start.js';
import { PROJECT_ROOT } from '../support/temp-engine.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A folder laid out like a checkout (briefs, seeds, lexicon), with no data yet. */
function freshFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ringkas-first-'));
  dirs.push(dir);
  for (const sub of ['briefs', 'seeds', 'lexicon']) symlinkSync(path.join(PROJECT_ROOT, sub), path.join(dir, sub));
  return dir;
}

const exampleFile = path.join(PROJECT_ROOT, '.env.example');

describe('first start with .env.example', () => {
  it('cp .env.example .env && npm start: the shell answers, data under ./data', async () => {
    const dir = freshFolder();
    copyFileSync(exampleFile, path.join(dir, '.env'));
    const r = await runStart({ cwd: dir, input: '/brief ijepa\n' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/IJEPA/);
    expect(existsSync(path.join(dir, 'data', 'ringkas.json'))).toBe(true);
  }, 60_000);

  it('the same values as the environment (docker run --env-file): the shell answers', async () => {
    const dir = freshFolder();
    const env = parseDotenv(readFileSync(exampleFile));
    expect(Object.values(env).every((v) => v === '')).toBe(true);
    const r = await runStart({ cwd: dir, env, input: '/brief topics\n' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/IJEPA/);
  }, 60_000);
});

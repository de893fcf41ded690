// Start-up mistakes a new user makes, through the real entry point: each ends with a message
// that says what to do and a non-zero exit, never a silent exit 0.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runStart } from '../support/run-start.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ringkas-start-'));
  dirs.push(dir);
  return dir;
}

describe('npm start mistakes', () => {
  it('no credentials, no terminal, no input (docker run without -it): says what to do and exits 1', async () => {
    const r = await runStart({ env: { RINGKAS_DATA_DIR: dataDir(), RINGKAS_SEED_ON_EMPTY: 'false' }, input: '' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ringkas: no Slack or Discord credentials are set and standard input gave no commands/);
    expect(r.stderr).toMatch(/RINGKAS_SLACK_BOT_TOKEN/);
    expect(r.stderr).toMatch(/RINGKAS_DISCORD_TOKEN/);
    expect(r.stderr).toMatch(/docker run -it/);
  }, 60_000);

  it('a token in .env without the prefix gets "did you mean RINGKAS_…"', async () => {
    const dir = dataDir();
    writeFileSync(path.join(dir, '.env'), `DISCORD_TOKEN=abc.def.ghi\nRINGKAS_DATA_DIR=${dir}\n`);
    const r = await runStart({ cwd: dir, input: '/brief ijepa\n' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'ringkas: Configuration error: RINGKAS_DISCORD_TOKEN is not set. DISCORD_TOKEN is set, but Ringkas reads only RINGKAS_* variables: did you mean RINGKAS_DISCORD_TOKEN?',
    );
  }, 60_000);

  it('Discord HTTP interactions mode without a public key names RINGKAS_DISCORD_PUBLIC_KEY and exits 1', async () => {
    const r = await runStart({ env: { RINGKAS_DATA_DIR: dataDir(), RINGKAS_SEED_ON_EMPTY: 'false', RINGKAS_DISCORD_TOKEN: 't', RINGKAS_DISCORD_MODE: 'http' }, input: '' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^ringkas: Configuration error: RINGKAS_DISCORD_PUBLIC_KEY is required when RINGKAS_DISCORD_MODE=http/);
  }, 60_000);
});

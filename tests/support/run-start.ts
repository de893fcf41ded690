// Spawns the real entry point (adapters/start.ts through tsx), as `npm start` does. The caller's
// own RINGKAS_*, SLACK_*, DISCORD_* and proxy variables are left out; a test passes what it means.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from './temp-engine.js';

const OWN_VARIABLES = /^(RINGKAS_|SLACK_|DISCORD_)|^(https?|no)_proxy$/i;

export interface StartResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunStartOptions {
  env?: Record<string, string>;
  /** Working directory (where `.env` and the default folders are looked for); the project by default. */
  cwd?: string;
  /** Piped to standard input, then closed. */
  input?: string;
  /** Variables to remove from the inherited environment besides RINGKAS_* (e.g. HTTPS_PROXY). */
  drop?: RegExp;
  /** A start that hangs (the bug some tests look for) is killed after this, so no process outlives its test. */
  killAfterMs?: number;
  /** Aborting sends SIGTERM (a supervisor stopping the bot). */
  signal?: AbortSignal;
}

export function runStart(options: RunStartOptions = {}): Promise<StartResult> {
  const drop = options.drop;
  // A developer's or CI's own tokens and proxy must not change what the test sees.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !OWN_VARIABLES.test(k) && !(drop && drop.test(k))));
  return new Promise((resolve, reject) => {
    // tsx as a loader in one process (its CLI would add a second one that a kill would orphan).
    const loader = pathToFileURL(path.join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', loader, path.join(PROJECT_ROOT, 'adapters/start.ts')], {
      cwd: options.cwd ?? PROJECT_ROOT,
      env: { ...base, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 50_000);
    options.signal?.addEventListener('abort', () => child.kill('SIGTERM'), { once: true });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

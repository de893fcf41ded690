// One Ringkas per data folder, also across containers sharing a volume (every
// container's Node is PID 1) and within one process. Two real child processes in
// separate PID namespaces (unshare, root, as on CI) stand for two containers.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/store-errors.js';
import { Store } from '../../src/store/store.js';
import { PROJECT_ROOT } from '../support/temp-engine.js';

const HOLDER = path.join(PROJECT_ROOT, 'tests/store/fixtures/hold-store.ts');
const dirs: string[] = [];
const children: ChildProcessWithoutNullStreams[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'ringkas-lock-'));
  dirs.push(d);
  return d;
};

/** Starts the holder (in its own PID namespace when asked); resolves with its one line of output. */
function holder(dir: string, ownPidNamespace: boolean): { child: ChildProcessWithoutNullStreams; line: Promise<string> } {
  const node = [process.execPath, '--import', 'tsx', HOLDER, dir, '0'];
  const [cmd, ...args] = ownPidNamespace ? ['unshare', '--pid', '--fork', '--mount-proc', ...node] : node;
  const child = spawn(cmd!, args, { cwd: PROJECT_ROOT });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const line = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`holder exited (${code}) without a word: ${stderr}`)));
  });
  return { child, line };
}

const exited = (c: ChildProcessWithoutNullStreams) => new Promise((resolve) => (c.exitCode !== null ? resolve(c.exitCode) : c.once('exit', resolve)));

describe('the data-folder lock', () => {
  it('keeps a second "container" off the folder although both are PID 1, and leaves the first one its lock', async () => {
    const probe = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true']);
    if (probe.error || probe.status !== 0) {
      throw new Error(`This test needs "unshare --pid --fork --mount-proc" (util-linux, run as root, as on CI): ${probe.error?.message ?? probe.stderr.toString()}`);
    }
    const dir = tmp();
    const first = holder(dir, true);
    expect(await first.line).toBe('opened pid=1');

    const second = holder(dir, true);
    const refused = await second.line;
    expect(refused).toMatch(/^refused pid=1: /);
    expect(refused).toContain(`data folder ${dir} is in use by another running Ringkas`);
    await exited(second.child);
    expect(existsSync(path.join(dir, 'ringkas.lock'))).toBe(true);

    first.child.stdin.end();
    expect(await exited(first.child)).toBe(0);
    const third = holder(dir, true);
    expect(await third.line).toBe('opened pid=1');
    third.child.stdin.end();
    await exited(third.child);
  });

  it('refuses while a live holder keeps the lock fresh, naming the folder', async () => {
    const dir = tmp();
    const first = holder(dir, false);
    expect(await first.line).toMatch(/^opened/);
    const err = await Store.open(dir, { waitMs: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).userMessage).toContain(`data folder ${dir} is in use`);
    first.child.stdin.end();
    await exited(first.child);
  });

  it('refuses a second open of the same folder in one process', async () => {
    const dir = tmp();
    stores.push(await Store.open(dir));
    await expect(Store.open(dir, { waitMs: 0 })).rejects.toThrow(/is in use by another running Ringkas/);
  });

  it('takes over a lock its holder stopped refreshing (a crash)', async () => {
    const dir = tmp();
    const lock = path.join(dir, 'ringkas.lock');
    mkdirSync(lock);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, minuteAgo, minuteAgo);
    stores.push(await Store.open(dir, { waitMs: 0 }));
    expect(existsSync(lock)).toBe(true);
  });

  it('is not blocked by an older pid lock file whose pid now belongs to an unrelated process', async () => {
    const dir = tmp();
    const unrelated = spawn('sleep', ['30']);
    try {
      writeFileSync(path.join(dir, 'ringkas.lock'), String(unrelated.pid));
      stores.push(await Store.open(dir, { waitMs: 0 }));
    } finally {
      unrelated.kill('SIGKILL');
    }
  });
});

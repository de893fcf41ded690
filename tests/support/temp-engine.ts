// Opens a real Engine on a fresh temporary data directory (seeds ingested unless
// told otherwise). Tests use this instead of mocking engine modules.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import { Engine } from '../../src/engine.js';
import type { ArticleFetcher } from '../../src/fetch/article-fetcher.js';
import type { Logger } from '../../src/logger.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface TempEngine {
  engine: Engine;
  config: Config;
  dir: string;
  cleanup(): Promise<void>;
}

export interface TempEngineOptions {
  clock?: Clock;
  fetcher?: ArticleFetcher;
  logger?: Logger;
  /** Reuse a data directory (e.g. to test a restart). */
  dir?: string;
}

/**
 * Folders tempConfig made, removed when the test process ends: many tests take a
 * config and never clean up, and each run left ~150 empty folders in the temp dir.
 * (Vitest runs each test file in a process of its own: pool 'forks'.)
 */
const made = new Set<string>();
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function tempConfig(env: Record<string, string> = {}, dir?: string): { config: Config; dir: string } {
  const dataDir = dir ?? mkdtempSync(path.join(tmpdir(), 'ringkas-test-'));
  if (!dir) made.add(dataDir);
  const config = loadConfig({ env: { RINGKAS_DATA_DIR: dataDir, ...env }, cwd: PROJECT_ROOT, envFile: null });
  return { config, dir: dataDir };
}

export async function createTempEngine(env: Record<string, string> = {}, options: TempEngineOptions = {}): Promise<TempEngine> {
  const { config, dir } = tempConfig(env, options.dir);
  const engine = await Engine.open({
    config,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.fetcher ? { fetcher: options.fetcher } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  let closed = false;
  return {
    engine,
    config,
    dir,
    async cleanup() {
      if (!closed) await engine.close();
      closed = true;
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const adminCtx = { actor: { platform: 'shell' as const, id: 'test-admin', isAdmin: true } };
export const userCtx = { actor: { platform: 'shell' as const, id: 'test-user', isAdmin: false } };

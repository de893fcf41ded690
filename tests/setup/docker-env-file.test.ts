// `docker run --env-file .env` with .env copied from .env.example: Docker sets every listed
// variable to "" and that replaces the image's own ENV. Docker is not available to the tests,
// so this reads the runtime stage of the Dockerfile and plays the start-up through loadConfig.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { PROJECT_ROOT } from '../support/temp-engine.js';

interface RuntimeStage {
  env: Record<string, string>;
  workdir: string;
  volumes: string[];
  /** Symbolic links the stage creates: link path → target. */
  links: Map<string, string>;
}

function runtimeStage(dockerfile: string): RuntimeStage {
  const text = dockerfile.replace(/\\\n\s*/g, ' ');
  const stage = text.slice(text.lastIndexOf('\nFROM '));
  const stage0: RuntimeStage = { env: {}, workdir: '/', volumes: [], links: new Map() };
  for (const line of stage.split('\n').map((l) => l.trim())) {
    const [instruction, ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (instruction === 'ENV') for (const m of args.matchAll(/(\w+)=(\S+)/g)) stage0.env[m[1]!] = m[2]!;
    if (instruction === 'WORKDIR') stage0.workdir = path.posix.resolve(stage0.workdir, args);
    if (instruction === 'VOLUME') stage0.volumes.push(...(JSON.parse(args) as string[]));
    if (instruction === 'RUN') for (const m of args.matchAll(/ln -s (\S+) (\S+)/g)) stage0.links.set(path.posix.resolve(stage0.workdir, m[2]!), m[1]!);
  }
  return stage0;
}

describe('docker run --env-file .env (copied from .env.example)', () => {
  it('keeps the data directory on the image volume', () => {
    const stage = runtimeStage(readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8'));
    const envFile = parseDotenv(readFileSync(path.join(PROJECT_ROOT, '.env.example')));
    // --env-file wins over the image's ENV, empty values included.
    const config = loadConfig({ env: { ...stage.env, ...envFile }, cwd: stage.workdir, envFile: null });
    const dataDir = stage.links.get(config.dataDir) ?? config.dataDir;
    expect(stage.volumes).toContain(dataDir);
  });
});

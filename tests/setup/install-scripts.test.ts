// npm 11 skips a dependency's install script unless package.json's allowScripts covers it, and
// then warns on every `npm ci`. Every package in the lockfile that has one must be decided on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/temp-engine.js';

interface LockEntry {
  version?: string;
  hasInstallScript?: boolean;
}

const read = (file: string) => JSON.parse(readFileSync(path.join(PROJECT_ROOT, file), 'utf8')) as Record<string, unknown>;

describe('npm install scripts', () => {
  it('allowScripts decides on every locked package that has an install script', () => {
    const lock = read('package-lock.json') as { packages: Record<string, LockEntry> };
    const allow = (read('package.json').allowScripts ?? {}) as Record<string, boolean>;
    const withScripts = Object.entries(lock.packages)
      .filter(([key, entry]) => key !== '' && entry.hasInstallScript)
      .map(([key, entry]) => ({ name: key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length), version: entry.version }));
    expect(withScripts.length).toBeGreaterThan(0);
    const undecided = withScripts.filter(({ name, version }) => !(name in allow) && !(`${name}@${version}` in allow));
    expect(undecided).toEqual([]);
  });
});

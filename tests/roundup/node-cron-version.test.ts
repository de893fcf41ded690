// Contract: node-cron's DST bugs were fixed in 4.3.0; the project must not run an older one.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/temp-engine.js';

const readJson = (file: string) => JSON.parse(readFileSync(path.join(PROJECT_ROOT, file), 'utf8')) as Record<string, unknown>;

const atLeast = (version: string, min: [number, number, number]) => {
  const [a = 0, b = 0, c = 0] = version.split('.').map((n) => Number.parseInt(n, 10));
  return a !== min[0] ? a > min[0] : b !== min[1] ? b > min[1] : c >= min[2];
};

describe('node-cron', () => {
  it('is 4.3.0 or newer, installed and required by package.json', () => {
    const installed = readJson('node_modules/node-cron/package.json').version as string;
    expect(atLeast(installed, [4, 3, 0])).toBe(true);
    const wanted = (readJson('package.json').dependencies as Record<string, string>)['node-cron']!;
    expect(atLeast(wanted.replace(/^[\^~>=]+/, ''), [4, 3, 0])).toBe(true);
    expect(atLeast('4.2.9', [4, 3, 0])).toBe(false);
  });
});

// Contract: node-cron's DST bugs were fixed in 4.3.0; the project must not run an older one.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

const atLeast = (version: string, min: [number, number, number]) => {
  const [a = 0, b = 0, c = 0] = version.split('.').map((n) => Number.parseInt(n, 10));
  return a !== min[0] ? a > min[0] : b !== min[1] ? b > min[1] : c >= min[2];
};

describe('node-cron', () => {
  it('is 4.3.0 or newer, installed and required by package.json', () => {
    const installed = (require('node-cron/package.json') as { version: string }).version;
    expect(atLeast(installed, [4, 3, 0])).toBe(true);
    const wanted = (require('../../package.json') as { dependencies: Record<string, string> }).dependencies['node-cron']!;
    expect(atLeast(wanted.replace(/^[\^~>=]+/, ''), [4, 3, 0])).toBe(true);
    expect(atLeast('4.2.9', [4, 3, 0])).toBe(false);
  });
});

// Every Ringkas process runs with the same V8 flags (adapters/node-flags.ts):
// `npm start` and the image's CMD pass them, in that order, before the script.
// A flag added to one place only would leave the other running differently.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS } from '../../adapters/node-flags.js';
import { PROJECT_ROOT } from '../support/temp-engine.js';

const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), 'utf8');

describe('node flags', () => {
  it('npm start passes them to the shell and bots', () => {
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start!;
    expect(start).toBe(['tsx', ...NODE_FLAGS, 'adapters/start.ts'].join(' '));
  });

  it("the image's CMD passes them to the built start", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read('Dockerfile'))?.[1];
    expect(JSON.parse(cmd!)).toEqual(['node', ...NODE_FLAGS, 'dist/adapters/start.js']);
  });
});

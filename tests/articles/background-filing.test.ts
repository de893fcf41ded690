// The near-duplicate check files stored articles in the background on its own in an
// idle process: it must not wait for other I/O to wake the event loop (an unref'd
// setImmediate alone does), or the first add of a quiet instance would file every
// stored article itself. Run in a child process, where nothing else wakes the loop.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/temp-engine.js';

describe('near-duplicate background filing', () => {
  it('files every stored article in a process that is otherwise idle', async () => {
    const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
    const { stdout } = await promisify(execFile)(tsx, [path.join(PROJECT_ROOT, 'tests/articles/fixtures/file-while-idle.ts')], { cwd: PROJECT_ROOT, timeout: 25_000 });
    expect(stdout.trim()).toBe('filed 300 of 300');
  });
});

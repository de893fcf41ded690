// The story index's background build runs on its own in an idle process: it must not
// wait for other I/O to wake the event loop (an unref'd setImmediate does), nor keep
// the process alive by itself. Run in a child process, where nothing else wakes the loop.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/temp-engine.js';

describe('story index background build', () => {
  it('completes in a process that is otherwise idle', async () => {
    const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
    const child = promisify(execFile)(tsx, [path.join(PROJECT_ROOT, 'tests/stories/fixtures/build-while-idle.ts')], { cwd: PROJECT_ROOT, timeout: 25_000 });
    const { stdout } = await child;
    expect(stdout.trim()).toBe('indexed 0');
  });
});

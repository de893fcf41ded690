// Runs one of scripts/*.ts as users do (`npm run x` runs tsx), with extra environment
// variables, and returns its exit code and output whether it succeeded or not.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './temp-engine.js';

const run = promisify(execFile);
const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runScript(script: string, args: readonly string[], env: Record<string, string>): Promise<ScriptResult> {
  try {
    const { stdout, stderr } = await run(TSX, [script, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as ScriptResult;
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

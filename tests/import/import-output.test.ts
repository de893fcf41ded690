// What `npm run import` prints and what the audit log keeps must be safe to show:
// a file name with terminal escapes cannot clear the screen, a symbolic link is
// named as skipped (not silently dropped), and a refused link's password and
// query string never reach the audit log.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSummary, main, runImport } from '../../scripts/import.js';
import { planImport } from '../../src/fetch/import-sources.js';
import { adminCtx, createTempEngine, userCtx, type TempEngine } from '../support/temp-engine.js';
import { asFile } from './generated-articles.js';

class Recorder {
  text = '';
  write(s: string) {
    this.text += s;
    return true;
  }
}

// Anything but a newline that a terminal would act on: C0/C1 controls and bidi overrides.
const CONTROL = /(?!\n)[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
const EVIL = '\u001b[2J\u001b[31mred\u0007\u202eevil.txt';

let folder: string;
let t: TempEngine;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'ringkas-import-out-'));
  const good = asFile(1);
  writeFileSync(path.join(folder, good.name), good.content);
  writeFileSync(path.join(folder, EVIL), 'Too short.');
  writeFileSync(path.join(folder, 'scan.pdf'), '%PDF-1.4');
  symlinkSync(path.join(folder, good.name), path.join(folder, 'linked.txt'));
  symlinkSync(path.join(folder, 'nowhere.md'), path.join(folder, 'dangling.md'));
  t = await createTempEngine({ RINGKAS_SEED_ON_EMPTY: 'false' });
});
afterAll(async () => {
  await t.cleanup();
  rmSync(folder, { recursive: true, force: true });
});

describe('npm run import output', () => {
  it('prints no control characters from file names, and names the file readably', async () => {
    const plan = await planImport(folder);
    const summary = formatSummary(`${folder}/\u001b[2J`, plan, await runImport(t.engine, plan, new Recorder()));
    expect(summary).not.toMatch(CONTROL);
    expect(summary).toContain('- \\x1B[2J\\x1B[31mred\\x07\\u202Eevil.txt: That is too short to be an article');
  });

  it('counts symbolic links as skipped, with the reason', async () => {
    const plan = await planImport(folder);
    expect(plan.skipped).toEqual([
      { label: 'dangling.md', reason: 'symbolic link, not followed' },
      { label: 'linked.txt', reason: 'symbolic link, not followed' },
      { label: 'scan.pdf', reason: 'not .txt/.md/.html' },
    ]);
    const summary = formatSummary(folder, plan, await runImport(t.engine, plan, new Recorder()));
    expect(summary).toContain('skipped     3 (symbolic link, not followed: dangling.md, linked.txt; not .txt/.md/.html: scan.pdf)');
  });

  it('a usage error naming a path with escapes prints it safely', async () => {
    const err = new Recorder();
    expect(await main([path.join(folder, 'missing\u001b[2J')], new Recorder(), err)).toBe(2);
    expect(err.text).toMatch(/does not exist/);
    expect(err.text).not.toMatch(CONTROL);
  });
});

describe('the audit log of refused links', () => {
  const url = 'http://alice:s3cret@169.254.169.254/latest/meta-data/?token=abc123&sig=xyz';

  it.each([
    ['refused by the fetch policy', adminCtx, 'failed'],
    ['refused to a non-admin', userCtx, 'refused'],
  ])('%s: keeps the host and path, drops the password and the query', async (_name, ctx, outcome) => {
    await t.engine.execute({ name: 'add', input: { kind: 'url', url } }, ctx);
    const entry = t.engine.probe().audit().at(-1)!;
    expect(entry).toMatchObject({ command: 'add', outcome });
    expect(entry.detail).not.toMatch(/alice|s3cret|abc123|xyz|token/);
    expect(entry.detail).toBe('http://[redacted]@169.254.169.254/latest/meta-data/?[redacted]');
  });
});

// Bulk import through the real engine on a temp data directory: a folder of 200
// generated files is added with progress shown, and a re-run adds none.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSummary, runImport } from '../../scripts/import.js';
import { planImport } from '../../src/fetch/import-sources.js';
import { createTempEngine, type TempEngine } from '../support/temp-engine.js';
import { asFile } from './generated-articles.js';

class Recorder {
  text = '';
  constructor(readonly isTTY = false) {}
  write(s: string) {
    this.text += s;
    return true;
  }
}

let folder: string;
let t: TempEngine;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'ringkas-import-'));
  mkdirSync(path.join(folder, 'nested'));
  for (let n = 0; n < 200; n++) {
    const { name, content } = asFile(n);
    writeFileSync(path.join(folder, n % 4 === 0 ? 'nested' : '', name), content);
  }
  writeFileSync(path.join(folder, 'scan.pdf'), '%PDF-1.4');
  writeFileSync(path.join(folder, '.DS_Store'), 'x');
  t = await createTempEngine({ RINGKAS_SEED_ON_EMPTY: 'false' });
});
afterAll(async () => {
  await t.cleanup();
  rmSync(folder, { recursive: true, force: true });
});

describe('bulk import of a folder', () => {
  it('adds all 200 files with progress on stderr, then a re-run adds none', async () => {
    const plan = await planImport(folder);
    expect(plan.kind).toBe('folder');
    expect(plan.items).toHaveLength(200);
    expect(plan.skipped).toEqual([{ label: 'scan.pdf', reason: 'not .txt/.md/.html' }]);

    const progress = new Recorder();
    const first = await runImport(t.engine, plan, progress);
    expect(first).toMatchObject({ total: 200, added: 200, duplicates: 0, failed: [] });
    expect(t.engine.probe().articleCount()).toBe(200);
    const lines = progress.text.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines[0]).toMatch(/^\[#*-*\] 1\/200 +0%/);
    expect(lines.at(-1)).toBe(`[${'#'.repeat(24)}] 200/200 100%  added 200 · duplicates 0 · failed 0`);

    const summary = formatSummary(folder, plan, first);
    expect(summary).toContain('added       200');
    expect(summary).toContain('skipped     1 (not .txt/.md/.html: scan.pdf)');

    const again = await runImport(t.engine, await planImport(folder), new Recorder());
    expect(again).toMatchObject({ total: 200, added: 0, duplicates: 200, failed: [] });
    expect(t.engine.probe().articleCount()).toBe(200);
  }, 120_000);

  it('redraws one line in place on a terminal', async () => {
    const one = path.join(folder, 'article-3.txt');
    const tty = new Recorder(true);
    const s = await runImport(t.engine, await planImport(one), tty);
    expect(s).toMatchObject({ total: 1, duplicates: 1 });
    expect(tty.text.startsWith(`\r\u001b[2K[${'#'.repeat(24)}] 1/1 100%`)).toBe(true);
    expect(tty.text.endsWith('\n')).toBe(true);
  });
});

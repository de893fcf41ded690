import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ShellDeliverer } from '../../adapters/shell/shell-deliverer.js';
import type { Reply } from '../../src/model/reply.js';

const terminal = { platform: 'shell' as const, workspace: 'local', channel: 'terminal' };
const reply: Reply = {
  kind: 'roundup',
  preview: false,
  roundup: {
    period: '9–16 Nov 2026',
    since: '2026-11-09T02:00:00.000Z',
    until: '2026-11-16T02:00:00.000Z',
    lines: [{ storyId: 's1', topic: 'IJEPA', headline: 'Deal signed', point: 'Tariffs fall', sources: [{ source: 'Kompas', language: 'id', link: null }] }],
    more: 2,
    moreHint: { command: 'brief', args: 'ijepa' },
  },
};

describe('ShellDeliverer', () => {
  it('prints the roundup as text', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    expect(await new ShellDeliverer(out).deliver(terminal, reply)).toEqual({ ok: true });
    expect(text).toContain('Weekly roundup · 9–16 Nov 2026');
    expect(text).toContain('[IJEPA] Deal signed — Tariffs fall (Kompas (ID))');
    expect(text).toContain('and 2 more: /brief ijepa');
  });

  it('refuses other platforms and a closed terminal, permanently', async () => {
    const out = new PassThrough();
    const d = new ShellDeliverer(out);
    expect(await d.deliver({ ...terminal, platform: 'slack' }, reply)).toMatchObject({ ok: false, failure: { kind: 'permanent' } });
    out.end();
    expect(await d.deliver(terminal, reply)).toEqual({ ok: false, failure: { kind: 'permanent', reason: 'the terminal is closed' } });
  });
});

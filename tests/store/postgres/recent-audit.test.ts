// The audit entries an instance keeps: in seq order whatever order they arrive in, each once, the newest `limit`.
import { describe, expect, it } from 'vitest';
import { RecentAudit } from '../../../src/store/postgres/recent-audit.js';
import type { AuditEntry } from '../../../src/store/store-schema.js';

const entry = (detail: string): AuditEntry => ({ at: '2026-11-02T03:04:05.000Z', platform: 'slack', actor: 'U1', command: 'add', detail, outcome: 'ok' });
const details = (a: RecentAudit) => a.list().map((e) => e.detail);

describe('RecentAudit', () => {
  it('keeps entries in seq order as they arrive out of order, each once, and only the newest `limit`', () => {
    const a = new RecentAudit(4);
    a.replace([3, 1, 2].map((seq) => ({ seq, entry: entry(`e${seq}`) })));
    expect(details(a)).toEqual(['e1', 'e2', 'e3']);
    a.put(6, entry('e6'));
    a.put(5, entry('e5'));
    a.put(5, entry('again'));
    expect(details(a)).toEqual(['e2', 'e3', 'e5', 'e6']);
    a.put(1, entry('e1'));
    expect(details(a)).toEqual(['e2', 'e3', 'e5', 'e6']);
    a.put(4, entry('e4'));
    expect(details(a)).toEqual(['e3', 'e4', 'e5', 'e6']);
  });
});

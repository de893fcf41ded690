// One Ringkas instance for the process-level test (a child process): the real Engine
// on the shared PostgreSQL database, posting roundups to the test's loopback
// "platform". Its clock is the test's: a fixed clock the parent moves with each
// "pass" message, given to Engine.open like any clock (production code has no
// hook for it: this file is the hook, and it lives in tests/).
import { fixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/engine.js';
import type { Deliverer } from '../../src/model/delivery.js';
import { PROJECT_ROOT } from '../support/temp-engine.js';

export type ToInstance =
  | { kind: 'subscribe'; from: number; count: number }
  | { kind: 'count' }
  | { kind: 'pass'; at: string };
export type FromInstance =
  | { kind: 'ready' }
  | { kind: 'subscribed'; ids: string[] }
  | { kind: 'counted'; subscriptions: number }
  | { kind: 'passed'; due: number; delivered: number; elsewhere: number };

const name = process.env.INSTANCE_NAME ?? 'instance';
const platformUrl = process.env.PLATFORM_URL!;
const clock = fixedClock(process.env.CLOCK_START!);
const config = loadConfig({
  env: { RINGKAS_DATABASE_URL: process.env.DATABASE_URL!, RINGKAS_SEED_ON_EMPTY: 'false', RINGKAS_DATA_DIR: process.env.DATA_DIR!, RINGKAS_LOG_LEVEL: 'silent' },
  cwd: PROJECT_ROOT,
  envFile: null,
});
const engine = await Engine.open({ config, clock });

const deliverer: Deliverer = {
  platform: 'slack',
  async deliver(target, _reply, options) {
    const res = await fetch(platformUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ instance: name, channel: target.channel, key: options?.key }) });
    return res.ok ? { ok: true } : { ok: false, failure: { kind: 'transient', reason: `HTTP ${res.status}` } };
  },
};

const ZONES = ['Asia/Jakarta', 'Europe/London', 'America/New_York', 'Asia/Tokyo'];
const TIMES = ['09:00', '13:30', '20:15', '06:45'];
const send = (m: FromInstance) => process.send!(m);

process.on('message', (m: ToInstance) => {
  void (async () => {
    const roundups = engine.probe().roundups();
    if (m.kind === 'subscribe') {
      const ids: string[] = [];
      // Sixteen at a time, as channels subscribing at once would.
      for (let from = m.from; from < m.from + m.count; from += 16) {
        const batch = Array.from({ length: Math.min(16, m.from + m.count - from) }, (_, n) => from + n);
        const made = await Promise.all(
          batch.map((i) => {
            const input = { weekday: (i % 7) + 1, time: TIMES[i % TIMES.length], timezone: ZONES[(i >> 2) % ZONES.length] };
            return roundups.subscribe({ platform: 'slack', workspace: 'T1', channel: `C${i}` }, input, 'U1');
          }),
        );
        ids.push(...made.map((s) => s.id));
      }
      send({ kind: 'subscribed', ids });
    } else if (m.kind === 'count') {
      send({ kind: 'counted', subscriptions: engine.probe().subscriptions().length });
    } else {
      clock.set(m.at);
      const r = await roundups.deliverDue([deliverer]);
      send({ kind: 'passed', due: r.due, delivered: r.delivered, elsewhere: r.elsewhere });
    }
  })();
});
process.on('disconnect', () => void engine.close().finally(() => process.exit(0)));
send({ kind: 'ready' });

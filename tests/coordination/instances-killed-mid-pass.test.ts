// Process level (issue 14): three instances as child processes on one PostgreSQL
// database run passes over four simulated weeks for 2,000 subscriptions (8,000
// roundups); in the third week one is killed with SIGKILL in the middle of a pass,
// right after the platform accepted one of its roundups. Counted at the fake platform,
// by delivery key: every (subscription, slot) arrives, once as the platform keeps
// messages (it de-duplicates by key, as Discord's nonce does); the only raw re-sends
// are the killed instance's sends it could not record, re-sent with the same key.
// Read from the database: the killed instance's claims stay its own until the lease
// has run out (on the instances' clock, which the test moves), then survivors take
// them over and complete them; at the end every roundup claim is completed.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { CLAIM_LEASE_MS } from '../../src/coordination/held-claim.js';
import { freshDatabaseUrl } from '../support/postgres-database.js';
import { PROJECT_ROOT } from '../support/temp-engine.js';
import type { FromInstance, ToInstance } from './roundup-instance.js';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
// A Monday; no daylight-saving change in any of the instances' zones in the four weeks after.
const START = Date.parse('2026-11-09T00:00:00Z');
const SUBSCRIPTIONS = 2000;
const WEEKS = 4;
// A pass every six hours: each has 50-90 roundups due (a slot is due at the first pass after it).
const PASS_EVERY = 6 * HOUR;
// Week three, Tuesday 12:00 UTC: a pass with ~90 due; b dies right after the platform accepted its 5th.
const KILL_PASS = START + 2 * WEEK + DAY + 12 * HOUR;
const KILL_AT_POST = 5;

interface Post {
  instance: string;
  key: string;
}

class Instance {
  private readonly waiting: ((m: FromInstance | null) => void)[] = [];
  /** Messages that arrived while no one waited (e.g. "ready" while the test awaited another instance). */
  private readonly arrived: FromInstance[] = [];
  exited = false;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    child.on('message', (m: FromInstance) => {
      const waiter = this.waiting.shift();
      if (waiter) waiter(m);
      else this.arrived.push(m);
    });
    child.on('exit', () => {
      this.exited = true;
      for (const w of this.waiting.splice(0)) w(null);
    });
  }

  /** The next message, or null once the process is gone. */
  next(): Promise<FromInstance | null> {
    const early = this.arrived.shift();
    if (early) return Promise.resolve(early);
    if (this.exited) return Promise.resolve(null);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  ask(m: ToInstance): Promise<FromInstance | null> {
    const answer = this.next();
    if (!this.exited) this.child.send(m);
    return answer;
  }
}

type Passed = Extract<FromInstance, { kind: 'passed' }>;

const children: ChildProcess[] = [];
/** The instances' data folders: made here, since a child killed with SIGKILL cannot remove its own. */
const dataDirs: string[] = [];
let platform: http.Server | null = null;
let db: pg.Pool | null = null;
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.disconnect();
  await new Promise((r) => setTimeout(r, 200));
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await new Promise<void>((resolve) => (platform ? platform.close(() => resolve()) : resolve()));
  await db?.end();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/** Roundup claims as the database has them now: key → owner's process id and whether completed. */
async function roundupClaims(pool: pg.Pool): Promise<Map<string, { pid: number; completed: boolean }>> {
  const { rows } = await pool.query<{ key: string; owner: string; completed: boolean }>(
    "SELECT key, owner, completed_at IS NOT NULL AS completed FROM coordination_claims WHERE key LIKE 'roundup:%'",
  );
  // Owners are <host>/<pid>/<random> (src/coordination/instance-owner.ts).
  return new Map(rows.map((r) => [r.key.slice('roundup:'.length), { pid: Number(r.owner.split('/').at(-2)), completed: r.completed }]));
}

/** The slot a delivery key names ("<subscription>-<yyyyMMddHHmm> UTC"), as epoch ms. */
function slotOf(key: string): number {
  const s = key.slice(key.lastIndexOf('-') + 1);
  return Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8), +s.slice(8, 10), +s.slice(10, 12));
}

describe('instances as processes on one database', () => {
  it('one killed with SIGKILL mid-pass in week three: 2,000 subscriptions × four weeks delivered once each', { timeout: 300_000 }, async () => {
    const posts: Post[] = [];
    let victim: Instance | null = null;
    let victimPosts = 0;
    let fatal: Post | null = null;
    const received = new Set<string>();
    /** Posts whose key the platform had received before. */
    const twice: Post[] = [];
    let victimSending = () => {};
    platform = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        const post = JSON.parse(body) as Post;
        posts.push(post);
        if (received.has(post.key)) twice.push(post);
        received.add(post.key);
        if (victim && post.instance === victim.name && ++victimPosts === 1) victimSending();
        if (victim && post.instance === victim.name && victimPosts === KILL_AT_POST) {
          // Accepted, and the sender dies before it can record the delivery.
          fatal = post;
          victim.child.kill('SIGKILL');
          res.destroy();
          return;
        }
        res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => platform!.listen(0, '127.0.0.1', resolve));
    const platformUrl = `http://127.0.0.1:${(platform.address() as AddressInfo).port}/`;
    const databaseUrl = await freshDatabaseUrl();
    db = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    const loader = pathToFileURL(path.join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

    const start = (name: string) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'ringkas-instance-'));
      dataDirs.push(dataDir);
      const child = fork(path.join(PROJECT_ROOT, 'tests/coordination/roundup-instance.ts'), [], {
        execArgv: ['--import', loader],
        env: { ...process.env, INSTANCE_NAME: name, PLATFORM_URL: platformUrl, CLOCK_START: new Date(START).toISOString(), DATABASE_URL: databaseUrl, DATA_DIR: dataDir },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      children.push(child);
      return new Instance(name, child);
    };
    // The first instance migrates the new database; the others then start together.
    const first = start('a');
    expect(await first.next()).toEqual({ kind: 'ready' });
    const instances = [first, start('b'), start('c')];
    for (const i of instances.slice(1)) expect(await i.next()).toEqual({ kind: 'ready' });
    const [a, b, c] = instances as [Instance, Instance, Instance];

    // Each instance subscribes a third of the channels; all then see all of them.
    const third = Math.ceil(SUBSCRIPTIONS / 3);
    const subscribed = await Promise.all(
      instances.map((i, n) => i.ask({ kind: 'subscribe', from: n * third, count: Math.min(third, SUBSCRIPTIONS - n * third) })),
    );
    const ids = subscribed.flatMap((s) => (s?.kind === 'subscribed' ? s.ids : []));
    expect(new Set(ids).size).toBe(SUBSCRIPTIONS);
    for (const i of instances) {
      for (let n = 0; n < 1000; n++) {
        const c = await i.ask({ kind: 'count' });
        if (c?.kind === 'counted' && c.subscriptions === SUBSCRIPTIONS) break;
        await new Promise((r) => setTimeout(r, 10));
      }
    }

    const passOn = (i: Instance, at: number): Promise<Passed | null> => i.ask({ kind: 'pass', at: new Date(at).toISOString() }).then((r) => (r?.kind === 'passed' ? r : null));
    const pass = (at: number): Promise<(Passed | null)[]> => Promise.all(instances.filter((i) => !i.exited).map((i) => passOn(i, at)));
    const end = START + WEEKS * WEEK;
    let afterKill = -1;
    let orphaned: string[] = [];
    for (let at = START + PASS_EVERY; at <= end; at += PASS_EVERY) {
      if (at !== KILL_PASS) {
        await pass(at);
        // Outside the kill's aftermath, no key ever reaches the platform twice.
        if (afterKill < 0) expect(twice, new Date(at).toISOString()).toEqual([]);
        continue;
      }
      // b starts the pass; once it is sending (its first batch of claims is its own),
      // a and c start theirs, and the three work through the pass together.
      victim = b;
      const sending = new Promise<void>((resolve) => (victimSending = resolve));
      const killed = passOn(b, at);
      await sending;
      const reports = await Promise.all([killed, passOn(a, at), passOn(c, at)]);
      afterKill = posts.length;
      // b died inside this pass: it never answered it; the other two finished theirs.
      expect(b.exited).toBe(true);
      expect(reports.filter((r) => r === null)).toHaveLength(1);
      expect(reports.filter((r) => r !== null)).toHaveLength(2);

      // What b had claimed and not completed: the roundup the platform accepted, and any other of its sends in flight.
      const claims = await roundupClaims(db);
      orphaned = [...claims].filter(([, c]) => c.pid === b.child.pid && !c.completed).map(([key]) => key);
      expect(orphaned.length).toBeGreaterThanOrEqual(1);
      expect(orphaned.length).toBeLessThanOrEqual(16);
      expect(orphaned).toContain(fatal!.key);

      // A second before the lease runs out: the survivors leave b's claims alone.
      const early = await pass(at + CLAIM_LEASE_MS - 1000);
      expect(early.map((r) => r?.delivered)).toEqual([0, 0]);
      expect(early.every((r) => r !== null && r.elsewhere >= orphaned.length)).toBe(true);
      expect(posts.length).toBe(afterKill);
      const still = await roundupClaims(db);
      for (const key of orphaned) expect(still.get(key)).toEqual({ pid: b.child.pid, completed: false });

      // A second after: they take each over once, send it, and complete it.
      const late = await pass(at + CLAIM_LEASE_MS + 1000);
      expect(late.reduce((n, r) => n + (r?.delivered ?? 0), 0)).toBe(orphaned.length);
      expect(posts.slice(afterKill).map((p) => p.key).sort()).toEqual([...orphaned].sort());
      const taken = await roundupClaims(db);
      for (const key of orphaned) {
        expect(taken.get(key)?.completed, key).toBe(true);
        expect(taken.get(key)?.pid, key).not.toBe(b.child.pid);
      }
      victim = null;
    }
    expect(afterKill).toBeGreaterThan(0);

    // As the platform keeps them (one message per key): every subscription, every week, once.
    const byKey = new Map<string, Post[]>();
    for (const p of posts) byKey.set(p.key, [...(byKey.get(p.key) ?? []), p]);
    expect(byKey.size).toBe(SUBSCRIPTIONS * WEEKS);
    const bySubscription = new Map<string, number[]>();
    for (const key of byKey.keys()) {
      const id = key.slice(0, key.lastIndexOf('-'));
      bySubscription.set(id, [...(bySubscription.get(id) ?? []), slotOf(key)]);
    }
    expect([...bySubscription.keys()].sort()).toEqual([...ids].sort());
    for (const [id, slots] of bySubscription) {
      // Its four weekly slots: the first in the first week (after the start), then one a week, none twice or skipped.
      const [s0, ...rest] = slots.sort((x, y) => x - y);
      expect(s0! > START && s0! <= START + WEEK, id).toBe(true);
      expect(rest.map((s, n) => s - (n === 0 ? s0! : rest[n - 1]!)), id).toEqual([WEEK, WEEK, WEEK]);
    }
    // Raw re-sends: only roundups b had sent and not recorded, each re-sent once by a survivor.
    const resent = [...byKey.values()].filter((ps) => ps.length > 1);
    expect(resent.length).toBeGreaterThanOrEqual(1);
    for (const ps of resent) {
      expect(ps.map((p) => p.instance === 'b')).toEqual([true, false]);
      expect(orphaned).toContain(ps[0]!.key);
    }
    expect(posts.length).toBe(SUBSCRIPTIONS * WEEKS + resent.length);
    // The database agrees: every roundup claim completed, by one of the three instances.
    const final = await roundupClaims(db);
    expect(final.size).toBe(SUBSCRIPTIONS * WEEKS);
    expect([...final.values()].every((c) => c.completed)).toBe(true);
    // Each survivor did part of the work after the kill too.
    expect(new Set(posts.slice(afterKill).map((p) => p.instance))).toEqual(new Set(['a', 'c']));
  });
});

// Process level: three instances as child processes on one PostgreSQL database run
// passes over four simulated weeks for 200 subscriptions; one is killed
// with SIGKILL in the middle of a pass, right after the platform accepted one of its
// roundups. Every (subscription, slot) reaches the platform, once as the platform
// keeps messages (it de-duplicates by key, as Discord's nonce does); the only raw
// re-sends are the killed instance's sends in flight, re-sent with the same key.
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../support/postgres-database.js';
import { PROJECT_ROOT } from '../support/temp-engine.js';
import type { FromInstance, ToInstance } from './roundup-instance.js';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const START = '2026-11-09T00:00:00Z';
const SUBSCRIPTIONS = 200;
const WEEKS = 4;

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

const children: ChildProcess[] = [];
let platform: http.Server | null = null;
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.disconnect();
  await new Promise((r) => setTimeout(r, 200));
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await new Promise<void>((resolve) => (platform ? platform.close(() => resolve()) : resolve()));
});

describe('instances as processes on one database', () => {
  it('one killed with SIGKILL mid-pass: every (subscription, slot) delivered once over four weeks', { timeout: 600_000 }, async () => {
    const posts: Post[] = [];
    let victim: Instance | null = null;
    let killAt = Number.POSITIVE_INFINITY;
    let victimPosts = 0;
    platform = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        const post = JSON.parse(body) as Post;
        posts.push(post);
        if (victim && post.instance === victim.name && ++victimPosts >= killAt) {
          // Accepted, and the sender dies before it can record the delivery.
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
    const loader = pathToFileURL(path.join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

    const start = (name: string) => {
      const child = fork(path.join(PROJECT_ROOT, 'tests/coordination/roundup-instance.ts'), [], {
        execArgv: ['--import', loader],
        env: { ...process.env, INSTANCE_NAME: name, PLATFORM_URL: platformUrl, CLOCK_START: START, DATABASE_URL: databaseUrl },
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

    const subscribed = await first.ask({ kind: 'subscribe', from: 0, count: SUBSCRIPTIONS });
    const ids = subscribed?.kind === 'subscribed' ? subscribed.ids : [];
    expect(ids).toHaveLength(SUBSCRIPTIONS);
    for (const i of instances) {
      for (let n = 0; n < 500; n++) {
        const c = await i.ask({ kind: 'count' });
        if (c?.kind === 'counted' && c.subscriptions === SUBSCRIPTIONS) break;
        await new Promise((r) => setTimeout(r, 10));
      }
    }

    const end = Date.parse(START) + WEEKS * 7 * DAY;
    // Passes every six simulated hours (a slot is due at the first pass after it), so
    // each pass has several roundups to send; the minute passes of production add nothing here.
    for (let at = Date.parse(START) + 6 * HOUR; at <= end; at += 6 * HOUR) {
      // From the second week on, instance b dies right after the platform accepted its 5th roundup, inside a pass.
      if (at === Date.parse(START) + 8 * DAY) {
        victim = instances[1]!;
        killAt = 5;
        victimPosts = 0;
      }
      await Promise.all(instances.filter((i) => !i.exited).map((i) => i.ask({ kind: 'pass', at: new Date(at).toISOString() })));
    }

    expect(instances[1]!.exited).toBe(true);
    expect(instances.filter((i) => !i.exited)).toHaveLength(2);
    // As the platform keeps them (one message per key): every subscription, every week, once.
    const keys = new Set(posts.map((p) => p.key));
    for (const id of ids) expect([...keys].filter((k) => k.startsWith(`${id}-`)), id).toHaveLength(WEEKS);
    expect(keys.size).toBe(SUBSCRIPTIONS * WEEKS);
    // Raw re-sends: only keys the killed instance had sent, each re-sent once by a survivor.
    const counts = new Map<string, Post[]>();
    for (const p of posts) counts.set(p.key, [...(counts.get(p.key) ?? []), p]);
    const resent = [...counts.values()].filter((ps) => ps.length > 1);
    expect(resent.length).toBeGreaterThan(0);
    for (const ps of resent) {
      expect(ps).toHaveLength(2);
      expect(ps[0]!.instance).toBe('b');
      expect(ps[1]!.instance).not.toBe('b');
    }
    // No more than the killed instance's sends in flight (8 workers) went out twice.
    expect(resent.length).toBeLessThanOrEqual(8);
    // Each survivor did part of the work after the kill too.
    expect(new Set(posts.slice(-50).map((p) => p.instance)).size).toBe(2);
  });
});

// Slack figures: 1,000 signed /brief requests at concurrency 20 through the real Bolt
// HTTP receiver on loopback, against a 10,000-article synthetic store. Prints p50/p95
// request-to-ack latency, errors, and how many look-ups missed the in-ack deadline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { startSlack } from '../../adapters/slack/start-slack.js';
import { readSlackConfig } from '../../adapters/slack/slack-config.js';
import { loadConfig, type Config } from '../../src/config.js';
import { Engine } from '../../src/engine.js';
import { silentLogger } from '../../src/logger.js';
import type { CommandContext } from '../../src/model/actor.js';
import { FakeSlackApi } from '../../tests/platform/fake-slack-api.js';
import { ms, percentile } from './stats.js';
import { generateCorpus } from './synthetic-corpus.js';

const SECRET = 'bench-signing-secret';
const TOTAL = 1000;
const CONCURRENCY = 20;
const STORE_SIZE = 10_000;
const QUERIES = ['ijepa', 'biofuel', 'electric motorcycle', 'kendaraan listrik', 'bioetanol', 'net zero', 'car ownership', 'midec', 'topics', 'Toyota hydrogen', 'battery recyling', 'supply chain Karawang'];
const admin: CommandContext = { actor: { platform: 'shell', id: 'bench', isAdmin: true } };

async function fill(engine: Engine, n: number): Promise<void> {
  for (let i = 0; i < n; i += 50) {
    const raws = generateCorpus(Math.min(50, n - i), i);
    await Promise.all(raws.map((raw) => engine.execute({ name: 'add', input: { kind: 'text', text: raw.text } }, admin)));
  }
}

/**
 * The load generator runs in a worker thread (plain JS, no imports from the project) so
 * its own CPU does not sit on the event loop being measured, as Slack's would not.
 */
const CLIENT = `
const { workerData, parentPort } = require('node:worker_threads');
const { createHmac } = require('node:crypto');
const { port, secret, total, concurrency, queries, responseBase } = workerData;
const latencies = [];
let errors = 0, next = 0;
async function one(i) {
  const body = new URLSearchParams({ team_id: 'T0001', channel_id: 'C0001', user_id: 'U' + (1000 + (i % 50)), user_name: 'bench',
    command: '/brief', text: queries[i % queries.length], response_url: responseBase + 'bench-' + i, trigger_id: 'bench.' + i }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = 'v0=' + createHmac('sha256', secret).update('v0:' + ts + ':' + body).digest('hex');
  const t0 = performance.now();
  try {
    const res = await fetch('http://127.0.0.1:' + port + '/slack/events', { method: 'POST', body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature } });
    const json = await res.json();
    latencies.push(performance.now() - t0);
    if (res.status !== 200 || !json.text) errors += 1;
  } catch { errors += 1; }
}
async function worker() { while (next < total) await one(next++); }
const w0 = performance.now();
Promise.all(Array.from({ length: concurrency }, worker)).then(() => parentPort.postMessage({ latencies, errors, wallMs: performance.now() - w0 }));
`;

interface LoadResult {
  latencies: number[];
  errors: number;
  wallMs: number;
}

function runLoad(port: number, responseBase: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT, { eval: true, workerData: { port, secret: SECRET, total: TOTAL, concurrency: CONCURRENCY, queries: QUERIES, responseBase } });
    worker.once('message', (m: LoadResult) => {
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', reject);
  });
}

/** Runs the load against an engine that already holds the store; prints the figures. */
export async function measureSlack(config: Config, engine: Engine, fake: FakeSlackApi, print: (line: string) => void): Promise<void> {
  const slack = await startSlack({ config, slack: readSlackConfig(config.env)!, engine, logger: silentLogger, listen: { port: 0, host: '127.0.0.1' } });
  try {
    fake.calls.length = 0;
    const { latencies, errors, wallMs } = await runLoad(slack.port!, fake.responseUrl(''));
    const late = fake.calls.filter((c) => c.method.startsWith('response_url:')).length;
    print(`${TOTAL} signed /brief requests, concurrency ${CONCURRENCY}, real Bolt HTTP receiver on loopback, ${engine.probe().articleCount().toLocaleString('en')}-article store`);
    print(`request-to-ack: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(Math.max(...latencies))} (deadline 3000 ms)`);
    print(`errors: ${errors}; acked first and answered via response_url: ${late}; throughput ${(TOTAL / (wallMs / 1000)).toFixed(0)} req/s`);
  } finally {
    await slack.stop();
  }
}

export default async function slackBench(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ringkas-slack-bench-'));
  const fake = await new FakeSlackApi().start();
  let engine: Engine | null = null;
  try {
    const config = loadConfig({
      env: { RINGKAS_DATA_DIR: dir, RINGKAS_SEED_ON_EMPTY: 'false', RINGKAS_SLACK_BOT_TOKEN: 'xoxb-bench', RINGKAS_SLACK_SIGNING_SECRET: SECRET, RINGKAS_SLACK_API_URL: fake.apiUrl },
      envFile: null,
    });
    engine = await Engine.open({ config });
    const f0 = performance.now();
    await fill(engine, STORE_SIZE);
    print(`store: ${engine.probe().articleCount().toLocaleString('en')} synthetic articles in ${ms(performance.now() - f0)}`);
    await measureSlack(config, engine, fake, print);
  } finally {
    await engine?.close();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

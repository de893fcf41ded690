// A fake Slack Web API on 127.0.0.1 that records every call. The real Bolt app and
// WebClient talk to it (clientOptions.slackApiUrl); tests assert on what arrived.
// It can be told to fail a method once or always (429 + Retry-After, HTTP 5xx, or a
// Slack error such as channel_not_found). response_url posts are recorded too.
// It also speaks Socket Mode: apps.connections.open hands out a ws:// URL on the same
// port, the fake says hello, and sendEnvelope() delivers a payload and returns the ack.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** Whether a bearer token came with the call (the token itself is never kept). */
  authorized: boolean;
  at: number;
}

export type Failure = { status: 429; retryAfter: number } | { status: 500 | 502 | 503 } | { error: string };

export interface FakeUser {
  id: string;
  name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata']);

export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly users = new Map<string, FakeUser>();
  /** Added to every answer's latency, to test slow platforms. */
  delayMs = 0;
  private readonly failures = new Map<string, { failure: Failure; times: number }>();
  private readonly events = new EventEmitter();
  private server: Server | null = null;
  private port = 0;
  private ts = 1_700_000_000;
  private wss: WebSocketServer | null = null;
  private socket: WebSocket | null = null;
  private envelopes = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: '/socket' });
    this.wss.on('connection', (socket) => {
      this.socket = socket;
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0001' }, debug_info: { host: 'fake' } }));
      this.events.emit('socket');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    for (const client of this.wss?.clients ?? []) client.terminate();
    this.wss?.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Base URL for WebClient's slackApiUrl (ends with a slash). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response_url for a slash command or an action; posts to it are recorded as `response_url:<id>`. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${encodeURIComponent(id)}`;
  }

  /** Resolves when a Socket Mode client has connected (and been greeted). */
  waitForSocket(timeoutMs = 5000): Promise<void> {
    if (this.socket) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no Socket Mode connection')), timeoutMs);
      this.events.once('socket', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Sends a Socket Mode envelope; resolves with the payload of the app's ack. */
  sendEnvelope(type: 'slash_commands' | 'interactive', payload: Record<string, unknown>, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new Error('no Socket Mode connection'));
    const id = `env-${(this.envelopes += 1)}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for ${id}`)), timeoutMs);
      const onMessage = (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as { envelope_id?: string; payload?: Record<string, unknown> };
        if (message.envelope_id !== id) return;
        clearTimeout(timer);
        socket.off('message', onMessage);
        resolve(message.payload ?? {});
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: true, retry_attempt: 0, retry_reason: '' }));
    });
  }

  /** Fails the next `times` calls of `method` (Infinity: until cleared). */
  fail(method: string, failure: Failure, times = 1): void {
    this.failures.set(method, { failure, times });
  }

  clearFailures(): void {
    this.failures.clear();
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once `method` has been called `count` times in all; rejects after `timeoutMs`. */
  waitFor(method: string, count = 1, timeoutMs = 5000): Promise<RecordedCall[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.callsTo(method);
        if (found.length >= count) {
          clearTimeout(timer);
          this.events.off('call', check);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        this.events.off('call', check);
        reject(new Error(`timed out waiting for ${count} × ${method}; saw ${this.calls.map((c) => c.method).join(', ')}`));
      }, timeoutMs);
      this.events.on('call', check);
      check();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = url.pathname.startsWith('/response/')
      ? `response_url:${decodeURIComponent(url.pathname.slice('/response/'.length))}`
      : url.pathname.replace(/^\/api\//, '');
    const params = parseParams(raw, String(req.headers['content-type'] ?? ''));
    const authorized = /^Bearer \S+/.test(String(req.headers.authorization ?? '')) || typeof params.token === 'string';
    delete params.token;
    this.calls.push({ method, params, authorized, at: Date.now() });
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));

    const failure = this.takeFailure(method);
    if (failure && 'status' in failure) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failure.status === 429) headers['retry-after'] = String(failure.retryAfter);
      res.writeHead(failure.status, headers).end(JSON.stringify({ ok: false, error: failure.status === 429 ? 'ratelimited' : 'internal_error' }));
    } else if (failure) {
      send(res, { ok: false, error: failure.error });
    } else {
      send(res, this.answer(method, params));
    }
    this.events.emit('call');
  }

  private takeFailure(method: string): Failure | null {
    const entry = this.failures.get(method);
    if (!entry) return null;
    entry.times -= 1;
    if (entry.times <= 0) this.failures.delete(method);
    return entry.failure;
  }

  private answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    if (method.startsWith('response_url:')) return { ok: true };
    switch (method) {
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'ringkas', team_id: 'TFAKE', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'users.info': {
        const user = this.users.get(String(params.user));
        return user ? { ok: true, user: { name: user.id.toLowerCase(), ...user } } : { ok: false, error: 'user_not_found' };
      }
      case 'chat.postMessage':
        return { ok: true, channel: params.channel, ts: `${(this.ts += 1)}.000100`, message: { text: params.text } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${(this.ts += 1)}.000200` };
      case 'views.open':
        return { ok: true, view: { id: `V${(this.ts += 1)}` } };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(params.users ?? 'X')}` } };
      default:
        return { ok: true };
    }
  }
}

function send(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseParams(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = JSON_FIELDS.has(key) ? tryJson(value) : value;
  }
  return out;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

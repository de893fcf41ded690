// A fake Discord (REST + gateway) on 127.0.0.1 that a real discord.js Client can log in to.
// It records every request and gateway payload so tests assert on what the bot actually sent.
import { botMessage } from './discord-message.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** HTTP status the fake answered with. */
  status: number;
}

export interface GatewayPayload {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

/** A scripted failure for channel posts: status plus Discord's JSON error code. */
export interface ChannelFailure {
  status: number;
  code: number;
  message: string;
}

/** A channel post as Discord saw it: its nonce, and whether it created a message. */
export interface ChannelPost {
  channelId: string;
  nonce: string | number | null;
  enforceNonce: boolean;
  messageId: string;
  /** false when Discord returned an earlier message for the same nonce instead of creating one. */
  created: boolean;
}

/** How long Discord remembers an enforced nonce ("the past few minutes"). */
export const NONCE_WINDOW_MS = 5 * 60_000;

const API_PREFIX = '/api/v10';

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly received: GatewayPayload[] = [];
  readonly botId = '900000000000000001';
  readonly appId = '900000000000000002';
  private server: Server;
  private wss: WebSocketServer;
  private socket: WebSocket | null = null;
  private seq = 0;
  private sessionId = 'fake-session-1';
  private files = new Map<string, { content: Buffer; contentType: string }>();
  private rateLimitNext = new Set<string>();
  private channelFailures = new Map<string, ChannelFailure>();
  private messageCounter = 0;
  /** Every successful channel post, in order. */
  readonly posts: ChannelPost[] = [];
  private nonces = new Map<string, { message: unknown; messageId: string; at: number }>();
  private waiters: (() => void)[] = [];
  private identifyCloseCode: number | null = null;
  private advertisedGateway: string | null = null;

  private constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (ws) => this.onGatewayConnection(ws));
  }

  static async start(): Promise<FakeDiscord> {
    const fake = new FakeDiscord();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  /** What to pass as discord.js `rest.api`. */
  get apiUrl(): string {
    return `${this.origin}/api`;
  }
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Serves a file on loopback (stands in for Discord's attachment CDN) and returns its URL. */
  serveFile(name: string, content: string | Buffer, contentType = 'text/plain; charset=utf-8'): string {
    this.files.set(name, { content: Buffer.isBuffer(content) ? content : Buffer.from(content), contentType });
    return `${this.origin}/attachments/${encodeURIComponent(name)}`;
  }

  /** The next message posted to this channel gets 429 with retry_after, once. */
  rateLimitNextMessage(channelId: string): void {
    this.rateLimitNext.add(channelId);
  }

  /** Every post to this channel fails like Discord would (e.g. 404 + 10003 Unknown Channel). */
  failChannel(channelId: string, failure: ChannelFailure | null): void {
    if (failure) this.channelFailures.set(channelId, failure);
    else this.channelFailures.delete(channelId);
  }

  /** Requests whose path (after /api/v10) matches. */
  find(method: string, pathPattern: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && pathPattern.test(r.path));
  }

  channelMessages(channelId: string): RecordedRequest[] {
    return this.find('POST', new RegExp(`^/channels/${channelId}/messages$`)).filter((r) => r.status === 200);
  }

  /** Messages that exist in the channel: posts Discord de-duplicated by nonce are not counted. */
  createdMessages(channelId: string): ChannelPost[] {
    return this.posts.filter((p) => p.channelId === channelId && p.created);
  }

  callbacks(interactionId: string): RecordedRequest[] {
    return this.find('POST', new RegExp(`^/interactions/${interactionId}/[^/]+/callback$`));
  }

  /** Posts, follow-ups and edits that went through an interaction token. */
  webhookMessages(token: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith(`/webhooks/${this.appId}/${token}`) && r.method !== 'GET');
  }

  /** Resolves when `predicate` holds, re-checking on every request or gateway payload. */
  async waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 5_000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake-discord: timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 25));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Sends a gateway dispatch (e.g. INTERACTION_CREATE) to the connected bot. */
  dispatch(t: string, d: unknown): void {
    if (!this.socket) throw new Error('fake-discord: no gateway connection');
    this.send({ op: 0, t, s: ++this.seq, d });
  }

  /**
   * Drops the gateway connection; the client should RESUME. A close code models Discord
   * closing the session; `'reset'` cuts the TCP connection with no close frame (a network blip).
   */
  dropGateway(how: number | 'reset' = 4000): void {
    if (how === 'reset') this.socket?.terminate();
    else this.socket?.close(how, 'fake drop');
    this.socket = null;
  }

  /** Answers the next IDENTIFY by closing with this code (4004: token revoked; 4010–4014: other fatal closes). */
  closeOnIdentify(code: number | null): void {
    this.identifyCloseCode = code;
  }

  /** Hands out this URL from GET /gateway/bot instead of the fake's own (e.g. a port nobody listens on). */
  advertiseGateway(url: string | null): void {
    this.advertisedGateway = url;
  }

  get connected(): boolean {
    return this.socket !== null;
  }

  async stop(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private notify(): void {
    const waiters = this.waiters.splice(0);
    for (const w of waiters) w();
  }

  // ---- gateway ----

  private onGatewayConnection(ws: WebSocket): void {
    this.socket = ws;
    ws.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as GatewayPayload;
      this.received.push(payload);
      this.onGatewayPayload(ws, payload);
      this.notify();
    });
    ws.on('close', () => {
      if (this.socket === ws) this.socket = null;
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
  }

  private onGatewayPayload(ws: WebSocket, payload: GatewayPayload): void {
    if (ws !== this.socket) return;
    if (payload.op === 1) this.send({ op: 11, d: null });
    if (payload.op === 2 && this.identifyCloseCode !== null) {
      const code = this.identifyCloseCode;
      this.identifyCloseCode = null;
      this.dropGateway(code);
      return;
    }
    if (payload.op === 2) this.dispatch('READY', this.readyPayload());
    if (payload.op === 6) this.dispatch('RESUMED', {});
  }

  private readyPayload(): unknown {
    return {
      v: 10,
      user: { id: this.botId, username: 'ringkas', discriminator: '0', global_name: 'Ringkas', avatar: null, bot: true },
      guilds: [],
      session_id: this.sessionId,
      resume_gateway_url: this.gatewayUrl,
      shard: [0, 1],
      application: { id: this.appId, flags: 0 },
    };
  }

  private send(payload: GatewayPayload): void {
    this.socket?.send(JSON.stringify({ s: null, t: null, ...payload }));
  }

  // ---- REST ----

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const body = await readBody(req);
    if (url.pathname.startsWith('/attachments/')) return this.serveAttachment(url, res);
    const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const record: RecordedRequest = { method: req.method ?? 'GET', path, query: url.search, headers: req.headers, body, status: 0 };
    this.requests.push(record);
    const [status, json] = this.route(record);
    record.status = status;
    if (status === 429) res.setHeader('Retry-After', '0.05');
    if (json === undefined) {
      // Discord answers 204 with no body and no JSON content type.
      res.writeHead(status).end();
    } else {
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(json));
    }
    this.notify();
  }

  private route(r: RecordedRequest): [number, unknown] {
    const m = r.method;
    if (m === 'GET' && r.path === '/gateway/bot') {
      return [200, { url: this.advertisedGateway ?? this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } }];
    }
    if (m === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path)) return [204, undefined];
    const channel = /^\/channels\/(\d+)\/messages$/.exec(r.path);
    if (m === 'POST' && channel) return this.channelPost(channel[1]!, r.body);
    if (r.path.startsWith(`/webhooks/${this.appId}/`) && (m === 'POST' || m === 'PATCH' || m === 'GET')) {
      return [200, this.message('0', r.body)];
    }
    if (m === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(r.path)) {
      const list = Array.isArray(r.body) ? (r.body as { name: string }[]) : [];
      return [200, list.map((c, i) => ({ ...c, id: `80000000000000000${i}`, application_id: this.appId, version: '1' }))];
    }
    if (m === 'GET' && r.path === '/applications/@me') return [200, { id: this.appId, name: 'Ringkas', flags: 0 }];
    return [404, { message: '404: Not Found', code: 0 }];
  }

  private channelPost(channelId: string, body: unknown): [number, unknown] {
    if (this.rateLimitNext.delete(channelId)) {
      return [429, { message: 'You are being rate limited.', retry_after: 0.05, global: false }];
    }
    const failure = this.channelFailures.get(channelId);
    if (failure) return [failure.status, { message: failure.message, code: failure.code }];
    const b = (body ?? {}) as { nonce?: unknown; enforce_nonce?: unknown };
    const nonce = typeof b.nonce === 'string' || typeof b.nonce === 'number' ? b.nonce : null;
    const enforceNonce = b.enforce_nonce === true;
    if (nonce !== null && String(nonce).length > 25) {
      return [400, { message: 'Invalid Form Body', code: 50035, errors: { nonce: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' }] } } }];
    }
    // As Discord does: with enforce_nonce, a nonce already used by this author recently returns that message.
    const nonceKey = `${this.botId}|${String(nonce)}`;
    const earlier = nonce !== null && enforceNonce ? this.nonces.get(nonceKey) : undefined;
    if (earlier && Date.now() - earlier.at <= NONCE_WINDOW_MS) {
      this.posts.push({ channelId, nonce, enforceNonce, messageId: earlier.messageId, created: false });
      return [200, earlier.message];
    }
    const message = this.message(channelId, body) as { id: string };
    if (nonce !== null && enforceNonce) this.nonces.set(nonceKey, { message, messageId: message.id, at: Date.now() });
    this.posts.push({ channelId, nonce, enforceNonce, messageId: message.id, created: true });
    return [200, message];
  }

  private message(channelId: string, body: unknown): unknown {
    const b = (body ?? {}) as Record<string, unknown>;
    return botMessage({
      id: String(910000000000000000n + BigInt(++this.messageCounter)),
      channelId,
      botId: this.botId,
      timestamp: new Date().toISOString(),
      content: b.content,
      embeds: b.embeds,
      components: b.components,
      type: 0,
      flags: b.flags ?? 0,
      ...(b.nonce !== undefined ? { nonce: b.nonce } : {}),
    });
  }

  private serveAttachment(url: URL, res: ServerResponse): void {
    const file = this.files.get(decodeURIComponent(url.pathname.slice('/attachments/'.length)));
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.content.length }).end(file.content);
  }
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return null;
  if (String(req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(text) as unknown;
  return text;
}

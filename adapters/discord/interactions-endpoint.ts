// The Interactions Endpoint URL: Discord POSTs each interaction here instead of sending it over
// the gateway, so any number of instances behind a load balancer can answer. A request is read
// (size-capped), its Ed25519 signature and timestamp checked, then PING gets PONG and everything
// else goes to the same interaction handler the gateway mode uses; the handler's first answer
// (reply, defer, autocomplete choices) becomes the HTTP response.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import type { Logger } from '../../src/logger.js';
import type { InitialResponses } from './initial-responses.js';
import { checkSignature, MAX_SKEW_SECONDS } from './interaction-signature.js';
import { errorForLog } from './log-error.js';

export const INTERACTIONS_PATH = '/discord/interactions';
/** Interaction payloads are a few kilobytes; anything near this is not from Discord. */
export const MAX_BODY_BYTES = 256 * 1024;

/** A signed request is accepted within MAX_SKEW_SECONDS either way, so its id is remembered that long. */
const REPLAY_WINDOW_MS = MAX_SKEW_SECONDS * 2 * 1000;

const PING = 1;
const PONG = { type: 1 };

export interface EndpointOptions {
  publicKey: KeyObject;
  responses: InitialResponses;
  /** Runs the interaction (raw API payload) through the handler; resolves when it is done. */
  /** `receivedAt` (performance.now()) is when the request arrived: Discord's 3 s count from there. */
  run(payload: { id: string; type: number }, receivedAt: number): Promise<void>;
  /** True the first time a key is seen within the TTL, across every instance on the store (Engine.firstTime). */
  firstTime(key: string, ttlMs: number): Promise<boolean>;
  logger: Logger;
  now?: () => number;
}

export function createInteractionsEndpoint(options: EndpointOptions): Server {
  const now = options.now ?? Date.now;
  return createServer((req, res) => {
    void serve(req, res, options, now).catch((err: unknown) => {
      options.logger.error({ event: 'discord_http_error', err: errorForLog(err) }, 'interaction request failed');
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
    });
  });
}

async function serve(req: IncomingMessage, res: ServerResponse, options: EndpointOptions, now: () => number): Promise<void> {
  const received = performance.now();
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path !== INTERACTIONS_PATH) return send(res, 404, { error: 'not found' });
  if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
  const body = await readCapped(req, MAX_BODY_BYTES);
  if (body === null) {
    options.logger.warn({ event: 'discord_http_refused', reason: 'too_large' }, 'interaction request too large');
    res.setHeader('Connection', 'close');
    return send(res, 413, { error: 'body too large' });
  }
  const check = checkSignature(options.publicKey, { signature: header(req, 'x-signature-ed25519'), timestamp: header(req, 'x-signature-timestamp'), body }, now());
  if (!check.ok) {
    options.logger.warn({ event: 'discord_http_refused', reason: check.reason }, 'interaction request refused');
    return send(res, 401, { error: 'invalid request signature' });
  }
  const payload = parsePayload(body);
  if (!payload) return send(res, 400, { error: 'not an interaction' });
  if (payload.type === PING) return send(res, 200, PONG);
  // Interaction ids seen within the timestamp window, on any instance sharing the store: a
  // captured request replayed to this instance or another runs nothing twice (decision 018).
  if (!(await options.firstTime(`discord:interaction:${payload.id}`, REPLAY_WINDOW_MS))) {
    options.logger.warn({ event: 'discord_http_refused', reason: 'replayed', id: payload.id }, 'interaction request replayed');
    return send(res, 401, { error: 'interaction already received' });
  }
  const { response, written } = await options.responses.wait(payload.id, () => options.run(payload, received));
  if (response === null) {
    // The handler ran and answered nothing: an interaction type Ringkas does not use.
    send(res, 400, { error: 'unsupported interaction' });
  } else {
    send(res, 200, response, written);
  }
}

function parsePayload(body: Buffer): { id: string; type: number } | null {
  try {
    const p = JSON.parse(body.toString('utf8')) as { id?: unknown; type?: unknown };
    return typeof p.id === 'string' && typeof p.type === 'number' ? (p as { id: string; type: number }) : null;
  } catch {
    return null;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * `written` runs once the response is sent, or the connection is gone: it releases the handler's
 * reply() (initial-responses.ts), which must never wait for a peer that hung up.
 */
function send(res: ServerResponse, status: number, json: unknown, written?: () => void): void {
  if (written) {
    let done = false;
    const release = () => {
      if (!done) written();
      done = true;
    };
    if (res.destroyed || !res.socket || res.socket.destroyed) {
      // Discord hung up first (its 3 s had passed): nothing to send, nothing to wait for.
      release();
      return;
    }
    res.once('finish', release);
    res.once('close', release);
  }
  const text = JSON.stringify(json);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** The body, or null once it is larger than `max` (stops reading; a Content-Length over it is refused unread). */
async function readCapped(req: IncomingMessage, max: number): Promise<Buffer | null> {
  if (Number(req.headers['content-length'] ?? 0) > max) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

// An undici dispatcher that checks every connection at connect time, on the
// address actually used: the DNS answer is vetted inside `lookup` (so a name that
// resolves to 127.0.0.1, or is re-bound between checks, never gets a socket), IP
// literals are vetted before dialling, and the connected peer is checked again.
// Node's own fetch ignores http.Agent, hence undici.
import dns from 'node:dns';
import net from 'node:net';
import { Agent, buildConnector, type Dispatcher } from 'undici';
import type { ProxyConfig } from '../config.js';
import { proxyDispatcher } from '../net/proxy-dispatcher.js';
import { checkConnectTarget, stripBrackets, type PrivateHostAllowList } from './address-policy.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to all its addresses. Injectable so tests need no real DNS. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | ResolvedAddress[], family?: number) => void;

/** A net.connect `lookup` that refuses the connection when any resolved address is not allowed. */
export function guardedLookup(resolve: Resolver, allow: PrivateHostAllowList) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    resolve(hostname).then(
      (found) => {
        const wanted = options.family === 4 || options.family === 6 ? found.filter((a) => a.family === options.family) : found;
        if (wanted.length === 0) {
          callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
          return;
        }
        // Every answer must pass: a mixed answer is a classic rebinding trick.
        for (const a of found) {
          const refused = checkConnectTarget(hostname, a.address, allow);
          if (refused) return callback(refused as NodeJS.ErrnoException, '', 0);
        }
        if (options.all) callback(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}

/**
 * Through a proxy the connection goes to the proxy (an operator's own host, often on loopback or
 * a private network, so it is not checked), and the proxy resolves the page's host. So the page's
 * host is resolved and vetted here first, with the same rules. The proxy could still resolve it
 * differently (DNS rebinding); dialling the vetted address instead would defeat proxies that
 * allow-list names, so the name is kept.
 */
export async function vetHostBeforeProxy(url: URL, resolve: Resolver, allow: PrivateHostAllowList): Promise<void> {
  const host = stripBrackets(url.hostname);
  if (net.isIP(host)) {
    const refused = checkConnectTarget(host, host, allow);
    if (refused) throw refused;
    return;
  }
  const found = await resolve(host);
  for (const a of found) {
    const refused = checkConnectTarget(host, a.address, allow);
    if (refused) throw refused;
  }
}

export interface GuardedAgentOptions {
  resolve: Resolver;
  allow: PrivateHostAllowList;
  connectTimeoutMs: number;
  /** When set, requests go through the proxy (NO_PROXY hosts directly, still guarded). */
  proxy?: ProxyConfig;
}

export function createGuardedAgent(options: GuardedAgentOptions): Dispatcher {
  const agentOptions = { connect: guardedConnector(options), keepAliveTimeout: 1_000, keepAliveMaxTimeout: 5_000 };
  return proxyDispatcher(options.proxy, agentOptions) ?? new Agent(agentOptions);
}

function guardedConnector(options: GuardedAgentOptions): buildConnector.connector {
  const { resolve, allow } = options;
  const base = buildConnector({
    timeout: options.connectTimeoutMs,
    lookup: guardedLookup(resolve, allow) as unknown as typeof dns.lookup,
  });
  const connect: buildConnector.connector = (opts, callback) => {
    const host = stripBrackets(opts.hostname);
    if (net.isIP(host)) {
      // net.connect skips `lookup` for IP literals: check them here.
      const refused = checkConnectTarget(host, host, allow);
      if (refused) return callback(refused, null);
    }
    base(opts, (err, socket) => {
      if (err || !socket) return callback(err ?? new Error('no socket'), null);
      const peer = socket.remoteAddress;
      const refused = peer ? checkConnectTarget(host, peer, allow) : null;
      if (refused) {
        socket.destroy();
        return callback(refused, null);
      }
      callback(null, socket);
    });
  };
  return connect;
}

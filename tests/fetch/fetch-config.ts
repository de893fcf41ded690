// FetchConfig for tests: small limits so stops happen fast, and the loopback
// page server reachable only because it is listed (the opt-in switch).
import type { FetchConfig } from '../../src/config.js';

export function testFetchConfig(overrides: Partial<FetchConfig> = {}): FetchConfig {
  return { timeoutMs: 2_000, maxBytes: 200_000, maxRedirects: 5, allowPrivateHosts: [], ...overrides };
}

/** A fake resolver: names ending in .test map to the given addresses; anything else fails like NXDOMAIN. */
export function fakeResolver(table: Record<string, string[]>) {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    const found = table[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, calls };
}

// The gateway WebSocket cannot go through a proxy: @discordjs/ws 1.2.x opens it with
// `new WebSocket(url, [], { handshakeTimeout })` from the `ws` package, which then dials with its
// own net/tls connect; no agent or dispatcher can be passed (docs/decisions/018). Rather than let
// it try to go direct and time out in a network that only allows the proxy, gateway mode refuses
// to start when the proxy applies to the gateway's host, and says what works instead.
import { Routes, type REST } from 'discord.js';
import type { ProxyConfig } from '../../src/config.js';
import { proxyFor } from '../../src/net/proxy-dispatcher.js';

export function proxiedGatewayMessage(host: string): string {
  return [
    `Discord gateway mode cannot use a proxy: HTTPS_PROXY applies to the gateway (${host}), but discord.js opens the gateway WebSocket directly and cannot be given a proxy.`,
    'Either set RINGKAS_DISCORD_MODE=http (HTTP interactions: Discord calls Ringkas, and Ringkas\'s calls to Discord go through the proxy; see README "Run without the gateway"),',
    'or, if this machine can reach Discord\'s gateway on port 443 directly, add .discord.gg to NO_PROXY.',
  ].join(' ');
}

/**
 * Asks Discord (through the proxy, like every REST call) where the gateway is, and throws the
 * message above when the proxy would apply to it. A failed question is left to the login, which
 * reports network, proxy and token problems already.
 */
export async function refuseProxiedGateway(rest: REST, proxy: ProxyConfig): Promise<void> {
  let url: string;
  try {
    url = ((await rest.get(Routes.gatewayBot())) as { url: string }).url;
  } catch {
    return;
  }
  if (proxyFor(proxy, url)) throw new Error(proxiedGatewayMessage(new URL(url).host));
}

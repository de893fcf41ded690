// A loopback HTTP CONNECT proxy (what HTTPS_PROXY points at in a company network). It records
// every tunnel it was asked for, and dials only loopback: `route` maps a requested target (such as
// a made-up host name) to a local server, so no test traffic ever leaves 127.0.0.1.
import { createServer, type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';

export interface Tunnel {
  /** host:port as the client asked for it in CONNECT. */
  target: string;
  /** Request lines seen inside the tunnel ("POST /api/auth.test"), when its traffic is clear text. */
  requests: string[];
}

export class ConnectProxy {
  readonly tunnels: Tunnel[] = [];
  private server: Server;
  /** Tunnelled sockets leave the HTTP server's bookkeeping, so stop() ends them itself. */
  private sockets = new Set<net.Socket>();

  private constructor(private readonly route: (target: string) => number | null) {
    this.server = createServer((_req, res) => res.writeHead(405).end('CONNECT only'));
    this.server.on('connect', (req, client: net.Socket, head: Buffer) => {
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      const tunnel: Tunnel = { target: req.url ?? '', requests: [] };
      this.tunnels.push(tunnel);
      const target = tunnel.target;
      client.on('data', (chunk: Buffer) => {
        for (const m of chunk.toString('latin1').matchAll(/^(GET|POST|PUT|PATCH|DELETE) (\S+) HTTP\/1\.1\r$/gm)) tunnel.requests.push(`${m[1]} ${m[2]}`);
      });
      const port = this.route(target);
      if (port === null) {
        client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
        return;
      }
      const upstream = net.connect(port, '127.0.0.1', () => {
        this.sockets.add(upstream);
        upstream.on('close', () => this.sockets.delete(upstream));
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
  }

  /** `route` gives the loopback port to tunnel a target to; by default the target's own port on 127.0.0.1. */
  static async start(route?: (target: string) => number | null): Promise<ConnectProxy> {
    const proxy = new ConnectProxy(route ?? ((target) => Number(target.slice(target.lastIndexOf(':') + 1))));
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Every request line seen through any tunnel. */
  requests(): string[] {
    return this.tunnels.flatMap((t) => t.requests);
  }

  targets(): string[] {
    return this.tunnels.map((t) => t.target);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

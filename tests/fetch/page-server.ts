// A loopback page server for fetch tests: each route is a small handler, and
// every request is recorded so tests can see what actually reached it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface PageServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Paths requested, in order. */
  hits: string[];
  /** Bytes written by streaming routes, by path. */
  written: Map<string, number>;
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const routes = new Map<string, Route>();
  const hits: string[] = [];
  const written = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.push(req.url ?? '/');
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    hits,
    written,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function html(body: string, headers: Record<string, string> = {}): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
}

export function redirect(location: string, status = 302): Route {
  return (_req, res) => {
    res.writeHead(status, { location });
    res.end();
  };
}

/** Writes `chunk` every `everyMs` until the client goes away; counts what it wrote. */
export function stream(server: PageServer, path: string, chunk: string, everyMs: number, contentType = 'text/html'): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    let total = 0;
    const write = () => {
      if (res.destroyed || res.writableEnded) return clearInterval(timer);
      res.write(chunk);
      total += Buffer.byteLength(chunk);
      server.written.set(path, total);
    };
    const timer = setInterval(write, everyMs);
    res.on('close', () => clearInterval(timer));
    write();
  };
}

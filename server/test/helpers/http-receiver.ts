import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a test receiver answers one delivery with. */
export type Behaviour =
  { kind: 'status'; status: number; body?: string } | { kind: 'hang' } | { kind: 'redirect'; to: string } | { kind: 'huge'; bytes: number };

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  at: number;
}

/**
 * A real HTTP receiver on loopback (node:http): it records every request
 * and answers each path by a script (one behaviour per request, the last
 * one repeated), so a test can make an endpoint fail, hang, redirect, or
 * answer 10 MB, and then recover.
 */
export async function startReceiver() {
  const received: Received[] = [];
  const scripts = new Map<string, Behaviour[]>();
  const hung = new Set<http.ServerResponse>();
  let hugeFinished = 0;
  let hugeClosedEarly = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks), at: performance.now() });
      const script = scripts.get(path) ?? [{ kind: 'status', status: 200, body: 'ok' }];
      const behaviour = script.length > 1 ? script.shift()! : script[0]!;
      switch (behaviour.kind) {
        case 'status':
          res.writeHead(behaviour.status, { 'content-type': 'text/plain' }).end(behaviour.body ?? '');
          return;
        case 'hang':
          hung.add(res);
          return;
        case 'redirect':
          res.writeHead(302, { location: behaviour.to }).end();
          return;
        case 'huge': {
          res.writeHead(200, { 'content-type': 'text/plain' });
          const chunk = Buffer.alloc(64 * 1024, 'x');
          let sent = 0;
          res.on('close', () => {
            if (sent < behaviour.bytes) hugeClosedEarly++;
          });
          const pump = () => {
            while (sent < behaviour.bytes) {
              sent += chunk.length;
              if (!res.write(chunk)) return void res.once('drain', pump);
            }
            res.end(() => hugeFinished++);
          };
          pump();
          return;
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    on(path: string, ...behaviours: Behaviour[]) {
      scripts.set(path, behaviours);
    },
    at: (path: string) => received.filter((r) => r.path === path),
    stats: () => ({ hugeFinished, hugeClosedEarly }),
    /** Answers every hanging request now (200), as an endpoint that was only slow. */
    release() {
      for (const res of hung) res.writeHead(200, { 'content-type': 'text/plain' }).end('late');
      hung.clear();
    },
    async close() {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

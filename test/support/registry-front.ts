/**
 * A front for a real registry that behaves like hosted ones do where docker-registry on
 * loopback does not: Basic auth on every /v2/ request, blob downloads redirected to another
 * origin ("storage", which records whether Authorization reached it), and a queue of 429/503
 * answers with Retry-After to hand out before the next requests get through. Counts requests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface RegistryFront {
  /** `127.0.0.1:port`: the registry as clients see it. */
  host: string;
  /** Status + Retry-After answered (in order) before requests are passed through. */
  throttle: { status: 429 | 503; retryAfter?: string }[];
  /** Every request the front saw: method, path, whether it carried Authorization. */
  seen: { method: string; path: string; auth: boolean }[];
  /** Authorization headers that reached the storage origin (should stay empty). */
  storageAuth: string[];
  stop(): Promise<void>;
}

export const FRONT_USER = { username: 'front', password: 'front-password' };

export async function startRegistryFront(backend: string): Promise<RegistryFront> {
  const basic = `Basic ${Buffer.from(`${FRONT_USER.username}:${FRONT_USER.password}`).toString('base64')}`;
  const front: Omit<RegistryFront, 'host' | 'stop'> = { throttle: [], seen: [], storageAuth: [] };
  let storagePort = 0;

  const storage = createServer((req, res) => {
    if (req.headers.authorization) front.storageAuth.push(req.headers.authorization);
    void pass(`${backend}${(req.url ?? '/').replace(/^\/storage/, '')}`, req, res);
  });
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    front.seen.push({ method: req.method ?? 'GET', path: url, auth: Boolean(req.headers.authorization) });
    if (req.headers.authorization !== basic) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="front", charset="UTF-8"' }).end();
      return;
    }
    const throttled = front.throttle.shift();
    if (throttled) {
      res.writeHead(throttled.status, throttled.retryAfter === undefined ? {} : { 'retry-after': throttled.retryAfter }).end();
      return;
    }
    if (req.method === 'GET' && /^\/v2\/.+\/blobs\/sha256:/.test(url)) {
      // As GHCR does: the blob lives elsewhere; a localhost name is another origin than 127.0.0.1.
      res.writeHead(307, { location: `http://localhost:${storagePort}/storage${url}` }).end();
      return;
    }
    void pass(`${backend}${url}`, req, res);
  });
  await new Promise<void>((r) => storage.listen(0, '127.0.0.1', r));
  storagePort = (storage.address() as { port: number }).port;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    ...front,
    host: `127.0.0.1:${port}`,
    async stop() {
      await Promise.all([close(server), close(storage)]);
    },
  };
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((r) => server.close(() => r()));
}

/** Forwards to the (unauthenticated) backend registry; Location headers point back at the front. */
async function pass(target: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const name of ['accept', 'content-type']) if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
  const answer = await fetch(target, { method: req.method ?? 'GET', headers, redirect: 'manual', ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) });
  const out: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'transfer-encoding' && name !== 'connection') out[name] = name === 'location' ? new URL(value, target).pathname + new URL(value, target).search : value;
  });
  const body = Buffer.from(await answer.arrayBuffer());
  res.writeHead(answer.status, out).end(req.method === 'HEAD' ? undefined : body);
}

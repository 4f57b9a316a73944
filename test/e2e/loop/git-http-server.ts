/**
 * A git smart-HTTP server on loopback: `git http-backend` run as a CGI program behind a small
 * Node http server, serving the bare repositories under one directory. Anyone may clone and
 * fetch (Argo CD's repo-server reads anonymously, as from a public repository); pushing
 * (`git-receive-pack`) needs HTTP Basic credentials with the server's token as password, the way
 * a runner pushes with the token actions/checkout configured.
 *
 * CGI in short (RFC 3875): request line and headers become environment variables, the body is
 * the program's stdin; the program prints headers (`Status:` among them), a blank line, then the
 * body. git http-backend reads gzip bodies and the protocol-v2 header through HTTP_* variables.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface GitHttpServer {
  /** `http://127.0.0.1:<port>` — a repository `x.git` under the root is `${url}/x.git`. */
  url: string;
  /** The password a push must present (any user name), like a GITHUB_TOKEN. */
  pushToken: string;
  stop(): Promise<void>;
}

/**
 * Starts the server in a child process of its own. It must not share the test's event loop: a
 * test that runs git (or kubectl, or helm) synchronously would block the server that very git
 * is talking to, and Argo CD's repo-server fetching in the background would stall as well.
 */
export async function startGitHttpServer(projectRoot: string): Promise<GitHttpServer> {
  const pushToken = `ghs_${randomBytes(12).toString('hex')}`;
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), projectRoot], {
    env: { ...process.env, INFRAFORGE_GIT_PUSH_TOKEN: pushToken, NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('listening ')) resolve(line.slice('listening '.length));
    });
    child.once('exit', (code) => reject(new Error(`git http server exited ${code} before listening`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    pushToken,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The server itself, run in the child: prints `listening <url>` once it accepts connections. */
async function serve(projectRoot: string, pushToken: string): Promise<void> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isPush = url.pathname.endsWith('/git-receive-pack') || url.searchParams.get('service') === 'git-receive-pack';
    let remoteUser = '';
    if (isPush) {
      remoteUser = pushUser(req, pushToken) ?? '';
      if (!remoteUser) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="infraforge-loop"' }).end('push needs credentials\n');
        return;
      }
    }
    runBackend(projectRoot, req, res, url, remoteUser);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening http://127.0.0.1:${port}\n`);
  process.once('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

/** The user name of a Basic `Authorization` header whose password is the token, else undefined. */
function pushUser(req: IncomingMessage, token: string): string | undefined {
  const header = req.headers.authorization ?? '';
  // The scheme is case-insensitive (RFC 9110); actions/checkout writes `basic`.
  const basic = /^basic +([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!basic) return undefined;
  const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1 || decoded.slice(colon + 1) !== token) return undefined;
  return decoded.slice(0, colon);
}

function runBackend(projectRoot: string, req: IncomingMessage, res: ServerResponse, url: URL, remoteUser: string): void {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    GIT_PROJECT_ROOT: projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    GATEWAY_INTERFACE: 'CGI/1.1',
    SERVER_PROTOCOL: `HTTP/${req.httpVersion}`,
    REQUEST_METHOD: req.method ?? 'GET',
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
    // http-backend enables receive-pack only for an authenticated user (http.receivepack unset).
    ...(remoteUser ? { REMOTE_USER: remoteUser } : {}),
    ...(req.headers['content-type'] ? { CONTENT_TYPE: req.headers['content-type'] } : {}),
    ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
  };
  for (const [name, value] of Object.entries(req.headers)) {
    if (name === 'authorization' || value === undefined) continue;
    env[`HTTP_${name.toUpperCase().replace(/-/g, '_')}`] = Array.isArray(value) ? value.join(', ') : value;
  }
  const cgi = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  cgi.stderr.on('data', (d) => (stderr += d));
  req.pipe(cgi.stdin);
  cgi.stdin.on('error', () => {}); // the backend may answer (an error) before reading the whole body

  let head = Buffer.alloc(0);
  let headersSent = false;
  cgi.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = headerEnd(head);
    if (end === undefined) return;
    const { status, headers } = parseCgiHeaders(head.subarray(0, end.at).toString('latin1'));
    res.writeHead(status, headers);
    headersSent = true;
    res.write(head.subarray(end.at + end.length));
  });
  cgi.on('close', (code) => {
    if (!headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' }).write(`git http-backend exited ${code}: ${stderr}`);
    res.end();
  });
}

function headerEnd(buf: Buffer): { at: number; length: number } | undefined {
  const crlf = buf.indexOf('\r\n\r\n');
  const lf = buf.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { at: crlf, length: 4 };
  if (lf >= 0) return { at: lf, length: 2 };
  return undefined;
}

function parseCgiHeaders(text: string): { status: number; headers: Record<string, string> } {
  let status = 200;
  const headers: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon < 1) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 500;
    else headers[name] = value;
  }
  return { status, headers };
}

// Run as a program (by startGitHttpServer, with Node's type stripping): serve the given root.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await serve(process.argv[2]!, process.env.INFRAFORGE_GIT_PUSH_TOKEN!);
}

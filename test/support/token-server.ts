/**
 * A Docker token server of our own on loopback, for a docker-registry configured with
 * `auth: token`. A fresh RSA key and self-signed certificate come from openssl per server; the
 * registry trusts the certificate (its `rootcertbundle`) and checks every token's signature,
 * issuer, audience, expiry and `access` claim itself, exactly as it would for a hosted one.
 *
 * Users: `pusher` may pull and push everything; `reader` may only pull; anonymous requests
 * may pull repositories under `public/`. Every scope asked for is recorded.
 */
import { execFileSync } from 'node:child_process';
import { createSign, randomUUID, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const TOKEN_USERS = {
  pusher: { password: 'pusher-password', actions: ['pull', 'push'] },
  reader: { password: 'reader-password', actions: ['pull'] },
} as const;

export const TOKEN_ISSUER = 'infraforge-test-token-issuer';
export const TOKEN_SERVICE = 'infraforge-test-registry';

export interface TokenServer {
  realm: string;
  /** PEM bundle the registry trusts. */
  certFile: string;
  /** Every request: who asked (or "anonymous") and the scopes they asked for. */
  requests: { user: string; scopes: string[] }[];
  stop(): Promise<void>;
}

export async function startTokenServer(): Promise<TokenServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'infraforge-token-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=infraforge-test-token-signer'], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`openssl is needed to make the token server's signing certificate: ${(error as Error).message}`);
  }
  const key = readFileSync(keyFile, 'utf8');
  const certDer = new X509Certificate(readFileSync(certFile)).raw.toString('base64');
  const requests: TokenServer['requests'] = [];

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const user = authenticate(req.headers.authorization);
    if (user === null) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"bad credentials"}');
      return;
    }
    const scopes = url.searchParams.getAll('scope');
    requests.push({ user: user ?? 'anonymous', scopes });
    const access = scopes.flatMap((scope) => {
      const [type, name, actions] = scope.split(':');
      if (type !== 'repository' || !name || !actions) return [];
      const allowed = user ? TOKEN_USERS[user].actions : name.startsWith('public/') ? ['pull'] : [];
      const granted = actions.split(',').filter((a) => (allowed as readonly string[]).includes(a));
      return granted.length ? [{ type, name, actions: granted }] : [];
    });
    const now = Math.floor(Date.now() / 1000);
    const token = sign({ iss: TOKEN_ISSUER, sub: user ?? '', aud: url.searchParams.get('service') ?? '', exp: now + 300, nbf: now - 10, iat: now, jti: randomUUID(), access }, key, certDer);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token, access_token: token, expires_in: 300, issued_at: new Date().toISOString() }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    certFile,
    requests,
    async stop() {
      await new Promise((r) => server.close(r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** undefined = anonymous, null = wrong credentials. */
function authenticate(header: string | undefined): keyof typeof TOKEN_USERS | undefined | null {
  if (!header) return undefined;
  const m = /^Basic (.+)$/i.exec(header);
  if (!m) return null;
  const [name, password] = Buffer.from(m[1]!, 'base64').toString('utf8').split(':');
  const user = Object.hasOwn(TOKEN_USERS, name ?? '') ? (name as keyof typeof TOKEN_USERS) : undefined;
  return user && TOKEN_USERS[user].password === password ? user : null;
}

/** RS256 JWT with the signing certificate in x5c: the registry checks it against its bundle. */
function sign(claims: object, key: string, certDer: string): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${b64({ typ: 'JWT', alg: 'RS256', x5c: [certDer] })}.${b64(claims)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key).toString('base64url');
  return `${input}.${signature}`;
}

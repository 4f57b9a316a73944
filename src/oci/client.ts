/**
 * One OCI distribution client for real registries (GHCR, Docker Hub, distribution, …):
 *
 * - auth the way registries ask for it: anonymous first; on a 401, the challenge says Basic
 *   (send the credentials) or Bearer (the Docker token protocol: fetch a token for
 *   `repository:<name>:<actions>` from the realm, with the credentials if we have any);
 * - tokens are cached per scope, and a request that needs more (pull → pull,push) gets a new
 *   challenge and a new token, instead of re-sending a token that cannot do it;
 * - redirects are followed by hand so that Authorization never leaves the registry's origin
 *   (GHCR and Docker Hub redirect blob downloads to storage hosts that reject it anyway);
 * - 429 and 503 are retried, honouring Retry-After, a bounded number of times with a cap on
 *   each wait; nothing else is retried (an unreachable registry fails at once).
 *
 * Credentials are only ever sent to the host this client was built for; callers decide which
 * host deserves which credentials (see credentialsFor in ./images.ts).
 */
import { createHash } from 'node:crypto';
import { InfraError } from '../errors.js';
import { type Challenge, parseWwwAuthenticate } from './www-authenticate.js';

export interface Credentials {
  username: string;
  password: string;
}

export type Action = 'pull' | 'push';

export interface Scope {
  repository: string;
  actions: readonly Action[];
}

export interface RegistryClientOptions {
  /** `host[:port]`, as in an image reference. */
  host: string;
  plainHttp?: boolean;
  credentials?: Credentials;
  log?: (line: string) => void;
  /** Retries of a 429/503 answer (default 4). */
  maxRetries?: number;
  /** Cap on any one wait before a retry (default 30 s). */
  maxRetryDelayMs?: number;
}

export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
] as const;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
const REQUEST_TIMEOUT_MS = 60_000;

/** A registry said no (after authenticating as well as we could): exit 3, registry named. */
export class RegistryError extends InfraError {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export function scopeString(scope: Scope): string {
  return `repository:${scope.repository}:${scope.actions.join(',')}`;
}

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

interface SendOptions {
  headers?: Record<string, string>;
  body?: Buffer;
}

export class RegistryClient {
  readonly host: string;
  readonly origin: string;
  private readonly credentials: Credentials | undefined;
  private readonly log: (line: string) => void;
  private readonly maxRetries: number;
  private readonly maxRetryDelayMs: number;
  /** What the registry asked for last time: decides how the next request authenticates. */
  private scheme: 'none' | 'basic' | 'bearer' = 'none';
  private bearer: { realm: string; service: string | undefined } | undefined;
  private readonly tokens = new Map<string, CachedToken>();

  constructor(options: RegistryClientOptions) {
    this.host = options.host;
    this.origin = `${options.plainHttp ? 'http' : 'https'}://${options.host}`;
    this.credentials = options.credentials;
    this.log = options.log ?? (() => {});
    this.maxRetries = options.maxRetries ?? 4;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
  }

  /** GET a manifest by tag or digest; undefined when the registry has no such manifest or repository. */
  async getManifest(repository: string, reference: string): Promise<{ bytes: Buffer; digest: string; mediaType: string } | undefined> {
    const res = await this.send('GET', `/v2/${repository}/manifests/${reference}`, { repository, actions: ['pull'] }, { headers: { accept: MANIFEST_MEDIA_TYPES.join(', ') } });
    if (res.status === 404) {
      await res.body?.cancel();
      return undefined;
    }
    await this.expect(res, [200], `read manifest ${repository}:${reference}`, { repository, actions: ['pull'] });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { bytes, digest: res.headers.get('docker-content-digest') ?? sha256(bytes), mediaType: res.headers.get('content-type') ?? '' };
  }

  /**
   * Whether `repository:reference` exists: one GET (a 404's body may say which part is missing,
   * a HEAD's cannot); only when it is missing, a second request tells repository from tag.
   */
  async resolve(repository: string, reference: string): Promise<{ found: true; digest: string } | { found: false; missing: 'repository' | 'tag' }> {
    const scope: Scope = { repository, actions: ['pull'] };
    const res = await this.send('GET', `/v2/${repository}/manifests/${reference}`, scope, { headers: { accept: MANIFEST_MEDIA_TYPES.join(', ') } });
    if (res.status === 404) {
      if (errorCode(await res.text().catch(() => '')) === 'NAME_UNKNOWN') return { found: false, missing: 'repository' };
      // Registries differ in which code a missing repository gets on a manifest; its tag list says.
      const tags = await this.send('GET', `/v2/${repository}/tags/list`, scope);
      const missingRepo = tags.status === 404;
      await tags.body?.cancel();
      return { found: false, missing: missingRepo ? 'repository' : 'tag' };
    }
    await this.expect(res, [200], `read manifest ${repository}:${reference}`, scope);
    const bytes = Buffer.from(await res.arrayBuffer());
    return { found: true, digest: res.headers.get('docker-content-digest') ?? sha256(bytes) };
  }

  /** A blob's bytes, checked against its digest (after whatever redirects storage needs). */
  async getBlob(repository: string, digest: string): Promise<Buffer> {
    const scope: Scope = { repository, actions: ['pull'] };
    const res = await this.send('GET', `/v2/${repository}/blobs/${digest}`, scope);
    await this.expect(res, [200], `read blob ${digest} of ${repository}`, scope);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (sha256(bytes) !== digest) throw new InfraError(`registry ${this.host} sent blob ${digest} of ${repository} with other content (${sha256(bytes)})`);
    return bytes;
  }

  /** Uploads a blob unless the repository already has it (monolithic POST + PUT). */
  async pushBlob(repository: string, bytes: Buffer): Promise<string> {
    const digest = sha256(bytes);
    const scope: Scope = { repository, actions: ['pull', 'push'] };
    const head = await this.send('HEAD', `/v2/${repository}/blobs/${digest}`, scope);
    await head.body?.cancel();
    if (head.status === 200) return digest;
    const start = await this.send('POST', `/v2/${repository}/blobs/uploads/`, scope);
    await this.expect(start, [202], `start a blob upload to ${repository}`, scope);
    const location = start.headers.get('location');
    if (!location) throw new InfraError(`registry ${this.host} did not say where to upload (no Location on 202)`);
    const url = new URL(location, this.origin);
    url.searchParams.set('digest', digest);
    const put = await this.send('PUT', url.toString(), scope, { headers: { 'content-type': 'application/octet-stream' }, body: bytes });
    await this.expect(put, [201], `upload a blob to ${repository}`, scope);
    return digest;
  }

  async putManifest(repository: string, reference: string, bytes: Buffer, mediaType: string): Promise<string> {
    const scope: Scope = { repository, actions: ['pull', 'push'] };
    const res = await this.send('PUT', `/v2/${repository}/manifests/${reference}`, scope, { headers: { 'content-type': mediaType }, body: bytes });
    await this.expect(res, [201], `push manifest ${repository}:${reference}`, scope);
    return res.headers.get('docker-content-digest') ?? sha256(bytes);
  }

  /** One request with auth, redirects and retries; the response may be any status. */
  async send(method: string, pathOrUrl: string, scope: Scope, options: SendOptions = {}): Promise<Response> {
    const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${this.origin}${pathOrUrl}`;
    const sent = await this.authorization(scope);
    let res = await this.follow(method, url, sent, options);
    if (res.status !== 401) return res;
    const challenges = parseWwwAuthenticate(res.headers.get('www-authenticate') ?? '');
    if (!(await this.answer(challenges, scope, sent))) return res;
    await res.body?.cancel();
    res = await this.follow(method, url, await this.authorization(scope), options);
    return res;
  }

  /** Throws a RegistryError that names the registry, what we tried and which scope was missing. */
  async expect(res: Response, ok: number[], what: string, scope: Scope): Promise<void> {
    if (ok.includes(res.status)) return;
    const body = await res.text().catch(() => '');
    const code = errorCode(body);
    let hint = '';
    if (res.status === 401 || res.status === 403) {
      const missing = this.missingActions(scope);
      const who = this.credentials ? `the credentials of ${JSON.stringify(this.credentials.username)}` : 'anonymous access';
      hint = `: ${who} do${this.credentials ? '' : 'es'} not grant ${missing}`;
    }
    const detail = code ? ` ${code}` : '';
    throw new RegistryError(`registry ${this.host} refused to ${what}: HTTP ${res.status}${detail}${hint}`, res.status, code);
  }

  /** Names the actions the cached token lacks (tokens that are JWTs say what they grant). */
  private missingActions(scope: Scope): string {
    const token = this.tokens.get(scopeString(scope))?.value;
    const granted = token ? grantedActions(token, scope.repository) : undefined;
    if (!granted) return `scope ${scopeString(scope)}`;
    const missing = scope.actions.filter((a) => !granted.includes(a));
    return `scope repository:${scope.repository}:${(missing.length ? missing : scope.actions).join(',')}`;
  }

  private async authorization(scope: Scope): Promise<string | undefined> {
    if (this.scheme === 'basic' && this.credentials) return basicHeader(this.credentials);
    if (this.scheme !== 'bearer' || !this.bearer) return undefined;
    const cached = this.cachedToken(scope);
    if (cached) return `Bearer ${cached}`;
    // We know the realm already: ask for this scope before the registry has to challenge us.
    return `Bearer ${await this.fetchToken([scopeString(scope)], scope)}`;
  }

  /** A cached token for this scope or for one that covers it (pull,push covers pull). */
  private cachedToken(scope: Scope): string | undefined {
    for (const key of [scopeString(scope), `repository:${scope.repository}:pull,push`]) {
      const hit = this.tokens.get(key);
      const covers = key.split(':').at(-1)!.split(',');
      if (hit && hit.expiresAt > Date.now() && scope.actions.every((a) => covers.includes(a))) return hit.value;
    }
    return undefined;
  }

  /** Answers a 401 challenge; false when there is nothing more we could send. */
  private async answer(challenges: Challenge[], scope: Scope, sent: string | undefined): Promise<boolean> {
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
    if (bearer) {
      this.scheme = 'bearer';
      this.bearer = { realm: bearer.params.realm!, service: bearer.params.service };
      // The challenge's scope is what this request needs; ours may name more (pull,push).
      const scopes = new Set([scopeString(scope), ...(bearer.params.scope ?? '').split(' ').filter(Boolean)]);
      this.tokens.delete(scopeString(scope));
      await this.fetchToken([...scopes], scope);
      return true;
    }
    // Compare with what this request sent, not with shared state: parallel first requests all
    // meet the challenge, and each deserves one answer.
    if (challenges.some((c) => c.scheme === 'basic') && this.credentials && sent !== basicHeader(this.credentials)) {
      this.scheme = 'basic';
      return true;
    }
    return false;
  }

  private async fetchToken(scopes: string[], scope: Scope): Promise<string> {
    const { realm, service } = this.bearer!;
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new InfraError(`registry ${this.host} sent a token realm that is not a URL: ${JSON.stringify(realm)}`);
    }
    if (service) url.searchParams.set('service', service);
    for (const s of scopes) url.searchParams.append('scope', s);
    // Credentials go over https, or over http only when this registry is itself plain http
    // (a loopback test registry the caller opted into); never downgraded by a realm.
    const mayCarry = url.protocol === 'https:' || this.origin.startsWith('http:');
    const headers: Record<string, string> = this.credentials && mayCarry ? { authorization: basicHeader(this.credentials) } : {};
    const res = await this.retrying(url.host, () => fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }));
    if (!res.ok) {
      await res.body?.cancel();
      const who = this.credentials ? `the credentials of ${JSON.stringify(this.credentials.username)}` : 'anonymous access';
      throw new RegistryError(`token server ${url.origin} for registry ${this.host} refused ${who} for ${scopes.join(' ')}: HTTP ${res.status}`, res.status, undefined);
    }
    const json = (await res.json().catch(() => ({}))) as { token?: unknown; access_token?: unknown; expires_in?: unknown };
    const value = typeof json.token === 'string' ? json.token : typeof json.access_token === 'string' ? json.access_token : undefined;
    if (!value) throw new InfraError(`token server ${url.origin} for registry ${this.host} answered without a token`);
    // The spec's default lifetime is 60 s; renew a little early.
    const seconds = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 60;
    this.tokens.set(scopeString(scope), { value, expiresAt: Date.now() + Math.max(seconds - 10, 5) * 1000 });
    return value;
  }

  /** Follows redirects by hand: Authorization goes only to this registry's own origin. */
  private async follow(method: string, url: string, authorization: string | undefined, options: SendOptions): Promise<Response> {
    let current = url;
    let currentMethod = method;
    let body = options.body;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const sameOrigin = new URL(current).origin === this.origin;
      const headers = { ...options.headers, ...(authorization && sameOrigin ? { authorization } : {}) };
      const target = current;
      const res = await this.retrying(this.host, () =>
        fetch(target, { method: currentMethod, headers, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), ...(body ? { body: new Uint8Array(body) } : {}) }),
      );
      const location = res.headers.get('location');
      if (!REDIRECTS.has(res.status) || !location) return res;
      await res.body?.cancel();
      current = new URL(location, current).toString();
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && currentMethod === 'POST')) {
        currentMethod = 'GET';
        body = undefined;
      }
    }
    throw new InfraError(`registry ${this.host}: more than ${MAX_REDIRECTS} redirects for ${method} ${url}`);
  }

  /** 429/503 are the registry asking us to wait: do, within bounds. Transport errors are not retried. */
  private async retrying(host: string, send: () => Promise<Response>): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await send();
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new InfraError(`registry ${host} is unreachable: ${cause?.code ?? cause?.message ?? (error as Error).message}`, { cause: error });
      }
      if ((res.status !== 429 && res.status !== 503) || attempt >= this.maxRetries) return res;
      const wait = Math.min(retryAfterMs(res.headers.get('retry-after')) ?? 500 * 2 ** attempt, this.maxRetryDelayMs);
      await res.body?.cancel();
      this.log(`registry ${host} answered ${res.status}; retrying in ${(wait / 1000).toFixed(1)} s (retry ${attempt + 1} of ${this.maxRetries})`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function basicHeader(c: Credentials): string {
  return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
}

/** The first error code of a distribution error body (`{"errors":[{"code":"NAME_UNKNOWN"}]}`). */
function errorCode(body: string): string | undefined {
  try {
    const code = (JSON.parse(body) as { errors?: { code?: unknown }[] }).errors?.[0]?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort, for messages only: the actions a Docker-style JWT grants on a repository. */
function grantedActions(token: string, repository: string): string[] | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { access?: { type?: string; name?: string; actions?: string[] }[] };
    if (!Array.isArray(claims.access)) return undefined;
    return claims.access.filter((a) => a.type === 'repository' && a.name === repository).flatMap((a) => a.actions ?? []);
  } catch {
    return undefined;
  }
}

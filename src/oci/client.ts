/**
 * One OCI distribution client for real registries (GHCR, Docker Hub, distribution, …): the
 * operations we need (manifests, blobs) over ./auth.ts (anonymous, Basic, Docker token per
 * scope) and ./transport.ts (redirects without leaking Authorization, bounded Retry-After).
 *
 * Credentials are only ever sent to the host this client was built for (and its token realm);
 * callers decide which host deserves which credentials (see credentialsForHosts in ./images.ts).
 */
import { InfraError } from '../errors.js';
import { RegistryAuth } from './auth.js';
import { type Credentials, RegistryError, type Scope, sha256 } from './model.js';
import { type SendOptions, Transport } from './transport.js';
import { parseWwwAuthenticate } from './www-authenticate.js';

export { type Action, type Credentials, RegistryError, type Scope, scopeString, sha256 } from './model.js';

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

export class RegistryClient {
  readonly host: string;
  readonly origin: string;
  private readonly transport: Transport;
  private readonly auth: RegistryAuth;

  constructor(options: RegistryClientOptions) {
    this.host = options.host;
    this.origin = `${options.plainHttp ? 'http' : 'https'}://${options.host}`;
    this.transport = new Transport({
      host: options.host,
      origin: this.origin,
      log: options.log ?? (() => {}),
      maxRetries: options.maxRetries ?? 4,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 30_000,
    });
    this.auth = new RegistryAuth(options.host, this.origin, options.credentials, this.transport);
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
    const sent = await this.auth.authorization(scope);
    const res = await this.transport.follow(method, url, sent, options);
    if (res.status !== 401) return res;
    const challenges = parseWwwAuthenticate(res.headers.get('www-authenticate') ?? '');
    if (!(await this.auth.answer(challenges, scope, sent))) return res;
    await res.body?.cancel();
    return this.transport.follow(method, url, await this.auth.authorization(scope), options);
  }

  /** Throws a RegistryError that names the registry, what we tried and which scope was missing. */
  async expect(res: Response, ok: number[], what: string, scope: Scope): Promise<void> {
    if (ok.includes(res.status)) return;
    const body = await res.text().catch(() => '');
    const code = errorCode(body);
    let hint = '';
    if (res.status === 401 || res.status === 403) {
      const who = this.auth.who();
      hint = `: ${who} ${who === 'anonymous access' ? 'does' : 'do'} not grant ${this.auth.missingActions(scope)}`;
    }
    const detail = code ? ` ${code}` : '';
    throw new RegistryError(`registry ${this.host} refused to ${what}: HTTP ${res.status}${detail}${hint}`, res.status, code);
  }
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

/**
 * Publishing a chart package to an OCI registry the way `helm push` lays it out (config
 * `application/vnd.cncf.helm.config.v1+json`, one layer
 * `application/vnd.cncf.helm.chart.content.v1.tar+gzip`, tag = version with `+` → `_`), over
 * the OCI distribution API with token or basic auth.
 *
 * Idempotent and never half-published: blobs go first and the manifest last, so a failure
 * leaves no tag; an existing tag with the same chart content is success with nothing pushed;
 * an existing tag with different content is refused — a published version is immutable.
 */
import { InfraError, InputError } from '../errors.js';
import type { ChartPackage } from './package.js';
import { sha256 } from './package.js';

export const HELM_CONFIG_MEDIA_TYPE = 'application/vnd.cncf.helm.config.v1+json';
export const HELM_LAYER_MEDIA_TYPE = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
export const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';

export interface OciTarget {
  baseUrl: string;
  /** `path/to/<chart name>` inside the registry. */
  repository: string;
  tag: string;
  /** `oci://host/path/name:tag`, for messages. */
  display: string;
}

export interface Credentials {
  username: string;
  password: string;
}

export interface PublishResult {
  status: 'published' | 'unchanged';
  manifestDigest: string;
  target: OciTarget;
}

/** `oci://ghcr.io/acme/charts` + common 2.0.0+b1 → ghcr.io, acme/charts/common, 2.0.0_b1. */
export function ociTarget(registry: string, chartName: string, version: string, plainHttp: boolean): OciTarget {
  const m = /^oci:\/\/([A-Za-z0-9.-]+(?::[0-9]+)?)((?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*)\/?$/.exec(registry);
  if (!m) {
    throw new InputError([{ code: 'chart-registry', message: `registry ${JSON.stringify(registry)} is not an oci://HOST/PATH reference` }]);
  }
  const host = m[1]!;
  const repository = `${m[2]!.replace(/^\//, '')}${m[2] ? '/' : ''}${chartName}`;
  const tag = version.replace(/\+/g, '_');
  return { baseUrl: `${plainHttp ? 'http' : 'https'}://${host}`, repository, tag, display: `oci://${host}/${repository}:${tag}` };
}

interface Manifest {
  config?: { digest: string };
  layers?: { digest: string; mediaType: string }[];
}

export function manifestFor(pkg: ChartPackage): Buffer {
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    config: { mediaType: HELM_CONFIG_MEDIA_TYPE, digest: sha256(pkg.config), size: pkg.config.length },
    layers: [{ mediaType: HELM_LAYER_MEDIA_TYPE, digest: pkg.digest, size: pkg.bytes.length }],
    annotations: {
      'org.opencontainers.image.title': pkg.meta.name,
      'org.opencontainers.image.version': pkg.meta.version,
    },
  };
  return Buffer.from(JSON.stringify(manifest));
}

export async function publishChart(pkg: ChartPackage, target: OciTarget, credentials: Credentials | undefined, log: (line: string) => void): Promise<PublishResult> {
  const client = new RegistryClient(target, credentials);
  const existing = await client.getManifest();
  if (existing) {
    const layer = existing.manifest.layers?.find((l) => l.mediaType === HELM_LAYER_MEDIA_TYPE);
    if (layer?.digest === pkg.digest) {
      log(`${target.display} already holds this exact chart (${pkg.digest}); nothing to push`);
      return { status: 'unchanged', manifestDigest: existing.digest, target };
    }
    throw new InputError([
      {
        file: 'charts/common/Chart.yaml',
        code: 'chart-version-exists',
        message: `${target.display} is already published with different content (${layer?.digest ?? 'unknown'}, this chart is ${pkg.digest}); published versions are immutable: bump version in Chart.yaml`,
      },
    ]);
  }
  for (const blob of [pkg.config, pkg.bytes]) await client.pushBlob(blob);
  const manifest = manifestFor(pkg);
  const digest = await client.putManifest(manifest);
  log(`pushed ${target.display} (${digest})`);
  return { status: 'published', manifestDigest: digest, target };
}

class RegistryClient {
  private authorization: string | undefined;

  constructor(
    private readonly target: OciTarget,
    private readonly credentials: Credentials | undefined,
  ) {}

  async getManifest(): Promise<{ manifest: Manifest; digest: string } | undefined> {
    const res = await this.request('GET', `/v2/${this.target.repository}/manifests/${this.target.tag}`, { accept: OCI_MANIFEST_MEDIA_TYPE });
    if (res.status === 404) return undefined;
    await this.expect(res, [200], 'read the manifest');
    const body = Buffer.from(await res.arrayBuffer());
    return { manifest: JSON.parse(body.toString('utf8')) as Manifest, digest: res.headers.get('docker-content-digest') ?? sha256(body) };
  }

  async pushBlob(blob: Buffer): Promise<void> {
    const digest = sha256(blob);
    const head = await this.request('HEAD', `/v2/${this.target.repository}/blobs/${digest}`);
    if (head.status === 200) return;
    const start = await this.request('POST', `/v2/${this.target.repository}/blobs/uploads/`);
    await this.expect(start, [202], 'start a blob upload');
    const location = start.headers.get('location');
    if (!location) throw new InfraError('the registry did not say where to upload');
    const url = new URL(location, this.target.baseUrl);
    url.searchParams.set('digest', digest);
    const put = await this.request('PUT', url.toString(), { 'content-type': 'application/octet-stream' }, blob);
    await this.expect(put, [201], 'upload a blob');
  }

  async putManifest(manifest: Buffer): Promise<string> {
    const res = await this.request('PUT', `/v2/${this.target.repository}/manifests/${this.target.tag}`, { 'content-type': OCI_MANIFEST_MEDIA_TYPE }, manifest);
    await this.expect(res, [201], 'push the manifest');
    return res.headers.get('docker-content-digest') ?? sha256(manifest);
  }

  private async expect(res: Response, ok: number[], what: string): Promise<void> {
    if (ok.includes(res.status)) return;
    const detail = (await res.text().catch(() => '')).slice(0, 300);
    const hint = res.status === 401 || res.status === 403 ? ' (check the registry credentials and that the token may write packages)' : '';
    throw new InfraError(`registry refused to ${what}: HTTP ${res.status}${hint}${detail ? `: ${detail}` : ''}`);
  }

  private async request(method: string, pathOrUrl: string, headers: Record<string, string> = {}, body?: Buffer): Promise<Response> {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.target.baseUrl}${pathOrUrl}`;
    const send = () =>
      fetch(url, {
        method,
        headers: { ...headers, ...(this.authorization ? { authorization: this.authorization } : {}) },
        ...(body ? { body: new Uint8Array(body) } : {}),
        redirect: 'follow',
        signal: AbortSignal.timeout(60_000),
      });
    let res: Response;
    try {
      res = await send();
      if (res.status === 401 && (await this.authenticate(res))) res = await send();
    } catch (error) {
      if (error instanceof InfraError) throw error;
      throw new InfraError(`registry ${this.target.baseUrl} is unreachable: ${(error as Error).cause ?? (error as Error).message}`, { cause: error });
    }
    return res;
  }

  /** Answers a 401 challenge once: Basic with the credentials, or a Bearer token from the realm. */
  private async authenticate(res: Response): Promise<boolean> {
    if (this.authorization?.startsWith('Bearer') || this.authorization?.startsWith('Basic')) return false;
    const challenge = res.headers.get('www-authenticate') ?? '';
    const basic = this.credentials ? `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}` : undefined;
    if (/^basic/i.test(challenge)) {
      if (!basic) return false;
      this.authorization = basic;
      return true;
    }
    if (!/^bearer/i.test(challenge)) return false;
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
    if (!params.realm) return false;
    const tokenUrl = new URL(params.realm);
    if (params.service) tokenUrl.searchParams.set('service', params.service);
    tokenUrl.searchParams.set('scope', params.scope ?? `repository:${this.target.repository}:pull,push`);
    const tokenRes = await fetch(tokenUrl, { headers: basic ? { authorization: basic } : {}, signal: AbortSignal.timeout(30_000) });
    if (!tokenRes.ok) return false;
    const json = (await tokenRes.json()) as { token?: string; access_token?: string };
    const token = json.token ?? json.access_token;
    if (!token) return false;
    this.authorization = `Bearer ${token}`;
    return true;
  }
}

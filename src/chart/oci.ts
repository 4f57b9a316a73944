/**
 * Publishing a chart package to an OCI registry the way `helm push` lays it out (config
 * `application/vnd.cncf.helm.config.v1+json`, one layer
 * `application/vnd.cncf.helm.chart.content.v1.tar+gzip`, tag = version with `+` → `_`), over
 * the registry client in src/oci.
 *
 * Idempotent and never half-published: blobs go first and the manifest last, so a failure
 * leaves no tag; an existing tag with the same chart content is success with nothing pushed;
 * an existing tag with different content is refused — a published version is immutable.
 *
 * "Same content" is decided on the uncompressed tar, recorded as a manifest annotation: gzip
 * bytes depend on the zlib inside Node, so a Node update must not make an unchanged chart look
 * different. Manifests without the annotation (pushed by helm, or by an older infraforge) are
 * compared by un-gzipping their layer.
 */
import { gunzipSync } from 'node:zlib';
import { InputError } from '../errors.js';
import { type Credentials, RegistryClient, sha256 } from '../oci/client.js';
import type { ChartPackage } from './package.js';

export type { Credentials } from '../oci/client.js';

export const HELM_CONFIG_MEDIA_TYPE = 'application/vnd.cncf.helm.config.v1+json';
export const HELM_LAYER_MEDIA_TYPE = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
export const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
/** sha256 of the chart's uncompressed tar: the content identity that survives a zlib change. */
export const CONTENT_DIGEST_ANNOTATION = 'io.infraforge.chart.content.digest';

export interface OciTarget {
  /** `host[:port]` */
  host: string;
  plainHttp: boolean;
  /** `path/to/<chart name>` inside the registry. */
  repository: string;
  tag: string;
  /** `oci://host/path/name:tag`, for messages. */
  display: string;
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
  return { host, plainHttp, repository, tag, display: `oci://${host}/${repository}:${tag}` };
}

interface Manifest {
  config?: { digest: string };
  layers?: { digest: string; mediaType: string }[];
  annotations?: Record<string, string>;
}

export function manifestFor(pkg: ChartPackage): Buffer {
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    config: { mediaType: HELM_CONFIG_MEDIA_TYPE, digest: sha256(pkg.config), size: pkg.config.length },
    layers: [{ mediaType: HELM_LAYER_MEDIA_TYPE, digest: pkg.digest, size: pkg.bytes.length }],
    annotations: {
      [CONTENT_DIGEST_ANNOTATION]: pkg.contentDigest,
      'org.opencontainers.image.title': pkg.meta.name,
      'org.opencontainers.image.version': pkg.meta.version,
    },
  };
  return Buffer.from(JSON.stringify(manifest));
}

export function chartClient(target: OciTarget, credentials: Credentials | undefined, log: (line: string) => void): RegistryClient {
  return new RegistryClient({ host: target.host, plainHttp: target.plainHttp, credentials, log });
}

export async function publishChart(pkg: ChartPackage, target: OciTarget, credentials: Credentials | undefined, log: (line: string) => void): Promise<PublishResult> {
  const client = chartClient(target, credentials, log);
  const existing = await client.getManifest(target.repository, target.tag);
  if (existing) {
    const published = await publishedContentDigest(client, target, JSON.parse(existing.bytes.toString('utf8')) as Manifest);
    if (published === pkg.contentDigest) {
      log(`${target.display} already holds this chart (content ${pkg.contentDigest}); nothing to push`);
      return { status: 'unchanged', manifestDigest: existing.digest, target };
    }
    throw new InputError([
      {
        file: 'charts/common/Chart.yaml',
        code: 'chart-version-exists',
        message: `${target.display} is already published with different content (${published ?? 'unknown'}, this chart is ${pkg.contentDigest}); published versions are immutable: bump version in Chart.yaml`,
      },
    ]);
  }
  for (const blob of [pkg.config, pkg.bytes]) await client.pushBlob(target.repository, blob);
  const digest = await client.putManifest(target.repository, target.tag, manifestFor(pkg), OCI_MANIFEST_MEDIA_TYPE);
  log(`pushed ${target.display} (${digest})`);
  return { status: 'published', manifestDigest: digest, target };
}

/** The uncompressed-tar digest of a published chart: from our annotation, else from its layer. */
async function publishedContentDigest(client: RegistryClient, target: OciTarget, manifest: Manifest): Promise<string | undefined> {
  const annotated = manifest.annotations?.[CONTENT_DIGEST_ANNOTATION];
  if (typeof annotated === 'string') return annotated;
  const layer = manifest.layers?.find((l) => l.mediaType === HELM_LAYER_MEDIA_TYPE);
  if (!layer) return undefined;
  const blob = await client.getBlob(target.repository, layer.digest);
  try {
    return sha256(gunzipSync(blob));
  } catch {
    return undefined; // not gzip: certainly not our content
  }
}

/** Whether the registry holds this chart version (for renders that pin it). */
export async function chartPublished(target: OciTarget, credentials: Credentials | undefined, log: (line: string) => void): Promise<boolean> {
  return (await chartClient(target, credentials, log).getManifest(target.repository, target.tag)) !== undefined;
}

/**
 * The user an image runs as (its config's `User`), and whether the kubelet's runAsNonRoot check
 * would let it start when the pod names no numeric UID. The kubelet refuses an image whose
 * user is root (empty, `root`, `0`) or a name it cannot resolve to a number (`app`, `nginx`):
 * `CreateContainerConfigError` at start, long after the merge. --verify-images asks first.
 */
import type { RegistryClient } from './client.js';

const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];

/** The config's User of `repository:reference` (linux/amd64 in a multi-platform index); undefined when there is no such image. */
export async function imageUser(client: RegistryClient, repository: string, reference: string): Promise<string | undefined> {
  let manifest = await client.getManifest(repository, reference);
  if (!manifest) return undefined;
  let doc = JSON.parse(manifest.bytes.toString('utf8')) as { mediaType?: string; manifests?: { digest: string; platform?: { os?: string; architecture?: string } }[]; config?: { digest: string } };
  if (doc.manifests && (INDEX_TYPES.includes(doc.mediaType ?? manifest.mediaType) || !doc.config)) {
    const pick = doc.manifests.find((m) => m.platform?.os === 'linux' && m.platform.architecture === 'amd64') ?? doc.manifests.find((m) => m.platform?.os === 'linux') ?? doc.manifests[0];
    if (!pick) return undefined;
    manifest = await client.getManifest(repository, pick.digest);
    if (!manifest) return undefined;
    doc = JSON.parse(manifest.bytes.toString('utf8')) as typeof doc;
  }
  if (!doc.config?.digest) return undefined;
  const config = JSON.parse((await client.getBlob(repository, doc.config.digest)).toString('utf8')) as { config?: { User?: string } };
  return config.config?.User ?? '';
}

/** Why runAsNonRoot would refuse this image user without a numeric runAsUser; undefined when it would start. */
export function nonRootRefusal(user: string): string | undefined {
  const name = user.split(':')[0]!;
  if (name === '' || name === 'root' || name === '0') return `its USER is ${name === '' ? 'not set (root)' : name}, and runAsNonRoot refuses root`;
  if (!/^[0-9]+$/.test(name)) return `its USER is the name ${JSON.stringify(name)}, which the kubelet cannot check against runAsNonRoot`;
  return undefined;
}

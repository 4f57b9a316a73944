/**
 * Small OCI images of our own, pushed with our registry client (no docker needed): a config,
 * one layer (a tar with one file whose content is `content`), a manifest. Different content →
 * a different manifest digest, which is what "the tag moved" means.
 */
import { gzipSync } from 'node:zlib';
import { tar } from '../../src/chart/package.js';
import { type Credentials, RegistryClient } from '../../src/oci/client.js';

/** `user` is the config's User (the Dockerfile's USER); absent, the image runs as root. */
export async function pushImage(host: string, repository: string, tag: string, content: string, credentials?: Credentials, user?: string): Promise<string> {
  const client = new RegistryClient({ host, plainHttp: true, ...(credentials ? { credentials } : {}) });
  const layer = gzipSync(tar([{ name: 'app/version.txt', data: Buffer.from(content) }]));
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, config: { Labels: { content }, ...(user === undefined ? {} : { User: user }) } }));
  const configDigest = await client.pushBlob(repository, config);
  const layerDigest = await client.pushBlob(repository, layer);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layerDigest, size: layer.length }],
    }),
  );
  return client.putManifest(repository, tag, manifest, 'application/vnd.oci.image.manifest.v1+json');
}

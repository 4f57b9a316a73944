/**
 * An OCI image as bytes, without I/O: one gzip layer of the given files, a config that names the
 * entrypoint and the user, a manifest. Deterministic (fixed tar metadata, gzip without a
 * timestamp), so the same programs give the same digests. ./images.ts pushes them.
 */
import { createHash } from 'node:crypto';
import { gzipDeterministic, tar } from '../../../src/chart/package.js';

export interface ImageSpec {
  /** Files of the one layer, paths without a leading slash. */
  files: { path: string; data: Buffer; mode?: number }[];
  entrypoint: string[];
  /** The image's USER: `65532`, `root`, `app` (a name needs /etc/passwd among the files). */
  user: string;
  env?: string[];
}

export interface ImageBytes {
  config: Buffer;
  layer: Buffer;
  manifest: Buffer;
}

export const MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';

const digest = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

export function ociImage(spec: ImageSpec): ImageBytes {
  const files = [...spec.files].sort((a, b) => a.path.localeCompare(b.path));
  const uncompressed = tar(files.map((f) => ({ name: f.path, data: f.data, mode: f.mode ?? 0o644 })));
  const layer = gzipDeterministic(uncompressed);
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { User: spec.user, Entrypoint: spec.entrypoint, Env: spec.env ?? ['PATH=/'] },
      // containerd checks the unpacked layer against diff_ids: the digest of the uncompressed tar.
      rootfs: { type: 'layers', diff_ids: [digest(uncompressed)] },
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST_MEDIA_TYPE,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: digest(config), size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: digest(layer), size: layer.length }],
    }),
  );
  return { config, layer, manifest };
}

/** /etc/passwd and /etc/group for an image whose USER is a name. */
export function passwdFiles(users: { name: string; uid: number }[]): ImageSpec['files'] {
  const passwd = users.map((u) => `${u.name}:x:${u.uid}:${u.uid}:${u.name}:/:/sbin/nologin\n`).join('');
  const group = users.map((u) => `${u.name}:x:${u.uid}:\n`).join('');
  return [
    { path: 'etc/passwd', data: Buffer.from(passwd) },
    { path: 'etc/group', data: Buffer.from(group) },
  ];
}

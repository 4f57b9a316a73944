/**
 * An OCI image from a few files, in memory and byte-deterministic (pure; no I/O): one
 * uncompressed tar layer (mtime 0, uid/gid 0, entries in the order given), a config without a
 * creation time, a manifest. The same files and settings always give the same manifest digest,
 * so a test can name its image by digest.
 */
import { tar } from '../../../src/chart/package.js';
import { sha256 } from '../../../src/oci/model.js';

export const MANIFEST_TYPE = 'application/vnd.oci.image.manifest.v1+json';
const CONFIG_TYPE = 'application/vnd.oci.image.config.v1+json';
// Uncompressed: containerd unpacks it as well as a gzip layer, and no zlib version can change a digest.
const LAYER_TYPE = 'application/vnd.oci.image.layer.v1.tar';

export interface ImageFile {
  /** Path inside the image, without a leading slash. */
  path: string;
  data: Buffer;
  mode?: number;
}

export interface ImageSpec {
  files: ImageFile[];
  entrypoint: string[];
  /** The config's User (the Dockerfile's USER); undefined leaves it out (the image runs as root). */
  user?: string;
  env?: string[];
  /** The config's WorkingDir (the Dockerfile's WORKDIR): where a relative command such as `./app` is found. */
  workingDir?: string;
  exposedPorts?: number[];
  labels?: Record<string, string>;
}

export interface BuiltImage {
  layer: Buffer;
  config: Buffer;
  manifest: Buffer;
  /** sha256:… of the manifest: what `repository@digest` names. */
  digest: string;
}

export function buildImage(spec: ImageSpec): BuiltImage {
  const layer = tar(spec.files.map((f) => ({ name: f.path, data: f.data, ...(f.mode === undefined ? {} : { mode: f.mode }) })));
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: {
        ...(spec.user === undefined ? {} : { User: spec.user }),
        Entrypoint: spec.entrypoint,
        Env: spec.env ?? ['PATH=/'],
        ...(spec.workingDir === undefined ? {} : { WorkingDir: spec.workingDir }),
        ...(spec.exposedPorts ? { ExposedPorts: Object.fromEntries(spec.exposedPorts.map((p) => [`${p}/tcp`, {}])) } : {}),
        ...(spec.labels ? { Labels: spec.labels } : {}),
      },
      rootfs: { type: 'layers', diff_ids: [sha256(layer)] },
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST_TYPE,
      config: { mediaType: CONFIG_TYPE, digest: sha256(config), size: config.length },
      layers: [{ mediaType: LAYER_TYPE, digest: sha256(layer), size: layer.length }],
    }),
  );
  return { layer, config, manifest, digest: sha256(manifest) };
}

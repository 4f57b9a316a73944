/**
 * The e2e node's images (test/e2e/node/oci-image.ts) are read back by independent tools: GNU tar
 * lists the layer (modes, owners, paths), node:crypto recomputes every digest the manifest and
 * config claim. containerd refuses a layer whose diff_id is wrong, so that one matters most.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ociImage, passwdFiles } from '../e2e/node/oci-image.js';

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const spec = {
  files: [{ path: 'envapp', data: Buffer.from('#!binary'), mode: 0o755 }, ...passwdFiles([{ name: 'app', uid: 10001 }])],
  entrypoint: ['/envapp'],
  user: 'app',
};

describe('ociImage', () => {
  it('packs one gzip layer that tar reads back with the modes asked for', () => {
    const { layer } = ociImage(spec);
    const listing = execFileSync('tar', ['-tvz'], { input: layer }).toString().trim().split('\n');
    expect(listing.map((l) => l.split(/\s+/).pop())).toEqual(['envapp', 'etc/group', 'etc/passwd']);
    expect(listing[0]).toMatch(/^-rwxr-xr-x 0\/0 /);
    expect(listing[2]).toMatch(/^-rw-r--r-- 0\/0 /);
    const passwd = execFileSync('tar', ['-xzO', 'etc/passwd'], { input: layer }).toString();
    expect(passwd).toBe('app:x:10001:10001:app:/:/sbin/nologin\n');
  });

  it('states digests and sizes that match the bytes, and diff_ids of the uncompressed layer', () => {
    const { config, layer, manifest } = ociImage(spec);
    const m = JSON.parse(manifest.toString());
    expect(m.config).toMatchObject({ digest: sha(config), size: config.length });
    expect(m.layers).toEqual([{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha(layer), size: layer.length }]);
    const c = JSON.parse(config.toString());
    expect(c.rootfs.diff_ids).toEqual([sha(gunzipSync(layer))]);
    expect(c.config).toMatchObject({ User: 'app', Entrypoint: ['/envapp'] });
  });

  it('gives the same bytes for the same files (no timestamps)', () => {
    expect(ociImage(spec).manifest.equals(ociImage(spec).manifest)).toBe(true);
  });
});

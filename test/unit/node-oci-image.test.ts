/**
 * The e2e node's images (test/e2e/node/oci-image.ts): deterministic, well-formed OCI, and a
 * layer the system's tar reads with the modes we asked for.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildImage, type ImageSpec } from '../e2e/node/oci-image.js';
import { imageSpecs } from '../e2e/node/test-images.js';

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const apps = { echo: Buffer.from('#!fake echo binary\n'), pause: Buffer.from('#!fake pause binary\n'), 'podinfo-standin': Buffer.from('#!fake podinfo binary\n') };

describe('OCI images of the e2e node', () => {
  it('are byte-identical for the same input, and differ when the user differs', () => {
    const specs = imageSpecs(apps);
    expect(buildImage(specs.echo).digest).toBe(buildImage(imageSpecs({ ...apps }).echo).digest);
    const digests = new Set(Object.values(specs).map((s) => buildImage(s).digest));
    expect(digests.size).toBe(5);
  });

  it('link manifest → config → layer by digest and size', () => {
    const image = buildImage(imageSpecs(apps)['echo-named']);
    const manifest = JSON.parse(image.manifest.toString());
    const config = JSON.parse(image.config.toString());
    expect(image.digest).toBe(sha(image.manifest));
    expect(manifest.config).toEqual({ mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(image.config), size: image.config.length });
    expect(manifest.layers).toEqual([{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha(image.layer), size: image.layer.length }]);
    expect(config.rootfs).toEqual({ type: 'layers', diff_ids: [sha(image.layer)] });
    expect(config.config).toMatchObject({ User: 'app', Entrypoint: ['/echo'], ExposedPorts: { '8080/tcp': {} } });
    expect(config.created).toBeUndefined();
  });

  it('write the users the README promises', () => {
    const users = Object.fromEntries(Object.entries(imageSpecs(apps)).map(([name, spec]) => [name, JSON.parse(buildImage(spec).config.toString()).config.User]));
    expect(users).toEqual({ echo: '65532', 'echo-root': 'root', 'echo-named': 'app', pause: '65535', podinfo: 'app' });
  });

  it('lay the podinfo stand-in out like podinfo\'s image, so the claim\'s relative `./podinfo` command resolves', () => {
    const image = buildImage(imageSpecs(apps).podinfo);
    expect(JSON.parse(image.config.toString()).config).toMatchObject({ WorkingDir: '/home/app', Entrypoint: ['./podinfo'], User: 'app' });
    const listing = execFileSync('tar', ['-tf', '-'], { input: image.layer }).toString().trim().split('\n');
    expect(listing).toContain('home/app/podinfo');
    expect(listing).toContain('etc/passwd');
    expect(JSON.parse(buildImage(imageSpecs(apps).echo).config.toString()).config.WorkingDir).toBeUndefined();
  });

  it('have a layer tar(1) lists with the modes asked for and epoch times', () => {
    const spec: ImageSpec = { files: [{ path: 'etc/passwd', data: Buffer.from('app:x:10001:10001::/:/sbin/nologin\n') }, { path: 'echo', data: apps.echo, mode: 0o755 }], entrypoint: ['/echo'] };
    const listing = execFileSync('tar', ['-tvf', '-', '--numeric-owner', '--full-time'], { input: buildImage(spec).layer, env: { TZ: 'UTC' } }).toString();
    const lines = listing.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^-rw-r--r-- 0\/0 +35 1970-01-01 00:00:00 etc\/passwd$/);
    expect(lines[1]).toMatch(/^-rwxr-xr-x 0\/0 +19 1970-01-01 00:00:00 echo$/);
  });
});

/**
 * A Redis image built from this machine's Debian `redis-server` package, for the redis component
 * the chart renders (a StatefulSet running `docker.io/library/redis:<version>`). Docker Hub is out
 * of reach, so containerd's mirror for docker.io is the loopback registry (./containerd.ts), and
 * this image is pushed there as `library/redis:<Debian's version>`: what a claim asking for that
 * version pulls.
 *
 * Laid out as far as the chart relies on it: `redis-server` on PATH, started by the entrypoint with
 * the chart's `args` as its options (as the official image's entrypoint passes them on), `sh`, `redis-cli`
 * and `grep` for the chart's readiness probe (`redis-cli ping | grep -q PONG`), `/data` as the
 * working directory. The binaries are Debian's, with the shared libraries `ldd` names copied
 * to the same paths. The chart runs it as UID 999 (the official image's redis user).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { RegistryClient } from '../../../src/oci/client.js';
import { buildImage, type ImageFile, type ImageSpec, MANIFEST_TYPE } from './oci-image.js';

/** Image path → host file (symlinks resolved when read). */
const BINARIES: Record<string, string> = {
  'usr/bin/redis-server': '/usr/bin/redis-server',
  'usr/bin/redis-cli': '/usr/bin/redis-cli',
  'bin/sh': '/bin/sh',
  'usr/bin/grep': '/usr/bin/grep',
};

/** `7.0.15`: the version of Debian's redis-server on this machine. */
export function debianRedisVersion(): string {
  const out = execFileSync('/usr/bin/redis-server', ['--version'], { encoding: 'utf8' });
  const version = /\bv=(\d+\.\d+\.\d+)\b/.exec(out)?.[1];
  if (!version) throw new Error(`redis-server --version: no version in ${JSON.stringify(out)}`);
  return version;
}

/** Every shared library `ldd` lists for the binaries, and the dynamic loader. */
function sharedLibraries(binaries: string[]): string[] {
  const libs = new Set<string>();
  for (const bin of binaries) {
    for (const line of execFileSync('ldd', [bin], { encoding: 'utf8' }).split('\n')) {
      const lib = /=>\s+(\/\S+)/.exec(line)?.[1] ?? /^\s*(\/\S+)\s+\(/.exec(line)?.[1];
      if (lib) libs.add(lib);
    }
  }
  return [...libs].sort();
}

export function redisImageSpec(): ImageSpec {
  const files: ImageFile[] = Object.entries(BINARIES).map(([at, from]) => ({ path: at, data: readFileSync(realpathSync(from)), mode: 0o755 }));
  for (const lib of sharedLibraries(Object.values(BINARIES).map((b) => realpathSync(b)))) {
    files.push({ path: lib.slice(1), data: readFileSync(realpathSync(lib)), mode: 0o755 });
  }
  // The official image builds Redis with protected mode off by default (its Dockerfile patches
  // CONFIG_DEFAULT_PROTECTED_MODE to 0); Debian's keeps it on, and then answers every client from
  // another pod with -DENIED. The entrypoint turns it off the same way for what the chart passes.
  const entrypoint = ['sh', '-c', 'exec redis-server --protected-mode no "$@"', 'redis-server'];
  return { files, entrypoint, user: '999', env: ['PATH=/usr/bin:/bin'], workingDir: '/data', exposedPorts: [6379] };
}

/** Pushes the image as `library/redis:<Debian's version>` to the plain-HTTP registry at `host`; returns the tag and digest. */
export async function pushRedisImage(host: string): Promise<{ tag: string; digest: string; bytes: number }> {
  const tag = debianRedisVersion();
  const image = buildImage(redisImageSpec());
  const client = new RegistryClient({ host, plainHttp: true });
  await client.pushBlob('library/redis', image.config);
  await client.pushBlob('library/redis', image.layer);
  await client.putManifest('library/redis', tag, image.manifest, MANIFEST_TYPE);
  return { tag, digest: image.digest, bytes: image.layer.length };
}

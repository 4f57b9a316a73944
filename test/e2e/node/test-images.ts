/**
 * The images the e2e node runs, built here (no public registry is reachable): the Go apps in
 * ./apps compiled static with the machine's Go, packed by ./oci-image.ts and pushed with our own
 * registry client to a loopback registry.
 *
 * | image | USER | what it proves |
 * |---|---|---|
 * | `e2e/echo` | `65532` | the default: a numeric non-root user |
 * | `e2e/echo-root` | `root` | `--verify-images` refuses it when the pod would keep the image's user |
 * | `e2e/echo-named` | `app` (in /etc/passwd) | the kubelet cannot check a name against runAsNonRoot |
 * | `e2e/pause` | `65535` | containerd's sandbox image (Kubernetes' pause, ours) |
 * | `e2e/podinfo:6.9.2` | `app` (in /etc/passwd) | stands in for ghcr.io/stefanprodan/podinfo:6.9.2, laid out like it: `/home/app/podinfo`, `WORKDIR /home/app`, `USER app` |
 *
 * Digests are deterministic for a given Go release (the binaries are reproducible with
 * -trimpath and no VCS stamp; the layers carry fixed metadata).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { RegistryClient } from '../../../src/oci/client.js';
import { buildImage, type ImageSpec, MANIFEST_TYPE } from './oci-image.js';

const APPS = path.join(path.dirname(new URL(import.meta.url).pathname), 'apps');
export const APP_TAG = '1.0.0';
export const APP_PORT = 8080;
/** The tag of podinfo the real-apps fixture's claim names; the stand-in carries the same one. */
export const PODINFO_TAG = '6.9.2';

export interface TestImages {
  /** `host/e2e/<name>` for each image, all tagged APP_TAG (pause: `pause:1`). */
  echo: string;
  echoRoot: string;
  echoNamed: string;
  pause: string;
  /** `host/e2e/podinfo`, tagged PODINFO_TAG: ./apps/podinfo-standin. */
  podinfo: string;
  /** Manifest digest per repository. */
  digests: Record<string, string>;
}

/** Compiles ./apps/<name> for each name into one temp dir; returns the binaries' bytes. */
export async function buildApps(goBin: string, names: readonly string[]): Promise<Record<string, Buffer>> {
  const out = mkdtempSync(path.join(tmpdir(), 'infraforge-apps-'));
  try {
    await promisify(execFile)(goBin, ['build', '-trimpath', '-buildvcs=false', '-ldflags=-s -w', '-o', `${out}/`, ...names.map((n) => `./${n}`)], {
      cwd: APPS,
      env: { ...process.env, CGO_ENABLED: '0', GOOS: 'linux', GOARCH: 'amd64', GOTOOLCHAIN: 'local', GOFLAGS: '-mod=mod' },
      maxBuffer: 16 << 20,
    });
    return Object.fromEntries(names.map((n) => [n, readFileSync(path.join(out, n))]));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const PASSWD = 'root:x:0:0:root:/:/sbin/nologin\napp:x:10001:10001:app:/:/sbin/nologin\n';
const GROUP = 'root:x:0:\napp:x:10001:\n';

/** The images above, for the binaries `apps`; pure. */
export function imageSpecs(apps: Record<string, Buffer>): Record<'echo' | 'echo-root' | 'echo-named' | 'pause' | 'podinfo', ImageSpec> {
  const echo = (user: string, extra: ImageSpec['files'] = []): ImageSpec => ({
    files: [...extra, { path: 'echo', data: apps.echo!, mode: 0o755 }],
    entrypoint: ['/echo'],
    user,
    env: ['PATH=/', `PORT=${APP_PORT}`],
    exposedPorts: [APP_PORT],
  });
  return {
    echo: echo('65532'),
    'echo-root': echo('root'),
    'echo-named': echo('app', [{ path: 'etc/group', data: Buffer.from(GROUP) }, { path: 'etc/passwd', data: Buffer.from(PASSWD) }]),
    pause: { files: [{ path: 'pause', data: apps.pause!, mode: 0o755 }], entrypoint: ['/pause'], user: '65535' },
    // podinfo's Dockerfile: `adduser app`, `WORKDIR /home/app`, `COPY podinfo .`, `USER app`, `CMD ["./podinfo"]`;
    // the claim's `command: [./podinfo]` relies on that working directory.
    podinfo: {
      files: [{ path: 'etc/group', data: Buffer.from(GROUP) }, { path: 'etc/passwd', data: Buffer.from(PASSWD) }, { path: 'home/app/podinfo', data: apps['podinfo-standin']!, mode: 0o755 }],
      entrypoint: ['./podinfo'],
      workingDir: '/home/app',
      user: 'app',
      exposedPorts: [9898, 9797, 9999],
    },
  };
}

/** Builds and pushes every test image to the plain-HTTP registry at `host`. */
export async function pushTestImages(goBin: string, host: string): Promise<TestImages> {
  const apps = await buildApps(goBin, ['echo', 'pause', 'podinfo-standin']);
  const client = new RegistryClient({ host, plainHttp: true });
  const digests: Record<string, string> = {};
  for (const [name, spec] of Object.entries(imageSpecs(apps))) {
    const repository = `e2e/${name}`;
    const image = buildImage(spec);
    await client.pushBlob(repository, image.config);
    await client.pushBlob(repository, image.layer);
    await client.putManifest(repository, ({ pause: '1', podinfo: PODINFO_TAG } as Record<string, string>)[name] ?? APP_TAG, image.manifest, MANIFEST_TYPE);
    digests[repository] = image.digest;
  }
  return { echo: `${host}/e2e/echo`, echoRoot: `${host}/e2e/echo-root`, echoNamed: `${host}/e2e/echo-named`, pause: `${host}/e2e/pause:1`, podinfo: `${host}/e2e/podinfo`, digests };
}

/** One app a claim names (by `serviceName`), played by `echo`: where it listens and what it answers as healthy. */
export interface EchoStandIn {
  /** `<owner>/<serviceName>` in the registry. */
  repository: string;
  tag: string;
  port: number;
  /** The claim's healthCheck path; echo also answers /healthz. */
  healthPath: string;
}

/**
 * Pushes `echo` as each stand-in (USER 65532), configured by the image's own env — PORT,
 * HEALTH_PATH and APP_VERSION (the tag) — so the claim that names the app needs no edit.
 */
export async function pushEchoStandIns(goBin: string, host: string, standIns: readonly EchoStandIn[]): Promise<Record<string, string>> {
  const { echo } = await buildApps(goBin, ['echo']);
  const client = new RegistryClient({ host, plainHttp: true });
  const digests: Record<string, string> = {};
  for (const s of standIns) {
    const image = buildImage({
      files: [{ path: 'echo', data: echo!, mode: 0o755 }],
      entrypoint: ['/echo'],
      user: '65532',
      env: ['PATH=/', `PORT=${s.port}`, `HEALTH_PATH=${s.healthPath}`, `APP_VERSION=${s.tag}`],
      exposedPorts: [s.port],
    });
    await client.pushBlob(s.repository, image.config);
    await client.pushBlob(s.repository, image.layer);
    await client.putManifest(s.repository, s.tag, image.manifest, MANIFEST_TYPE);
    digests[`${s.repository}:${s.tag}`] = image.digest;
  }
  return digests;
}

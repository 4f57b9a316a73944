/**
 * The images the e2e node runs, built here (no public registry is reachable): envapp and pause
 * from ./apps (Go, standard library only, static), each packed into an OCI image by
 * ./oci-image.ts and pushed with our registry client to a loopback registry.
 *
 * envapp comes in three users, one per case the render has to handle:
 * - `numeric`: USER 65532, on a scratch base (no /etc/passwd) — what a distroless image does;
 * - `root`: USER root;
 * - `named`: USER app (uid 10001 in the image's /etc/passwd), which `runAsNonRoot` cannot verify.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RegistryClient } from '../../../src/oci/client.js';
import { REPO_ROOT } from '../../support/repo.js';
import { type ImageSpec, MANIFEST_MEDIA_TYPE, ociImage, passwdFiles } from './oci-image.js';

const APPS = path.join(REPO_ROOT, 'test/e2e/node/apps');

export type AppUser = 'numeric' | 'root' | 'named';
export const NAMED_USER = { name: 'app', uid: 10001 };
export const NUMERIC_USER = 65532;

export interface Programs {
  envapp: Buffer;
  pause: Buffer;
}

/** `go build` of ./apps (static, no cgo); Go's build cache makes a second build take a second. */
export function buildPrograms(): Programs {
  const go = ['/usr/local/go/bin/go', 'go'].find((g) => g === 'go' || existsSync(g))!;
  const out = mkdtempSync(path.join(tmpdir(), 'infraforge-node-apps-'));
  try {
    execFileSync(go, ['build', '-trimpath', '-ldflags=-s -w', '-o', `${out}/`, './envapp', './pause'], {
      cwd: APPS,
      env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=readonly' },
      stdio: 'pipe',
    });
    return { envapp: readFileSync(path.join(out, 'envapp')), pause: readFileSync(path.join(out, 'pause')) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function envappImage(envapp: Buffer, user: AppUser, version: string): ImageSpec {
  const files: ImageSpec['files'] = [{ path: 'envapp', data: envapp, mode: 0o755 }];
  if (user === 'root') files.push(...passwdFiles([{ name: 'root', uid: 0 }]));
  if (user === 'named') files.push(...passwdFiles([{ name: 'root', uid: 0 }, NAMED_USER]));
  const imageUser = { numeric: String(NUMERIC_USER), root: 'root', named: NAMED_USER.name }[user];
  return { files, entrypoint: ['/envapp'], user: imageUser, env: ['PATH=/', `APP_VERSION=${version}`] };
}

export function pauseImage(pause: Buffer): ImageSpec {
  return { files: [{ path: 'pause', data: pause, mode: 0o755 }], entrypoint: ['/pause'], user: '65535' };
}

/** Pushes `spec` as `<host>/<repository>:<tag>` (plain HTTP); returns `host/repository:tag`. */
export async function pushImage(host: string, repository: string, tag: string, spec: ImageSpec): Promise<string> {
  const client = new RegistryClient({ host, plainHttp: true });
  const image = ociImage(spec);
  await client.pushBlob(repository, image.config);
  await client.pushBlob(repository, image.layer);
  await client.putManifest(repository, tag, image.manifest, MANIFEST_MEDIA_TYPE);
  return `${host}/${repository}:${tag}`;
}

/**
 * A real OCI registry on loopback: Debian's docker-registry (the CNCF distribution registry),
 * started per test file with its storage in a temp dir. Optionally with htpasswd auth
 * (user `ci`, password `ci-password`; the bcrypt hash is in test/fixtures/registry), or with
 * Docker token auth against a token server of ours (./token-server.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './repo.js';
import { TOKEN_ISSUER, TOKEN_SERVICE, type TokenServer } from './token-server.js';
import { TOOLS, toolOrSkip } from './tools.js';
import { freePort } from './ports.js';

/** Debian's docker-registry, or undefined outside CI when it is missing (see tools.ts). */
export const REGISTRY_BIN = toolOrSkip(TOOLS.registry);

export interface Registry {
  host: string;
  url: string;
  stop(): Promise<void>;
}

export interface RegistryOptions {
  /** htpasswd auth (user `ci`, password `ci-password`). */
  auth?: boolean;
  /** Docker token auth against this token server (see ./token-server.ts). */
  token?: TokenServer;
}

export async function startRegistry(options: RegistryOptions = {}): Promise<Registry> {
  if (!REGISTRY_BIN) throw new Error('docker-registry is not installed (.ci/bootstrap installs it)');
  const dir = mkdtempSync(path.join(tmpdir(), 'infraforge-registry-'));
  const port = await freePort();
  const auth = options.token
    ? `auth:\n  token:\n    realm: ${options.token.realm}\n    service: ${TOKEN_SERVICE}\n    issuer: ${TOKEN_ISSUER}\n    rootcertbundle: ${options.token.certFile}\n`
    : options.auth
      ? `auth:\n  htpasswd:\n    realm: infraforge-test\n    path: ${path.join(REPO_ROOT, 'test/fixtures/registry/htpasswd')}\n`
      : '';
  const config = `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:${port}\n${auth}`;
  writeFileSync(path.join(dir, 'config.yml'), config);
  const child: ChildProcess = spawn(REGISTRY_BIN, ['serve', path.join(dir, 'config.yml')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`${url}/v2/`);
      if (res.status === 200 || res.status === 401) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
    if (i === 99) throw new Error('registry did not start');
  }
  return {
    host: `127.0.0.1:${port}`,
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

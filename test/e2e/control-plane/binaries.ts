/**
 * Where the control plane's programs come from: `.ci/install-e2e-tools` builds Argo CD, the
 * Kubernetes binaries and the operators whose webhooks the e2e runs into .ci/.tools/bin;
 * etcd, redis-server and openssl come from Debian.
 * A missing program is always an error here (there is no useful e2e run without it); the
 * message says how to get it.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../support/repo.js';

const TOOLS_BIN = path.join(REPO_ROOT, '.ci/.tools/bin');
// /usr/sbin for runc, iptables and ip when PATH lacks it; /usr/local/go/bin for the test apps' Go.
const SYSTEM_PATH = [...new Set([...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), '/usr/sbin', '/sbin', '/usr/local/go/bin'])];

const BUILT = ['kube-apiserver', 'kube-controller-manager', 'kubectl', 'argocd-applicationset-controller', 'argocd-repo-server', 'argocd-application-controller'] as const;
const DEBIAN = ['etcd', 'redis-server', 'openssl', 'git', 'helm'] as const;
/** The node's programs (test/e2e/node/), asked for only when a test starts a node. */
export const NODE_BUILT = ['kubelet', 'kube-scheduler', 'kube-proxy'] as const;
export const NODE_DEBIAN = ['containerd', 'runc', 'iptables', 'ip', 'docker-registry', 'go'] as const;
/** Built too, but asked for only by the tests that run them (test/e2e/webhooks/). */
const OPERATORS = ['cnpg-manager', 'eck-operator'] as const;
export type Program = (typeof BUILT)[number] | (typeof DEBIAN)[number] | (typeof NODE_BUILT)[number] | (typeof NODE_DEBIAN)[number] | (typeof OPERATORS)[number];

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const DEBIAN_PACKAGE: Record<string, string> = { etcd: 'etcd-server', ip: 'iproute2', go: 'golang (or Go from go.dev)' };

/** Absolute path of a program, preferring the pinned build in .ci/.tools/bin. */
export function program(name: Program): string {
  for (const dir of [TOOLS_BIN, ...SYSTEM_PATH]) {
    const file = path.join(dir, name);
    if (executable(file)) return file;
  }
  const how = ([...BUILT, ...NODE_BUILT, ...OPERATORS] as readonly string[]).includes(name)
    ? 'run `bash .ci/install-e2e-tools` (or `bash .ci/bootstrap npm run e2e`)'
    : `install it (Debian: ${DEBIAN_PACKAGE[name] ?? name}; .ci/install-e2e-tools does this)`;
  throw new Error(`e2e control plane: ${name} not found in .ci/.tools/bin or on PATH: ${how}`);
}

/** Every program the control plane needs, so a run fails at once rather than half-way through. */
export function requireAll<P extends Program>(names: readonly P[] = [...BUILT, ...DEBIAN] as unknown as P[]): Record<P, string> {
  return Object.fromEntries(names.map((n) => [n, program(n)])) as Record<P, string>;
}

/** PATH for child processes: the pinned tools first (the repo-server runs `git` and `helm`). */
export function childPath(): string {
  return [TOOLS_BIN, ...SYSTEM_PATH].join(path.delimiter);
}

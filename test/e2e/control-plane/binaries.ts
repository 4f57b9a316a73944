/**
 * Where the control plane's programs come from: `.ci/install-e2e-tools` builds Argo CD and the
 * Kubernetes binaries into .ci/.tools/bin; etcd, redis-server and openssl come from Debian.
 * A missing program is always an error here (there is no useful e2e run without it); the
 * message says how to get it.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../support/repo.js';

const TOOLS_BIN = path.join(REPO_ROOT, '.ci/.tools/bin');
const SYSTEM_PATH = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);

const BUILT = ['kube-apiserver', 'kube-controller-manager', 'kubectl', 'argocd-applicationset-controller', 'argocd-repo-server', 'argocd-application-controller'] as const;
/** Built with the others; only a control plane that runs pods needs them (../node/). */
const BUILT_FOR_PODS = ['kube-scheduler', 'kubelet', 'kube-proxy', 'coredns'] as const;
const DEBIAN = ['etcd', 'redis-server', 'openssl', 'git', 'helm'] as const;
const DEBIAN_FOR_PODS = ['containerd', 'containerd-shim-runc-v2', 'runc', 'ctr', 'iptables'] as const;
export type Program = (typeof BUILT)[number] | (typeof BUILT_FOR_PODS)[number] | (typeof DEBIAN)[number] | (typeof DEBIAN_FOR_PODS)[number];
/** What a control plane without pods needs. */
export const BASE_PROGRAMS: readonly Program[] = [...BUILT, ...DEBIAN];

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Absolute path of a program, preferring the pinned build in .ci/.tools/bin. */
export function program(name: Program): string {
  for (const dir of [TOOLS_BIN, ...SYSTEM_PATH]) {
    const file = path.join(dir, name);
    if (executable(file)) return file;
  }
  const how = ([...BUILT, ...BUILT_FOR_PODS] as readonly string[]).includes(name)
    ? 'run `bash .ci/install-e2e-tools` (or `bash .ci/bootstrap npm run e2e`)'
    : `install it (Debian: ${DEBIAN_PACKAGE[name] ?? name}; .ci/install-e2e-tools does this)`;
  throw new Error(`e2e control plane: ${name} not found in .ci/.tools/bin or on PATH: ${how}`);
}

const DEBIAN_PACKAGE: Partial<Record<Program, string>> = { etcd: 'etcd-server', 'containerd-shim-runc-v2': 'containerd', ctr: 'containerd' };

/** Every program the control plane (and its node) needs, so a run fails at once rather than half-way through. */
export function requireAll(names: readonly Program[] = [...BUILT, ...BUILT_FOR_PODS, ...DEBIAN, ...DEBIAN_FOR_PODS]): Record<Program, string> {
  return Object.fromEntries(names.map((n) => [n, program(n)])) as Record<Program, string>;
}

/** PATH for child processes: the pinned tools first (the repo-server runs `git` and `helm`). */
export function childPath(): string {
  return [TOOLS_BIN, ...SYSTEM_PATH].join(path.delimiter);
}

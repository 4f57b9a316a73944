/**
 * Where the control plane's programs come from: `.ci/install-e2e-tools` builds Argo CD, the
 * Kubernetes binaries and the operators whose webhooks the e2e runs into .ci/.tools/bin;
 * etcd, redis-server and openssl come from Debian.
 * A missing program is always an error here (there is no useful e2e run without it); the
 * message says how to get it.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../support/repo.js';

const TOOLS_BIN = path.join(REPO_ROOT, '.ci/.tools/bin');
/** Helm 4.3.1, the Helm Argo CD v3.6.1's image renders with (.ci/install-test-tools builds it here). */
const HELM4_DIR = path.join(REPO_ROOT, '.ci/.tools/helm4');
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

export interface RepoServerHelm {
  /** The repo-server's PATH: .ci/.tools/helm4 first, so its `helm` is Helm 4. */
  PATH: string;
  /** What that `helm version --short` prints (v4.3.1). */
  version: string;
}

/**
 * The helm the repo-server renders charts with: Helm 4.3.1, as in Argo CD v3.6.1's image
 * (hack/tool-versions.sh of that release). Under CI=true a missing one is an error; elsewhere the
 * repo-server falls back to the Helm 3 of .ci/.tools/bin, with a notice.
 */
export function repoServerHelm(env: Record<string, string | undefined> = process.env): RepoServerHelm {
  const helm4 = path.join(HELM4_DIR, 'helm');
  const version = executable(helm4) ? execFileSync(helm4, ['version', '--short'], { encoding: 'utf8' }).trim() : '';
  if (version.startsWith('v4.')) return { PATH: [HELM4_DIR, childPath()].join(path.delimiter), version };
  const why = `e2e control plane: ${helm4} ${version ? `is ${version}, not Helm 4` : 'not found'}: run \`bash .ci/install-test-tools\` (or \`bash .ci/bootstrap npm run e2e\`)`;
  if (env.CI === 'true') throw new Error(why);
  console.warn(`${why}; the repo-server renders with Helm 3 instead`);
  const helm3 = program('helm');
  return { PATH: childPath(), version: execFileSync(helm3, ['version', '--short'], { encoding: 'utf8' }).trim() };
}

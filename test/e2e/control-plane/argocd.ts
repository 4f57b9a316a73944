/**
 * Argo CD v3.6.1 out of cluster, the way its developers run it locally (upstream's Procfile):
 * one binary under three names, ARGOCD_FAKE_IN_CLUSTER=true so the in-cluster destination
 * (https://kubernetes.default.svc) means "the cluster of KUBECONFIG", a plaintext repo-server,
 * redis on loopback, everything in namespace `argocd`. The objects an install normally
 * creates (argocd-cm, argocd-secret, argocd-rbac-cm, the `default` AppProject that argocd-server
 * would make) are applied first.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { childPath, type Program, type RepoServerHelm } from './binaries.js';
import type { Supervisor } from './processes.js';

export const ARGOCD_NAMESPACE = 'argocd';
/** The identity the Argo CD controllers use; bound to cluster-admin as in upstream's install. */
export const ARGOCD_USER = 'argocd-controllers';

export function argocdBootstrapYaml(): string {
  const partOf = 'labels: { app.kubernetes.io/part-of: argocd }';
  const emptyConfigMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name}, namespace: ${ARGOCD_NAMESPACE}, ${partOf} }\n`;
  return [
    `apiVersion: v1\nkind: Namespace\nmetadata: { name: ${ARGOCD_NAMESPACE} }\n`,
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: { name: argocd-controllers }\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }\nsubjects: [{ apiGroup: rbac.authorization.k8s.io, kind: User, name: ${ARGOCD_USER} }]\n`,
    emptyConfigMap('argocd-cm'),
    emptyConfigMap('argocd-rbac-cm'),
    emptyConfigMap('argocd-cmd-params-cm'),
    emptyConfigMap('argocd-tls-certs-cm'),
    emptyConfigMap('argocd-ssh-known-hosts-cm'),
    emptyConfigMap('argocd-gpg-keys-cm'),
    // server.secretkey signs tokens; random per control plane, never printed.
    `apiVersion: v1\nkind: Secret\nmetadata: { name: argocd-secret, namespace: ${ARGOCD_NAMESPACE}, ${partOf} }\ntype: Opaque\nstringData: { server.secretkey: "${randomBytes(24).toString('hex')}" }\n`,
    // What argocd-server's initializeDefaultProject creates; the root Applications use it.
    `apiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata: { name: default, namespace: ${ARGOCD_NAMESPACE} }\nspec:\n  sourceRepos: ["*"]\n  destinations: [{ server: "*", namespace: "*" }]\n  clusterResourceWhitelist: [{ group: "*", kind: "*" }]\n`,
  ].join('---\n');
}

export interface ArgocdPorts {
  redis: number;
  repoServer: number;
  repoServerMetrics: number;
  appsetMetrics: number;
  appsetProbe: number;
  appsetWebhook: number;
  controllerMetrics: number;
}

export interface ArgocdOptions {
  /** ApplicationSet controller policy; `sync` is what infrastructure/ configures. */
  appsetPolicy: 'sync' | 'create-only' | 'create-update' | 'create-delete';
}

/** Starts redis and the three Argo CD components; returns their readiness probes. */
export function startArgocd(
  sup: Supervisor,
  bins: Record<Program, string>,
  dir: string,
  kubeconfigFile: string,
  ports: ArgocdPorts,
  options: ArgocdOptions,
  helm: RepoServerHelm,
): { name: string; ready: { tcp?: number; http?: string } }[] {
  const data = (name: string) => {
    const d = path.join(dir, 'argocd', name);
    mkdirSync(d, { recursive: true });
    return d;
  };
  const env = {
    PATH: childPath(),
    HOME: data('home'),
    KUBECONFIG: kubeconfigFile,
    ARGOCD_FAKE_IN_CLUSTER: 'true',
    ARGOCD_TLS_DATA_PATH: data('tls'),
    ARGOCD_SSH_DATA_PATH: data('ssh'),
    ARGOCD_GPG_DATA_PATH: data('gpg-source'),
    ARGOCD_GNUPGHOME: data('gpg-keys'),
    ARGOCD_GPG_ENABLED: 'false',
    // The controller's shard comes from a StatefulSet-style hostname.
    HOSTNAME: 'argocd-application-controller-0',
    GIT_CONFIG_NOSYSTEM: '1',
  };
  const redis = `127.0.0.1:${ports.redis}`;
  const common = ['--loglevel', 'info', '--logformat', 'text'];

  sup.start('redis', bins['redis-server'], ['--bind', '127.0.0.1', '--port', String(ports.redis), '--save', '', '--appendonly', 'no', '--dir', data('redis')]);
  sup.start('argocd-repo-server', bins['argocd-repo-server'], [
    ...common, '--address', '127.0.0.1', '--port', String(ports.repoServer), '--metrics-address', '127.0.0.1',
    '--metrics-port', String(ports.repoServerMetrics), '--redis', redis, '--disable-tls', '--client-ca-path=',
  ], { ...env, PATH: helm.PATH });
  sup.start('argocd-applicationset-controller', bins['argocd-applicationset-controller'], [
    ...common, '--namespace', ARGOCD_NAMESPACE, '--policy', options.appsetPolicy,
    '--argocd-repo-server', `127.0.0.1:${ports.repoServer}`, '--repo-server-plaintext',
    '--metrics-addr', `127.0.0.1:${ports.appsetMetrics}`, '--probe-addr', `127.0.0.1:${ports.appsetProbe}`,
    '--webhook-addr', `127.0.0.1:${ports.appsetWebhook}`, '--enable-scm-providers=false',
  ], env);
  // Its metrics server listens on 0.0.0.0:<port> (upstream hard-codes the host); the port is a
  // free ephemeral one and serves metrics only.
  sup.start('argocd-application-controller', bins['argocd-application-controller'], [
    ...common, '--namespace', ARGOCD_NAMESPACE, '--repo-server', `127.0.0.1:${ports.repoServer}`, '--repo-server-plaintext',
    '--redis', redis, '--metrics-port', String(ports.controllerMetrics), '--app-resync', '60',
    '--status-processors', '4', '--operation-processors', '2',
  ], env);

  return [
    { name: 'redis', ready: { tcp: ports.redis } },
    { name: 'argocd-repo-server', ready: { tcp: ports.repoServer } },
    // It registers no health checks (its probe port answers 404); metrics answer once the manager runs.
    { name: 'argocd-applicationset-controller', ready: { http: `http://127.0.0.1:${ports.appsetMetrics}/metrics` } },
    { name: 'argocd-application-controller', ready: { http: `http://127.0.0.1:${ports.controllerMetrics}/healthz` } },
  ];
}

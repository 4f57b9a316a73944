/**
 * CloudNativePG's operator, run out of cluster against an e2e control plane so that its own
 * admission webhooks — Go code in internal/webhook/v1 that no CRD schema carries — judge what
 * the chart renders, exactly as they would after a merge.
 *
 * The whole manager runs (`cnpg-manager controller`, built by .ci/install-e2e-tools from go/), not only
 * its webhook server: CNPG's webhook refuses a major-version downgrade only once the operator
 * has recorded the running major in `status.pgDataImageInfo`
 * (internal/webhook/v1/cluster_webhook.go validateImageChange), and only the operator's first
 * reconcile writes it (internal/controller/cluster_image.go reconcileImage, "Case 1"). No
 * kubelet runs, so no PostgreSQL pod ever starts; the reconciler gets as far as that status.
 *
 *   const cnpg = await startCnpg(cp);   // after startControlPlane()
 *   ...                                  // Cluster creates and updates now pass its webhooks
 *   await cnpg.stop();                   // before cp.stop()
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ControlPlane } from '../control-plane/index.js';
import { pointedAtLoopback, type RunningOperator, startOperator, VENDOR } from './operator.js';

export type { RunningOperator } from './operator.js';

const CNPG_VENDOR = path.join(VENDOR, 'cloudnative-pg-v1.30.0');
/** Where upstream's Helm chart runs the operator; OPERATOR_NAMESPACE tells the manager. */
export const CNPG_NAMESPACE = 'cnpg-system';
/** CNPG's Cluster validator. It answers with a full Status, so the API server passes on its words as they are. */
export const CNPG_CLUSTER_VALIDATOR = 'vcluster.cnpg.io';

export function startCnpg(cp: ControlPlane, options: { timeoutMs?: number } = {}): Promise<RunningOperator> {
  return startOperator(cp, {
    binary: 'cnpg-manager',
    namespace: CNPG_NAMESPACE,
    // Its other CRDs: the manager watches Backups, Poolers, image catalogs and DatabaseRoles and
    // does not start without them (test/crds already holds Cluster and ScheduledBackup).
    crdFiles: readdirSync(CNPG_VENDOR).filter((f) => f.startsWith('postgresql.cnpg.io_')).map((f) => path.join(CNPG_VENDOR, f)),
    // With WEBHOOK_CERT_DIR set the manager reads apiserver.crt/apiserver.key from it and leaves
    // its own PKI and the webhook configurations alone (internal/cmd/manager/controller/
    // controller.go: the OLM names; ensurePKI returns early).
    certFiles: { cert: 'apiserver.crt', key: 'apiserver.key' },
    // controller-runtime's webhook server binds every interface (the manager offers only the
    // port); metrics are off ("0"); one manager, so no leader election.
    args: (port) => ['controller', `--webhook-port=${port}`, '--metrics-bind-address=0', '--leader-elect=false', '--max-concurrent-reconciles=2'],
    env: (certDir) => ({ WEBHOOK_CERT_DIR: certDir, OPERATOR_NAMESPACE: CNPG_NAMESPACE }),
    // Its webhook mux serves /readyz (controller.go setupWebhooks).
    readyPath: '/readyz',
    webhookConfigurations,
    // cluster_webhook.go validateImageName: a `latest` tag cannot be compared.
    probe: {
      validator: CNPG_CLUSTER_VALIDATOR,
      object: { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'probe', namespace: CNPG_NAMESPACE }, spec: { instances: 1, imageName: 'ghcr.io/cloudnative-pg/postgresql:latest', storage: { size: '1Gi' } } },
      refusal: "Can't use 'latest' as image tag as we can't detect upgrades",
    },
    timeoutMs: options.timeoutMs ?? Number(process.env.CNPG_TIMEOUT_MS ?? 120_000),
  });
}

/** Upstream's registrations under the names the operator's Helm chart gives them. */
export function webhookConfigurations(port: number, ca: Buffer): string {
  // internal/configuration/configuration.go: cnpg-mutating-/cnpg-validating-webhook-configuration.
  return pointedAtLoopback(path.join(CNPG_VENDOR, 'webhook-manifests.yaml'), port, ca, { name: (n) => `cnpg-${n}` });
}

/**
 * ECK's operator (Elastic Cloud on Kubernetes v3.5.0), run out of cluster against an e2e control
 * plane so that its own validating webhook — Go code in pkg/controller/elasticsearch/validation
 * that no CRD schema carries — judges the Elasticsearch objects the chart renders, exactly as it
 * would after a merge.
 *
 * The whole manager runs (`eck-operator manager`, upstream's cmd/ built by .ci/install-e2e-tools
 * in go/), not only its webhook server: the webhook refuses a storage shrink only against the
 * volume claim templates of the StatefulSet the operator has created for the nodeSet
 * (validation/volume_validation.go:121-152 validPVCModification reads it; without one it lets
 * any size through), and only the reconciler creates it. No kubelet runs, so no Elasticsearch
 * pod ever starts; the reconciler gets as far as the StatefulSets.
 *
 *   const eck = await startEck(cp);      // after startControlPlane()
 *   ...                                  // Elasticsearch creates and updates now pass its webhook
 *   await eck.stop();                    // before cp.stop()
 */
import path from 'node:path';
import type { ControlPlane } from '../control-plane/index.js';
import { pointedAtLoopback, type RunningOperator, startOperator, VENDOR } from './operator.js';

const ECK_VENDOR = path.join(VENDOR, 'eck-v3.5.0');
/** Where upstream's manifests run the operator (config/eck.yaml operator-namespace). */
export const ECK_NAMESPACE = 'elastic-system';
/** ECK's Elasticsearch v1 validator (config/webhook/manifests.yaml). */
export const ECK_ES_VALIDATOR = 'elastic-es-validation-v1.k8s.elastic.co';

export function startEck(cp: ControlPlane, options: { timeoutMs?: number } = {}): Promise<RunningOperator> {
  return startOperator(cp, {
    binary: 'eck-operator',
    namespace: ECK_NAMESPACE,
    // Every ECK CRD: the manager registers a controller per kind and does not start without them.
    crdFiles: [path.join(ECK_VENDOR, 'all-crds.yaml')],
    // controller-runtime's names; cmd/manager/validation.go setupWebhook waits for tls.crt.
    certFiles: { cert: 'tls.crt', key: 'tls.key' },
    args: (port, certDir) => [
      'manager',
      // The webhook server, on our certificate: --manage-webhook-certs=false keeps the manager
      // from making its own Secret and patching the webhook configuration (validation.go
      // setupWebhook: reconcileWebhookCertsAndAddController only when it is true).
      '--enable-webhook', `--webhook-port=${port}`, `--webhook-cert-dir=${certDir}`, '--manage-webhook-certs=false',
      `--operator-namespace=${ECK_NAMESPACE}`,
      // The storage-grow row: the webhook asks the storage class whether it allows expansion
      // (common/volume/validations/validations.go EnsureClaimSupportsExpansion); upstream's default, said here.
      '--validate-storage-class=true',
      // No telemetry reporter, no metrics listener, one manager (no leader election), and no
      // OpenShift detection: nothing here that the rows depend on.
      '--disable-telemetry', '--metrics-port=0', '--enable-leader-election=false', '--max-concurrent-reconciles=2', '--set-default-security-context=false',
    ],
    env: () => ({}),
    // controller-runtime's webhook server serves only the registered paths: any HTTPS answer will do.
    webhookConfigurations,
    // validation/validations.go:300-311 supportedVersion: ECK 3.5 runs Elasticsearch 7.17 and later.
    probe: {
      validator: ECK_ES_VALIDATOR,
      object: { apiVersion: 'elasticsearch.k8s.elastic.co/v1', kind: 'Elasticsearch', metadata: { name: 'probe', namespace: ECK_NAMESPACE }, spec: { version: '6.8.0', nodeSets: [{ name: 'default', count: 1 }] } },
      refusal: 'Unsupported version',
    },
    timeoutMs: options.timeoutMs ?? Number(process.env.ECK_TIMEOUT_MS ?? 120_000),
  });
}

/**
 * Upstream's registrations under the name its Helm chart gives the configuration
 * (deploy/eck-operator/templates/_helpers.tpl eck-operator.webhookName), failing closed:
 * upstream registers them with `failurePolicy: Ignore`, under which a webhook that did not
 * answer would look like one that accepted the change.
 */
export function webhookConfigurations(port: number, ca: Buffer): string {
  return pointedAtLoopback(path.join(ECK_VENDOR, 'webhook-manifests.yaml'), port, ca, { name: () => 'elastic-webhook.k8s.elastic.co', failurePolicy: 'Fail' });
}

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
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { freePort } from '../../support/ports.js';
import { program } from '../control-plane/binaries.js';
import type { ControlPlane } from '../control-plane/index.js';
import { makePki } from '../control-plane/pki.js';
import { Supervisor } from '../control-plane/processes.js';
import { httpsGet, poll } from '../control-plane/wait.js';

const VENDOR = path.join(path.dirname(new URL(import.meta.url).pathname), 'vendor/cloudnative-pg-v1.30.0');
/** Where upstream's Helm chart runs the operator; OPERATOR_NAMESPACE tells the manager. */
export const CNPG_NAMESPACE = 'cnpg-system';
/** CNPG's Cluster validator. It answers with a full Status, so the API server passes on its words as they are. */
export const CNPG_CLUSTER_VALIDATOR = 'vcluster.cnpg.io';

export interface RunningOperator {
  /** The manager's log file. */
  logFile: string;
  /** The last lines of its log, for failure messages. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

export async function startCnpg(cp: ControlPlane, options: { timeoutMs?: number } = {}): Promise<RunningOperator> {
  const timeoutMs = options.timeoutMs ?? Number(process.env.CNPG_TIMEOUT_MS ?? 120_000);
  const dir = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'infraforge-cnpg-'));
  const sup = new Supervisor(dir);
  const tails = (lines = 60) => sup.tails(lines);
  const crashed = () => (sup.crashed().length > 0 ? `cnpg-manager ${sup.crashed()[0]!.exited()}\n${tails()}` : undefined);
  try {
    // Its other CRDs: the manager watches Backups, Poolers, image catalogs and DatabaseRoles and
    // does not start without them (test/crds already holds Cluster and ScheduledBackup).
    const crds = readdirSync(VENDOR).filter((f) => f.startsWith('postgresql.cnpg.io_')).flatMap((f) => ['-f', path.join(VENDOR, f)]);
    await cp.kubectl(['apply', '--server-side', '--field-manager=infraforge-e2e', ...crds]);
    await cp.kubectl(['wait', '--for=condition=Established', 'crd', '--all', `--timeout=${Math.ceil(timeoutMs / 1000)}s`]);
    await cp.apply(`apiVersion: v1\nkind: Namespace\nmetadata: { name: ${CNPG_NAMESPACE} }\n`);

    // A serving certificate for 127.0.0.1 from a CA of its own. With WEBHOOK_CERT_DIR set the
    // manager reads apiserver.crt/apiserver.key from it and leaves its own PKI and the webhook
    // configurations alone (internal/cmd/manager/controller/controller.go: the OLM names;
    // ensurePKI returns early).
    mkdirSync(path.join(dir, 'pki'));
    const pki = makePki(path.join(dir, 'pki'), program('openssl'));
    const certDir = path.join(dir, 'webhook-certs');
    mkdirSync(certDir);
    copyFileSync(pki.serving.certFile, path.join(certDir, 'apiserver.crt'));
    copyFileSync(pki.serving.keyFile, path.join(certDir, 'apiserver.key'));

    const port = await freePort();
    // controller-runtime's webhook server binds every interface (the manager offers only the
    // port); metrics are off ("0"); one manager, so no leader election.
    const manager = sup.start('cnpg-manager', program('cnpg-manager'), [
      'controller', `--webhook-port=${port}`, '--metrics-bind-address=0', '--leader-elect=false', '--max-concurrent-reconciles=2',
    ], { KUBECONFIG: cp.kubeconfig, WEBHOOK_CERT_DIR: certDir, OPERATOR_NAMESPACE: CNPG_NAMESPACE });

    const ca = readFileSync(pki.caFile);
    const tls = { ca, cert: readFileSync(pki.serving.certFile), key: readFileSync(pki.serving.keyFile) };
    const wait = <T>(what: string, probe: () => Promise<T | undefined | false | null>) =>
      poll(probe, { what, timeoutMs, intervalMs: 300, onTimeout: tails, abortIf: crashed });
    // Its webhook mux serves /readyz (controller.go setupWebhooks), over the TLS the API server will check.
    await wait('cnpg-manager webhook /readyz', async () => (await httpsGet(`https://127.0.0.1:${port}/readyz`, tls).catch(() => ({ status: 0 }))).status === 200);

    await cp.apply(webhookConfigurations(port, ca));
    // The API server picks up webhook configurations asynchronously: wait until it asks this
    // one, shown by a Cluster the validator alone refuses, in its words (cluster_webhook.go
    // validateImageName: a `latest` tag cannot be compared).
    let answer = '';
    const probe = { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'probe', namespace: CNPG_NAMESPACE }, spec: { instances: 1, imageName: 'ghcr.io/cloudnative-pg/postgresql:latest', storage: { size: '1Gi' } } };
    await poll(async () => {
      const r = await cp.kubectl(['create', '--dry-run=server', '-f', '-'], { input: JSON.stringify(probe), allowFailure: true });
      answer = `exit ${r.code}: ${r.stderr}${r.stdout}`;
      return r.code !== 0 && r.stderr.includes("Can't use 'latest' as image tag as we can't detect upgrades");
    }, { what: `the API server calling ${CNPG_CLUSTER_VALIDATOR}`, timeoutMs, intervalMs: 500, onTimeout: () => `last answer to the probe: ${answer}\n${tails(20)}`, abortIf: crashed });

    return { logFile: manager.logFile, logTail: tails, stop: () => sup.dispose() };
  } catch (err) {
    await sup.dispose();
    throw err;
  }
}

/**
 * Upstream's webhook registrations (controller-gen's output of the `+kubebuilder:webhook`
 * markers, vendored) under the names the operator's Helm chart gives them, each pointed at
 * `https://127.0.0.1:<port><its path>` instead of the in-cluster Service, trusting `ca`.
 */
export function webhookConfigurations(port: number, ca: Buffer): string {
  const docs = parseAllDocuments(readFileSync(path.join(VENDOR, 'webhook-manifests.yaml'), 'utf8')).map((d) => d.toJS());
  return docs
    .map((doc) => {
      // internal/configuration/configuration.go: cnpg-mutating-/cnpg-validating-webhook-configuration.
      doc.metadata.name = `cnpg-${doc.metadata.name}`;
      for (const hook of doc.webhooks) {
        hook.clientConfig = { url: `https://127.0.0.1:${port}${hook.clientConfig.service.path}`, caBundle: ca.toString('base64') };
      }
      return stringify(doc);
    })
    .join('---\n');
}

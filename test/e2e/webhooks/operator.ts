/**
 * What running an operator out of cluster takes, whichever operator it is: its CRDs applied, a
 * serving certificate for 127.0.0.1 in the folder its manager reads, the manager started on a
 * free port, its webhook registrations pointed at that port, and proof that the API server
 * really asks its validator. cnpg.ts and eck.ts say what differs.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { freePort } from '../../support/ports.js';
import { type Program, program } from '../control-plane/binaries.js';
import type { ControlPlane } from '../control-plane/index.js';
import { makePki } from '../control-plane/pki.js';
import { Supervisor } from '../control-plane/processes.js';
import { httpsGet, poll } from '../control-plane/wait.js';

export const VENDOR = path.join(path.dirname(new URL(import.meta.url).pathname), 'vendor');

export interface RunningOperator {
  /** The manager's log file. */
  logFile: string;
  /** The last lines of its log, for failure messages. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

export interface OperatorSpec {
  /** The built binary (.ci/install-e2e-tools); also its log's name. */
  binary: Program;
  /** The namespace the operator says it runs in; created first. */
  namespace: string;
  /** Vendored CRD files the manager watches and does not start without. */
  crdFiles: string[];
  /** The file names the manager reads its serving certificate and key from, in `certDir`. */
  certFiles: { cert: string; key: string };
  args(port: number, certDir: string): string[];
  env(certDir: string): NodeJS.ProcessEnv;
  /**
   * A path its webhook server answers 200 on once it serves; without one, any HTTPS answer
   * (controller-runtime's mux says 404 to `/`) shows the server is up.
   */
  readyPath?: string;
  /** Its webhook configurations, pointed at `https://127.0.0.1:<port>` and trusting `ca`. */
  webhookConfigurations(port: number, ca: Buffer): string;
  /** An object only its validator refuses on create, and the words it refuses it with. */
  probe: { validator: string; object: object; refusal: string };
  timeoutMs: number;
}

export async function startOperator(cp: ControlPlane, spec: OperatorSpec): Promise<RunningOperator> {
  const { binary, timeoutMs } = spec;
  const dir = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), `infraforge-${binary}-`));
  const sup = new Supervisor(dir);
  const tails = (lines = 60) => sup.tails(lines);
  const crashed = () => (sup.crashed().length > 0 ? `${binary} ${sup.crashed()[0]!.exited()}\n${tails()}` : undefined);
  try {
    await cp.kubectl(['apply', '--server-side', '--force-conflicts', '--field-manager=infraforge-e2e', ...spec.crdFiles.flatMap((f) => ['-f', f])]);
    await cp.kubectl(['wait', '--for=condition=Established', 'crd', '--all', `--timeout=${Math.ceil(timeoutMs / 1000)}s`]);
    await cp.apply(`apiVersion: v1\nkind: Namespace\nmetadata: { name: ${spec.namespace} }\n`);

    // A serving certificate for 127.0.0.1 from a CA of its own, where the manager reads it.
    mkdirSync(path.join(dir, 'pki'));
    const pki = makePki(path.join(dir, 'pki'), program('openssl'));
    const certDir = path.join(dir, 'webhook-certs');
    mkdirSync(certDir);
    copyFileSync(pki.serving.certFile, path.join(certDir, spec.certFiles.cert));
    copyFileSync(pki.serving.keyFile, path.join(certDir, spec.certFiles.key));

    const port = await freePort();
    const manager = sup.start(binary, program(binary), spec.args(port, certDir), { KUBECONFIG: cp.kubeconfig, ...spec.env(certDir) });

    const ca = readFileSync(pki.caFile);
    const tls = { ca, cert: readFileSync(pki.serving.certFile), key: readFileSync(pki.serving.keyFile) };
    const url = `https://127.0.0.1:${port}${spec.readyPath ?? '/'}`;
    // Over the TLS the API server will check.
    await poll(async () => {
      const { status } = await httpsGet(url, tls).catch(() => ({ status: 0 }));
      return spec.readyPath ? status === 200 : status !== 0;
    }, { what: `${binary} webhook server ${url}`, timeoutMs, intervalMs: 300, onTimeout: tails, abortIf: crashed });

    await cp.apply(spec.webhookConfigurations(port, ca));
    // The API server picks up webhook configurations asynchronously: wait until it asks this
    // one, shown by an object only the validator refuses, in its words.
    let answer = '';
    await poll(async () => {
      const r = await cp.kubectl(['create', '--dry-run=server', '-f', '-'], { input: JSON.stringify(spec.probe.object), allowFailure: true });
      answer = `exit ${r.code}: ${r.stderr}${r.stdout}`;
      return r.code !== 0 && r.stderr.includes(spec.probe.refusal);
    }, { what: `the API server calling ${spec.probe.validator}`, timeoutMs, intervalMs: 500, onTimeout: () => `last answer to the probe: ${answer}\n${tails(20)}`, abortIf: crashed });

    return { logFile: manager.logFile, logTail: tails, stop: () => sup.dispose() };
  } catch (err) {
    await sup.dispose();
    throw err;
  }
}

/**
 * Upstream's webhook registrations (controller-gen's output of the `+kubebuilder:webhook`
 * markers, vendored in `file`), renamed by `name`, each webhook pointed at
 * `https://127.0.0.1:<port><its path>` instead of the in-cluster Service and trusting `ca`;
 * `failurePolicy` replaces upstream's when given.
 */
export function pointedAtLoopback(file: string, port: number, ca: Buffer, options: { name(upstream: string): string; failurePolicy?: 'Fail' }): string {
  const docs = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS()).filter((d) => d !== null);
  return docs
    .map((doc) => {
      doc.metadata.name = options.name(doc.metadata.name);
      for (const hook of doc.webhooks) {
        hook.clientConfig = { url: `https://127.0.0.1:${port}${hook.clientConfig.service.path}`, caBundle: ca.toString('base64') };
        if (options.failurePolicy) hook.failurePolicy = options.failurePolicy;
      }
      return stringify(doc);
    })
    .join('---\n');
}

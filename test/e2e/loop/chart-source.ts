/**
 * Where Argo CD pulls the common chart from in the loop: Debian's docker-registry on loopback
 * (with htpasswd auth, so Argo CD must use the repository Secret's credentials), the chart
 * published by our own `infraforge chart publish`, and the repository Secret built from
 * infrastructure/aws/argocd.tf's `kubernetes_secret_v1.chart_registry` — its `data` evaluated
 * with this registry as `var.chart_registry` — plus the one field plain HTTP on loopback needs.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { stringify } from 'yaml';
import { type Registry, startRegistry } from '../../support/registry.js';
import { REPO_ROOT } from '../../support/repo.js';

const CLI = path.join(REPO_ROOT, 'dist/cli.js');
/** test/fixtures/registry/htpasswd holds this user's bcrypt hash. */
const REGISTRY_USER = { username: 'ci', password: 'ci-password' };

export interface PublishReport {
  name: string;
  version: string;
  status: string;
  target: string;
}

export interface ChartSource {
  /** `oci://127.0.0.1:<port>/charts`: what deployments/settings.yaml's chart.repository says. */
  repository: string;
  registry: Registry;
  /** `infraforge chart publish --plain-http` run in `root` (a clone of the platform repository). */
  publish(root: string): Promise<PublishReport>;
  /** The Argo CD repository Secret (YAML) for this registry. */
  repositorySecret(): Promise<string>;
  stop(): Promise<void>;
}

export async function startChartSource(): Promise<ChartSource> {
  const registry = await startRegistry({ auth: true });
  const repository = `oci://${registry.host}/charts`;
  return {
    repository,
    registry,
    publish: (root) =>
      new Promise((resolve, reject) => {
        execFile(
          process.execPath,
          [CLI, 'chart', 'publish', '--plain-http', '--json', '--registry', repository],
          { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? root, INFRAFORGE_REGISTRY_USERNAME: REGISTRY_USER.username, INFRAFORGE_REGISTRY_PASSWORD: REGISTRY_USER.password } },
          (err, stdout, stderr) => (err ? reject(new Error(`chart publish failed: ${stderr}`)) : resolve(JSON.parse(stdout) as PublishReport)),
        );
      }),
    repositorySecret: () =>
      terraformRepositorySecret({
        chart_registry: `${registry.host}/charts`,
        chart_registry_username: REGISTRY_USER.username,
        chart_registry_token: REGISTRY_USER.password,
      }),
    stop: () => registry.stop(),
  };
}

interface TerraformSecret {
  metadata: { name: string; namespace: string; labels: Record<string, string> }[];
  data: Record<string, string>;
}

/**
 * The Secret argocd.tf creates, with `${var.x}` replaced by `vars.x`. Anything else Terraform
 * would have to compute is an error here, so a change to argocd.tf cannot slip past the loop.
 * `insecureOCIForceHttp` is added because this registry speaks plain HTTP on loopback; a real
 * registry speaks HTTPS and needs nothing more than argocd.tf's fields.
 */
export async function terraformRepositorySecret(vars: Record<string, string>): Promise<string> {
  const file = path.join(REPO_ROOT, 'infrastructure/aws/argocd.tf');
  const tf = (await parseHcl('argocd.tf', readFileSync(file, 'utf8'))) as { resource: { kubernetes_secret_v1: { chart_registry: TerraformSecret[] } } };
  const secret = tf.resource.kubernetes_secret_v1.chart_registry[0]!;
  const evaluate = (value: string): string => {
    const ref = /^\$\{var\.([a-z_]+)\}$/.exec(value);
    if (ref) {
      const v = vars[ref[1]!];
      if (v === undefined) throw new Error(`argocd.tf: no value for var.${ref[1]}`);
      return v;
    }
    if (value.includes('${')) throw new Error(`argocd.tf: cannot evaluate ${value}`);
    return value;
  };
  const stringData = Object.fromEntries(Object.entries(secret.data).map(([k, v]) => [k, evaluate(v)]));
  const meta = secret.metadata[0]!;
  return stringify({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: meta.name, namespace: meta.namespace, labels: meta.labels },
    // kubernetes_secret_v1's `data` takes plain strings (the provider encodes them): stringData.
    stringData: { ...stringData, insecureOCIForceHttp: 'true' },
  });
}

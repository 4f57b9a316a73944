/**
 * The API server judges the data-safety rows it owns. For every in-place case of
 * test/support/safety-cases.ts, the base claim and the head claim are rendered by the real
 * pipeline and templated by the real chart (the claim's release name, a namespace per case);
 * the base objects are applied, then the head objects are server-side dry-run as an **update**
 * of them. A change classified "refused after merge by the API server" must be refused there;
 * every other change — safe ones, and those only an operator refuses — must be accepted, so the
 * refusal we predict for them is not the API server's (their rules are cited in
 * src/safety/rules.ts). Prints the table: case → our class → the server's answer.
 */
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTree } from '../../src/diff/trees.js';
import { dataSafety } from '../../src/safety/index.js';
import { helm } from '../support/helm.js';
import { claim, REPO_ROOT, type TempRepo, tempRepo } from '../support/repo.js';
import { IN_PLACE_CASES } from '../support/safety-cases.js';
import { type ControlPlane, startControlPlane } from './control-plane/index.js';
import type { Doc } from './support/rendered.js';

const rows: string[] = [];
const repos: TempRepo[] = [];

describe('the API server refuses exactly the changes classified as refused by it', () => {
  let cp: ControlPlane;
  let kubeVersion: string;

  beforeAll(async () => {
    cp = await startControlPlane({ argocd: false });
    kubeVersion = (await cp.api<{ gitVersion: string }>('/version'))!.gitVersion.replace(/^v/, '');
  });
  afterAll(async () => {
    console.log(['| case | classified | API server on the update |', '|---|---|---|', ...rows].join('\n'));
    await cp?.stop();
    for (const r of repos) r.cleanup();
  });

  /** Every object the chart makes for the component, as Argo CD would apply them in `namespace`. */
  async function objects(root: string, env: string, component: string, namespace: string): Promise<Doc[]> {
    const { stdout } = await helm(['template', `shop-${component}`, `${REPO_ROOT}/charts/common`, '--namespace', namespace, '--kube-version', kubeVersion, '-f', `${root}/rendered/${env}/shop/${component}/values.yaml`]);
    return parseAllDocuments(stdout).map((d) => d.toJS() as Doc | null).filter((o): o is Doc => o !== null);
  }

  it.each(IN_PLACE_CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const env = c.env ?? 'staging';
    const file = `deployments/${env}/shop.yaml`;
    const [base, head] = [c.base, c.head].map((line) => {
      const repo = tempRepo({ [file]: claim('shop', env, `  components:\n    - ${line}\n`) });
      repos.push(repo);
      return repo;
    });
    const [b, h] = await Promise.all([renderTree(base!.root, {}), renderTree(head!.root, {})]);
    const { verdict } = dataSafety(b.files, h.files, h.claims);
    const findings = verdict.findings;
    expect(findings.map((f) => f.change)).toEqual(c.expect.map((e) => e.change));
    const component = findings[0]!.component;
    // The files rendered/ would hold: write them where helm reads them.
    for (const [repo, tree] of [[base!, b], [head!, h]] as const) for (const [p, text] of tree.files) repo.write(p, text);

    const namespace = `safety-${i}`;
    await cp.apply(`apiVersion: v1\nkind: Namespace\nmetadata: { name: ${namespace} }\n`);
    const before = await objects(base!.root, env, component, namespace);
    const after = await objects(head!.root, env, component, namespace);
    const args = ['apply', '--server-side', '--field-manager=argocd-controller', '-n', namespace, '-f', '-'];
    const input = (docs: Doc[]) => docs.map((d) => JSON.stringify(d)).join('\n---\n');
    const created = await cp.kubectl(args, { input: input(before), allowFailure: true });
    expect(created.code, `the base objects apply: ${created.stderr}`).toBe(0);
    const update = await cp.kubectl([...args.slice(0, 1), '--dry-run=server', ...args.slice(1)], { input: input(after), allowFailure: true });

    const byApiServer = findings.some((f) => f.by === 'api-server');
    rows.push(`| ${c.name} | ${findings.map((f) => `${f.change}: ${f.class}${f.by ? ` (${f.by})` : ''}`).join(', ')} | ${update.code === 0 ? 'accepted' : `refused: ${update.stderr.trim().split('\n')[0]!.slice(0, 160)}`} |`);
    if (byApiServer) {
      expect(update.code, 'the API server should refuse this update').not.toBe(0);
      // Kubernetes 1.37 names the field (`spec.volumeClaimTemplates … field is immutable`); older
      // releases said "updates to statefulset spec for fields other than …".
      expect(update.stderr).toMatch(/Forbidden: updates to statefulset spec for fields other than|spec\.volumeClaimTemplates: Invalid value: .*field is immutable/);
    } else {
      expect(update.code, `the API server should accept this update: ${update.stderr}`).toBe(0);
    }
  });
});

/**
 * One data-safety case (test/support/safety-cases.ts) as the cluster sees it: the base claim and
 * the head claim rendered by the real pipeline, classified by src/safety, and templated by the
 * real chart into the objects Argo CD would apply; then applied the way Argo CD applies them.
 * Shared by the e2e files that let a real judge (the API server, an operator's webhook) rule
 * on the same objects.
 */
import { parseAllDocuments } from 'yaml';
import { renderTree } from '../../../src/diff/trees.js';
import { dataSafety, type Finding } from '../../../src/safety/index.js';
import { helm } from '../../support/helm.js';
import { claim, REPO_ROOT, type TempRepo, tempRepo } from '../../support/repo.js';
import type { SafetyCase } from '../../support/safety-cases.js';
import type { ControlPlane, KubectlResult } from '../control-plane/index.js';
import type { Doc } from './rendered.js';

export interface RenderedCase {
  findings: Finding[];
  /** The component's name in the claim. */
  component: string;
  before: Doc[];
  after: Doc[];
}

/** The component type a case edits (its base line says it). */
export function caseType(c: SafetyCase): string {
  return /type: ([a-z]+)/.exec(c.base)![1]!;
}

/**
 * Renders and classifies `c`, and templates both sides for `namespace` at `kubeVersion`.
 * The temp repositories go into `repos` for the caller to clean up.
 */
export async function renderSafetyCase(c: SafetyCase, namespace: string, kubeVersion: string, repos: TempRepo[]): Promise<RenderedCase> {
  const env = c.env ?? 'staging';
  const file = `deployments/${env}/shop.yaml`;
  const [base, head] = [c.base, c.head].map((line) => {
    const repo = tempRepo({ [file]: claim('shop', env, `  components:\n    - ${line}\n`) });
    repos.push(repo);
    return repo;
  });
  const [b, h] = await Promise.all([renderTree(base!.root, {}), renderTree(head!.root, {})]);
  const { findings } = dataSafety(b.files, h.files, h.claims).verdict;
  const component = findings[0]?.component ?? '';
  // The files rendered/ would hold: write them where helm reads them.
  for (const [repo, tree] of [[base!, b], [head!, h]] as const) for (const [p, text] of tree.files) repo.write(p, text);
  const objects = async (root: string): Promise<Doc[]> => {
    const { stdout } = await helm(['template', `shop-${component}`, `${REPO_ROOT}/charts/common`, '--namespace', namespace, '--kube-version', kubeVersion, '-f', `${root}/rendered/${env}/shop/${component}/values.yaml`]);
    return parseAllDocuments(stdout).map((d) => d.toJS() as Doc | null).filter((o): o is Doc => o !== null);
  };
  return { findings, component, before: await objects(base!.root), after: await objects(head!.root) };
}

/**
 * `kubectl apply --server-side` as Argo CD's controller, optionally as a server-side dry run.
 * Conflicts are forced as Argo CD forces them (gitops-engine pkg/utils/kube/resource_ops.go:
 * `ForceConflicts = serverSideApply`; its default client-side apply has no field owners at all):
 * an operator that wrote into its own resource's spec (ECK does, into `spec.nodeSets`) never
 * stops a sync, only its webhook does.
 */
export function applyAsArgocd(cp: ControlPlane, namespace: string, docs: Doc[], options: { dryRun?: boolean } = {}): Promise<KubectlResult> {
  const args = ['apply', ...(options.dryRun ? ['--dry-run=server'] : []), '--server-side', '--force-conflicts', '--field-manager=argocd-controller', '-n', namespace, '-f', '-'];
  return cp.kubectl(args, { input: docs.map((d) => JSON.stringify(d)).join('\n---\n'), allowFailure: true });
}

/** One line of the table a judge prints: case → our classes → its answer. */
export function verdictRow(name: string, findings: Finding[], answer: KubectlResult): string {
  const classes = findings.map((f) => `${f.change}: ${f.class}${f.by ? ` (${f.by})` : ''}`).join(', ');
  return `| ${name} | ${classes} | ${answer.code === 0 ? 'accepted' : `refused: ${answer.stderr.trim().split('\n')[0]!.slice(0, 200)}`} |`;
}

/**
 * The operators' own admission webhooks judge the data-safety rows they own. CloudNativePG's
 * and ECK's managers (built from the module proxy by .ci/install-e2e-tools) run against the e2e
 * API server with their webhooks registered (test/e2e/webhooks/). For every postgresql and
 * elasticsearch case of test/support/safety-cases.ts the base objects are applied — through the
 * webhooks, as Argo CD would — the operator reconciles them as far as the rows need (CNPG records
 * the running major in the Cluster's status; ECK creates the nodeSet's StatefulSet), and the head
 * objects are server-side dry-run as an **update**. A change classified "refused after merge by
 * the operator" whose sentence quotes the webhook must be refused by it, in the words quoted;
 * every other change must be accepted. Prints a table per operator: case → our class → its answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/safety/index.js';
import { claim, cli, type TempRepo, tempRepo } from '../support/repo.js';
import { IN_PLACE_CASES, type SafetyCase } from '../support/safety-cases.js';
import { type ControlPlane, startControlPlane } from './control-plane/index.js';
import { poll } from './control-plane/wait.js';
import { applyAsArgocd, caseType, renderSafetyCase, verdictRow } from './support/safety-objects.js';
import { type RunningOperator, startCnpg } from './webhooks/cnpg.js';
import { startEck } from './webhooks/eck.js';

const repos: TempRepo[] = [];
const casesOf = (type: string) => IN_PLACE_CASES.filter((c) => caseType(c) === type);

/** The operator's words our sentence quotes: `("…")`. */
const quoted = (sentence: string): string | undefined => /\("([^"]+)"\)/.exec(sentence)?.[1];

let cp: ControlPlane;
let kubeVersion: string;
beforeAll(async () => {
  cp = await startControlPlane({ argocd: false });
  kubeVersion = (await cp.api<{ gitVersion: string }>('/version'))!.gitVersion.replace(/^v/, '');
});
afterAll(async () => {
  await cp?.stop();
  for (const r of repos) r.cleanup();
});

/** Renders and classifies `c` (as the case expects), and applies its base objects through the webhooks. */
async function applyBase(c: SafetyCase, namespace: string, operator: string) {
  const rendered = await renderSafetyCase(c, namespace, kubeVersion, repos);
  expect(rendered.findings.map((f) => [f.change, f.class, f.by])).toEqual(c.expect.map((e) => [e.change, e.class, e.by]));
  await cp.apply(`apiVersion: v1\nkind: Namespace\nmetadata: { name: ${namespace} }\n`);
  const created = await applyAsArgocd(cp, namespace, rendered.before);
  expect(created.code, `${operator}'s webhooks admit the base objects: ${created.stderr}`).toBe(0);
  return rendered;
}

/** Asserts the webhook's answer to the update: refused in the quoted words, or accepted. */
function expectJudgement(kind: string, name: string, refusals: Finding[], update: { code: number; stderr: string }, operator: string): void {
  if (refusals.length > 0) {
    expect(update.code, `${operator}'s webhook should refuse this update`).not.toBe(0);
    // The validator answers with a Status the API server passes on: `The <Kind> "…" is invalid: <its words>`.
    expect(update.stderr).toContain(`The ${kind} "${name}" is invalid`);
    for (const f of refusals) {
      const words = quoted(f.sentence);
      expect(words, `our sentence quotes the webhook: ${f.sentence}`).toBeDefined();
      expect(update.stderr).toContain(words);
    }
  } else {
    expect(update.code, `${operator}'s webhook should accept this update: ${update.stderr}`).toBe(0);
  }
}

describe("CloudNativePG's webhooks refuse exactly the postgresql changes classified as refused by the operator", () => {
  const rows: string[] = [];
  const POSTGRES_CASES = casesOf('postgresql');
  let cnpg: RunningOperator;

  beforeAll(async () => {
    cnpg = await startCnpg(cp);
  });
  afterAll(async () => {
    console.log(['| case | classified | CloudNativePG 1.30.0 on the update |', '|---|---|---|', ...rows].join('\n'));
    await cnpg?.stop();
  });

  it('has postgresql cases for every way the webhook refuses one', () => {
    const refusedBy = POSTGRES_CASES.flatMap((c) => c.expect.filter((e) => e.by === 'operator').map((e) => e.change));
    expect(new Set(refusedBy)).toEqual(new Set(['storage-shrink', 'major-downgrade', 'major-upgrade']));
  });

  it.each(POSTGRES_CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const namespace = `webhook-${i}`;
    const { findings, before, after } = await applyBase(c, namespace, 'CloudNativePG');
    const cluster = before.find((d) => d.kind === 'Cluster')!;
    const baseMajor = Number(/:(\d+)/.exec(cluster.spec.imageName)![1]);
    const recorded = await poll(
      async () => (await cp.api(`/apis/postgresql.cnpg.io/v1/namespaces/${namespace}/clusters/${cluster.metadata.name}`))?.status?.pgDataImageInfo?.majorVersion as number | undefined,
      { what: `the operator's status.pgDataImageInfo on ${namespace}/${cluster.metadata.name}`, timeoutMs: 60_000, onTimeout: () => cnpg.logTail() },
    );
    expect(recorded, 'the operator read the running major from our imageName').toBe(baseMajor);

    const update = await applyAsArgocd(cp, namespace, after, { dryRun: true });
    rows.push(verdictRow(c.name, findings, update));
    expectJudgement('Cluster', cluster.metadata.name, findings.filter((f) => f.by === 'operator'), update, 'CloudNativePG');
  });

  it('a PostgreSQL major below 13 is refused at render, and by the webhook when the Cluster is created', async () => {
    const repo = tempRepo({ 'deployments/staging/shop.yaml': claim('shop', 'staging', '  components:\n    - { type: postgresql, name: db, version: "12" }\n') });
    repos.push(repo);
    const render = await cli(repo.root, 'render');
    expect(render.code).toBe(2);
    expect(render.stderr).toContain('postgresql 12 is not supported: CloudNativePG runs PostgreSQL 13 or newer');
    // What the chart would make of it: the objects of a version the renderer accepts, moved to 12 and 13.
    const { before } = await renderSafetyCase(POSTGRES_CASES[0]!, 'webhook-min', kubeVersion, repos);
    await cp.apply('apiVersion: v1\nkind: Namespace\nmetadata: { name: webhook-min }\n');
    const atMajor = (major: number) => before.map((d) => (d.kind === 'Cluster' ? { ...d, spec: { ...d.spec, imageName: d.spec.imageName.replace(/:[^:]+$/, `:${major}`) } } : d));
    const refused = await applyAsArgocd(cp, 'webhook-min', atMajor(12), { dryRun: true });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('Unsupported PostgreSQL version. Versions 13 or newer are supported');
    const accepted = await applyAsArgocd(cp, 'webhook-min', atMajor(13), { dryRun: true });
    expect(accepted.code, accepted.stderr).toBe(0);
    rows.push(verdictRow('created at major 12 (refused at render too)', [], refused), verdictRow('created at major 13', [], accepted));
  });
});

describe("ECK's webhook refuses exactly the elasticsearch changes classified as refused by it", () => {
  const rows: string[] = [];
  const ES_CASES = casesOf('elasticsearch');
  /** A refusal that is the webhook's (its sentence says so and quotes it), not the reconciler's. */
  const byWebhook = (f: { by?: string; sentence: string }) => f.by === 'operator' && f.sentence.startsWith("ECK's webhook refuses it");
  let eck: RunningOperator;

  beforeAll(async () => {
    eck = await startEck(cp);
    // The storage-grow row: ECK's webhook lets a claim grow only when its storage class allows
    // expansion, and looks up the default class for claims that name none (as ours do). The
    // cluster the row speaks of has one that does.
    await cp.apply('apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: expandable\n  annotations: { storageclass.kubernetes.io/is-default-class: "true" }\nprovisioner: example.com/none\nallowVolumeExpansion: true\n');
  });
  afterAll(async () => {
    console.log(['| case | classified | ECK 3.5.0 on the update |', '|---|---|---|', ...rows].join('\n'));
    await eck?.stop();
  });

  it('has elasticsearch cases for every way the webhook refuses one, and for the refusal that is its reconciler\'s', () => {
    const refusals = ES_CASES.flatMap((c) => c.expect.filter((e) => e.by === 'operator').map((e) => e.change));
    expect(new Set(refusals)).toEqual(new Set(['version-upgrade', 'version-downgrade', 'storage-shrink', 'storage-class', 'scale-down']));
  });

  it.each(ES_CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const namespace = `eck-webhook-${i}`;
    const { findings, before, after } = await applyBase(c, namespace, 'ECK');
    const es = before.find((d) => d.kind === 'Elasticsearch')!;
    // What the webhook compares a storage change with: the volume claim templates of the
    // StatefulSet the operator made for the nodeSet (validation/volume_validation.go validPVCModification).
    const sset = `${es.metadata.name}-es-${es.spec.nodeSets[0].name}`;
    const templates = await poll(
      async () => (await cp.api(`/apis/apps/v1/namespaces/${namespace}/statefulsets/${sset}`))?.spec?.volumeClaimTemplates as { spec: { resources: { requests: { storage: string } } } }[] | undefined,
      { what: `ECK's StatefulSet ${namespace}/${sset}`, timeoutMs: 90_000, onTimeout: () => eck.logTail() },
    );
    expect(templates[0]!.spec.resources.requests.storage, "the operator's StatefulSet holds our base size").toBe(es.spec.nodeSets[0].volumeClaimTemplates[0].spec.resources.requests.storage);

    const update = await applyAsArgocd(cp, namespace, after, { dryRun: true });
    rows.push(verdictRow(c.name, findings, update));
    // A scale-down to one node is refused by the reconciler (it never removes a node that still
    // holds shard copies: src/safety/rules.ts), not at admission: the webhook admits it.
    expectJudgement('Elasticsearch', es.metadata.name, findings.filter(byWebhook), update, 'ECK');
  });
});

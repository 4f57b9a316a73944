/**
 * The operators' own admission webhooks judge the data-safety rows they own. CloudNativePG's
 * manager (built from the module proxy by .ci/install-e2e-tools) runs against the e2e API
 * server with its webhooks registered (test/e2e/webhooks/). For every postgresql case of
 * test/support/safety-cases.ts the base objects are applied — through the webhooks, as Argo CD
 * would — the operator records the running major in the Cluster's status, and the head objects
 * are server-side dry-run as an **update**. A change classified "refused after merge by the
 * operator" must be refused by CNPG's validating webhook, in the words our PR comment quotes;
 * every other change must be accepted. Prints the table: case → our class → the webhook's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempRepo } from '../support/repo.js';
import { IN_PLACE_CASES } from '../support/safety-cases.js';
import { type ControlPlane, startControlPlane } from './control-plane/index.js';
import { poll } from './control-plane/wait.js';
import { applyAsArgocd, caseType, renderSafetyCase, verdictRow } from './support/safety-objects.js';
import { type RunningOperator, startCnpg } from './webhooks/cnpg.js';

const rows: string[] = [];
const repos: TempRepo[] = [];
const POSTGRES_CASES = IN_PLACE_CASES.filter((c) => caseType(c) === 'postgresql');

/** The operator's words our sentence quotes: `("…")`. */
const quoted = (sentence: string): string | undefined => /\("([^"]+)"\)/.exec(sentence)?.[1];

describe("CloudNativePG's webhooks refuse exactly the postgresql changes classified as refused by the operator", () => {
  let cp: ControlPlane;
  let cnpg: RunningOperator;
  let kubeVersion: string;

  beforeAll(async () => {
    cp = await startControlPlane({ argocd: false });
    cnpg = await startCnpg(cp);
    kubeVersion = (await cp.api<{ gitVersion: string }>('/version'))!.gitVersion.replace(/^v/, '');
  });
  afterAll(async () => {
    console.log(['| case | classified | CloudNativePG 1.30.0 on the update |', '|---|---|---|', ...rows].join('\n'));
    await cnpg?.stop();
    await cp?.stop();
    for (const r of repos) r.cleanup();
  });

  it('has postgresql cases for every way the webhook refuses one', () => {
    const refusedBy = POSTGRES_CASES.flatMap((c) => c.expect.filter((e) => e.by === 'operator').map((e) => e.change));
    expect(new Set(refusedBy)).toEqual(new Set(['storage-shrink', 'major-downgrade', 'major-upgrade']));
  });

  it.each(POSTGRES_CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const namespace = `webhook-${i}`;
    const { findings, before, after } = await renderSafetyCase(c, namespace, kubeVersion, repos);
    expect(findings.map((f) => [f.change, f.class, f.by])).toEqual(c.expect.map((e) => [e.change, e.class, e.by]));

    await cp.apply(`apiVersion: v1\nkind: Namespace\nmetadata: { name: ${namespace} }\n`);
    const created = await applyAsArgocd(cp, namespace, before);
    expect(created.code, `CNPG's webhooks admit the base objects: ${created.stderr}`).toBe(0);
    const cluster = before.find((d) => d.kind === 'Cluster')!;
    const baseMajor = Number(/:(\d+)/.exec(cluster.spec.imageName)![1]);
    const recorded = await poll(
      async () => (await cp.api(`/apis/postgresql.cnpg.io/v1/namespaces/${namespace}/clusters/${cluster.metadata.name}`))?.status?.pgDataImageInfo?.majorVersion as number | undefined,
      { what: `the operator's status.pgDataImageInfo on ${namespace}/${cluster.metadata.name}`, timeoutMs: 60_000, onTimeout: () => cnpg.logTail() },
    );
    expect(recorded, 'the operator read the running major from our imageName').toBe(baseMajor);

    const update = await applyAsArgocd(cp, namespace, after, { dryRun: true });
    rows.push(verdictRow(c.name, findings, update));
    const refusals = findings.filter((f) => f.by === 'operator');
    if (refusals.length > 0) {
      expect(update.code, "CloudNativePG's webhook should refuse this update").not.toBe(0);
      // The validator answers with a Status the API server passes on: `The Cluster "…" is invalid: <its words>`.
      expect(update.stderr).toContain(`The Cluster "${cluster.metadata.name}" is invalid`);
      for (const f of refusals) {
        const words = quoted(f.sentence);
        expect(words, `our sentence quotes the webhook: ${f.sentence}`).toBeDefined();
        expect(update.stderr).toContain(words);
      }
    } else {
      expect(update.code, `CloudNativePG's webhook should accept this update: ${update.stderr}`).toBe(0);
    }
  });
});

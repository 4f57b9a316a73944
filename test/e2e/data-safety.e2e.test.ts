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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempRepo } from '../support/repo.js';
import { IN_PLACE_CASES } from '../support/safety-cases.js';
import { type ControlPlane, startControlPlane } from './control-plane/index.js';
import { applyAsArgocd, renderSafetyCase, verdictRow } from './support/safety-objects.js';

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

  it.each(IN_PLACE_CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const namespace = `safety-${i}`;
    const { findings, before, after } = await renderSafetyCase(c, namespace, kubeVersion, repos);
    expect(findings.map((f) => f.change)).toEqual(c.expect.map((e) => e.change));

    await cp.apply(`apiVersion: v1\nkind: Namespace\nmetadata: { name: ${namespace} }\n`);
    const created = await applyAsArgocd(cp, namespace, before);
    expect(created.code, `the base objects apply: ${created.stderr}`).toBe(0);
    const update = await applyAsArgocd(cp, namespace, after, { dryRun: true });

    const byApiServer = findings.some((f) => f.by === 'api-server');
    rows.push(verdictRow(c.name, findings, update));
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

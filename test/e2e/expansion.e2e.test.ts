/**
 * Expansion by Argo CD itself: the real ApplicationSet controller (v3.6.1, policy sync) turns
 * each rendered ApplicationSet into Applications, and those equal, field for field, what our
 * model says (`expandApplicationSet` in test/support/crd.ts, which `diff`, the README and the
 * CRD tests rely on): names, project, destination, both sources, the `$values` path, labels,
 * annotations, finalizers, owner. One environment at a time (one Argo CD per environment, and
 * the example repository uses the claim name `ecommerce` in all three).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandApplicationSet } from '../support/crd.js';
import { REPO_ROOT, type TempRepo } from '../support/repo.js';
import { ARGOCD_NAMESPACE, type ControlPlane, startControlPlane } from './control-plane/index.js';
import { live, syncRoot, waitForApplications } from './support/argocd-state.js';
import { type Doc, generatedRepo, renderedClaims } from './support/rendered.js';

describe('Applications made by the real ApplicationSet controller equal our model', () => {
  let cp: ControlPlane;
  let generated: TempRepo;
  let compared = 0;

  beforeAll(async () => {
    [cp, generated] = await Promise.all([startControlPlane(), generatedRepo(3)]);
  });
  afterAll(async () => {
    console.log(`expansion: ${compared} Applications made by Argo CD compared field for field with expandApplicationSet`);
    await cp?.stop();
    generated?.cleanup();
  });

  async function compareEnv(root: string, env: string): Promise<number> {
    const claims = renderedClaims(root).filter((c) => c.env === env);
    const model = claims.flatMap((c) => expandApplicationSet(c.applicationSet)) as Doc[];
    await syncRoot(cp, root, env);
    const apps = await waitForApplications(cp, env, model.map((m) => m.metadata.name), `${env} expanded`);
    const sets = await live(cp, 'applicationsets', env);
    for (const want of model) {
      const got = apps.get(want.metadata.name)!;
      const { ownerReferences, ...meta } = want.metadata;
      const ownerUid = sets.get(ownerReferences[0].name)!.metadata.uid;
      expect({
        name: got.metadata.name,
        namespace: (got.metadata as { namespace?: string }).namespace,
        labels: got.metadata.labels,
        annotations: got.metadata.annotations,
        finalizers: got.metadata.finalizers,
        ownerReferences: got.metadata.ownerReferences,
        spec: got.spec,
      }, want.metadata.name).toEqual({
        name: meta.name,
        namespace: ARGOCD_NAMESPACE,
        labels: meta.labels,
        annotations: meta.annotations,
        finalizers: meta.finalizers,
        ownerReferences: [{ ...ownerReferences[0], uid: ownerUid }],
        spec: want.spec,
      });
    }
    // Leave the cluster empty for the next environment, as removing every claim would.
    for (const c of claims) {
      await cp.kubectl(['delete', 'applicationsets', c.claim, '-n', ARGOCD_NAMESPACE, '--cascade=foreground', '--wait=false']);
    }
    await waitForApplications(cp, env, [], `${env} cleaned up`);
    for (const c of claims) await cp.kubectl(['delete', 'appprojects', c.claim, '-n', ARGOCD_NAMESPACE, '--wait=true', '--timeout=120s']);
    return model.length;
  }

  for (const env of ['dev', 'staging', 'prod']) {
    it(`the example repository, ${env}`, async () => {
      const n = await compareEnv(REPO_ROOT, env);
      expect(n).toBeGreaterThan(0);
      compared += n;
    });
  }

  for (const env of ['dev', 'staging', 'prod']) {
    it(`a generated repository (3 claims × 4 units), ${env}`, async () => {
      const n = await compareEnv(generated.root, env);
      expect(n).toBe(12);
      compared += n;
    });
  }
});

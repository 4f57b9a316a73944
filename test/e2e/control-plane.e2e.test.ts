/**
 * The harness itself: the API server answers with the Kubernetes release it was built from,
 * RBAC is on, the vendored CRDs are served, kube-controller-manager works, and the three Argo CD
 * controllers run. The other e2e files build on this.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ControlPlane, startControlPlane } from './control-plane/index.js';

describe('the e2e control plane', () => {
  let cp: ControlPlane;
  beforeAll(async () => {
    cp = await startControlPlane({ rootApplications: [{ env: 'dev', repoURL: 'https://git.example.invalid/platform.git', targetRevision: 'e2e' }] });
  });
  afterAll(async () => {
    await cp?.stop();
  });

  it('serves Kubernetes v1.37.0 (the release Argo CD v3.6.1 is built against)', async () => {
    const version = await cp.api<{ gitVersion: string }>('/version');
    expect(version?.gitVersion).toBe('v1.37.0');
  });

  it('has RBAC on: an unbound user may do nothing, the Argo CD controllers may do everything', async () => {
    const nobody = await cp.kubectl(['auth', 'can-i', 'list', 'deployments', '-A', '--as', 'nobody'], { allowFailure: true });
    expect(nobody.stdout.trim()).toBe('no');
    const argocd = await cp.kubectl(['auth', 'can-i', 'delete', 'deployments', '-A', '--as', 'argocd-controllers'], { allowFailure: true });
    expect(argocd.stdout.trim()).toBe('yes');
  });

  it('serves the vendored CRDs', async () => {
    const crds = await cp.api<{ items: { metadata: { name: string } }[] }>('/apis/apiextensions.k8s.io/v1/customresourcedefinitions');
    const names = crds!.items.map((c) => c.metadata.name);
    for (const name of ['applications.argoproj.io', 'applicationsets.argoproj.io', 'appprojects.argoproj.io', 'clusters.postgresql.cnpg.io', 'kafkas.kafka.strimzi.io']) {
      expect(names).toContain(name);
    }
    const argo = await cp.api<{ spec: { versions: { name: string }[] } }>('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/applicationsets.argoproj.io');
    expect(argo!.spec.versions.map((v) => v.name)).toEqual(['v1alpha1']);
  });

  it('garbage-collects: deleting an owner deletes what it owns (kube-controller-manager runs)', async () => {
    await cp.apply('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: owner, namespace: default }\n');
    const owner = await cp.api<{ metadata: { uid: string } }>('/api/v1/namespaces/default/configmaps/owner');
    await cp.apply(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: owned\n  namespace: default\n  ownerReferences: [{ apiVersion: v1, kind: ConfigMap, name: owner, uid: ${owner!.metadata.uid} }]\n`);
    await cp.kubectl(['delete', 'configmap', 'owner', '-n', 'default', '--cascade=foreground', '--wait=false']);
    await cp.waitFor(async () => (await cp.api('/api/v1/namespaces/default/configmaps/owned')) === undefined, { what: 'GC of the owned ConfigMap' });
  });

  it('installs the root Application from infrastructure/argocd with the repository it is given', async () => {
    const root = await cp.api<{ spec: { project: string; source: { repoURL: string; targetRevision: string; path: string; directory: { include: string } } } }>(
      '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/infraforge-root-dev');
    expect(root?.spec.project).toBe('infraforge-platform');
    expect(root?.spec.source).toMatchObject({ repoURL: 'https://git.example.invalid/platform.git', targetRevision: 'e2e', path: '.' });
    expect(root?.spec.source.directory.include).toBe('{rendered/dev/*/applicationset.yaml,rendered/dev/*/appproject.yaml,rendered/dev/namespaces.yaml}');
    const project = await cp.api<{ spec: { sourceRepos: string[] } }>('/apis/argoproj.io/v1alpha1/namespaces/argocd/appprojects/infraforge-platform');
    expect(project?.spec.sourceRepos).toEqual(['https://git.example.invalid/platform.git']);
  });

  it('runs the three Argo CD controllers, each with its own log', () => {
    for (const name of ['argocd-applicationset-controller', 'argocd-repo-server', 'argocd-application-controller']) {
      expect(cp.logs[name], name).toBeDefined();
    }
    expect(cp.logTails(5)).toContain('argocd-application-controller (running)');
  });
});

/**
 * The harness itself: the API server answers with the Kubernetes release it was built from,
 * RBAC is on, the vendored CRDs are served, kube-controller-manager works, and the three Argo CD
 * controllers run. The other e2e files build on this.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrigin } from '../support/git.js';
import { HELM4, helmTemplate } from '../support/helm.js';
import { REPO_ROOT } from '../support/repo.js';
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

  it('the repo-server renders with Helm 4.3.1, as Argo CD v3.6.1’s image does: its .Capabilities.HelmVersion, and our chart', async () => {
    expect(cp.repoServerHelm).toBe('v4.3.1');
    // A chart that writes down the Helm that renders it, next to charts/common, in a git repository Argo CD reads.
    const origin = makeOrigin({
      'charts/helm-version/Chart.yaml': 'apiVersion: v2\nname: helm-version\nversion: 0.1.0\n',
      'charts/helm-version/templates/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: helm-version\ndata:\n  version: {{ .Capabilities.HelmVersion.Version | quote }}\n',
    });
    try {
      const valuesFile = path.join(REPO_ROOT, 'rendered/dev/ecommerce/ecommerce-api/values.yaml');
      const application = (name: string, chartPath: string, helm = '') =>
        `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: { name: ${name}, namespace: argocd }\nspec:\n  project: default\n` +
        `  source:\n    repoURL: file://${origin.bare}\n    targetRevision: main\n    path: ${chartPath}\n${helm}` +
        '  destination: { server: https://kubernetes.default.svc, namespace: helm4 }\n  syncPolicy: { automated: {}, syncOptions: [CreateNamespace=true] }\n';
      await cp.apply([
        application('helm-version', 'charts/helm-version'),
        // A JSON string is a YAML double-quoted scalar: the values file's text, as Argo CD passes it to helm -f.
        application('ecommerce-ecommerce-api', 'charts/common', `    helm:\n      releaseName: ecommerce-ecommerce-api\n      values: ${JSON.stringify(readFileSync(valuesFile, 'utf8'))}\n`),
      ].join('---\n'));
      const cm = await cp.waitFor(() => cp.api<{ data: { version: string } }>('/api/v1/namespaces/helm4/configmaps/helm-version'), { what: 'the ConfigMap Argo CD synced from charts/helm-version', timeoutMs: 180_000 });
      expect(cm.data.version).toBe('v4.3.1');
      // Our chart, rendered by Argo CD with that Helm: the objects `helm template` (Helm 4) makes of the same values.
      const deployment = await cp.waitFor(() => cp.api<{ spec: unknown }>('/apis/apps/v1/namespaces/helm4/deployments/ecommerce-api'), { what: 'the Deployment Argo CD synced from charts/common', timeoutMs: 180_000 });
      const { objects } = await helmTemplate(valuesFile, 'ecommerce-ecommerce-api', path.join(REPO_ROOT, 'charts/common'), HELM4?.bin);
      const want = objects.find((o) => o.kind === 'Deployment')! as { spec: { template: { spec: { containers: { image: string; env: unknown }[] } } } };
      const got = deployment.spec as typeof want.spec;
      expect(got.template.spec.containers.map((c) => [c.image, c.env])).toEqual(want.spec.template.spec.containers.map((c) => [c.image, c.env]));
      for (const kind of objects.map((o) => o.kind).filter((k) => k !== 'Deployment')) expect(['Service', 'ServiceAccount']).toContain(kind);
      expect(await cp.api('/api/v1/namespaces/helm4/services/ecommerce-api')).toBeDefined();
      expect(await cp.api('/api/v1/namespaces/helm4/serviceaccounts/ecommerce-api')).toBeDefined();
    } finally {
      origin.cleanup();
    }
  });
});

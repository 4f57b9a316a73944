/**
 * One ApplicationSet and one AppProject per claim. The ApplicationSet's list generator has an
 * element per enabled app or component; each Application it makes is multi-source: the
 * common chart at the pinned version, with values from this repository's rendered/ tree.
 */
import type { ApplicationClaim } from '../claims/types.js';
import type { RenderSettings } from '../settings/types.js';
import { CHART_NAMESPACED_KINDS } from './chart-kinds.js';
import { claimNamespace, platformLabels, type Values } from './values.js';

/** `oci://ghcr.io/acme/charts` → `ghcr.io/acme/charts`: Argo CD's spelling of a Helm OCI repository. */
export function argoChartRepo(repository: string): string {
  return repository.replace(/^oci:\/\//, '');
}

/** Argo CD's finalizer that makes deleting an Application (or AppProject) wait for what it owns. */
const RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io';

export function valuesPath(env: string, claim: string, unit: string): string {
  return `rendered/${env}/${claim}/${unit}/values.yaml`;
}

export function applicationSet(claim: ApplicationClaim, units: readonly string[], settings: RenderSettings): Values {
  const name = claim.metadata.name;
  const env = claim.spec.environment;
  const labels = platformLabels(claim);
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name, namespace: settings.argocd.namespace, labels },
    spec: {
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [{ list: { elements: units.map((unit) => ({ name: unit })) } }],
      // No preserveResourcesOnDeletion and no explicit finalizer below: Argo CD's
      // RenderTemplateParams (applicationset/utils) then puts resources-finalizer.argocd.argoproj.io
      // on every Application itself, so an Application the controller deletes (policy `sync`)
      // takes its Deployments, Services, … with it. Operator CRs that hold data are kept by
      // their own `argocd.argoproj.io/sync-options: Delete=false` annotation (charts/common).
      template: {
        metadata: {
          name: `${name}-{{.name}}`,
          namespace: settings.argocd.namespace,
          labels: { ...labels, 'platform.infraforge.io/unit': '{{.name}}' },
        },
        spec: {
          project: name,
          sources: [
            {
              repoURL: argoChartRepo(settings.chart.repository),
              chart: settings.chart.name,
              targetRevision: settings.chart.version,
              helm: {
                releaseName: `${name}-{{.name}}`,
                valueFiles: [`$values/${valuesPath(env, name, '{{.name}}')}`],
              },
            },
            { repoURL: settings.gitRepoURL, targetRevision: settings.targetRevision, ref: 'values' },
          ],
          destination: { server: settings.argocd.server, namespace: claimNamespace(claim, settings) },
          // No CreateNamespace: the namespace is the platform's (render/namespaces.ts), applied
          // by the root Application; this project may not touch it.
          syncPolicy: { automated: { prune: true, selfHeal: true } },
        },
      },
    },
  };
}

export function appProject(claim: ApplicationClaim, settings: RenderSettings): Values {
  const owner = claim.spec.owner;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: {
      name: claim.metadata.name,
      namespace: settings.argocd.namespace,
      labels: platformLabels(claim),
      // One wave before the ApplicationSet: the ApplicationSet controller checks an Application's
      // project in its own informer cache and, when it is not there yet, retries only after 3
      // minutes (ReconcileRequeueOnValidationError, applicationset_controller.go). Between waves
      // the root waits (ARGOCD_SYNC_WAVE_DELAY, 2 s), so a new claim's Applications exist
      // seconds after the root's sync. Pruning runs the waves backwards: the ApplicationSet goes
      // first, this project second. That two-wave prune waits for the pruned ApplicationSet to
      // be gone before the next wave, which is why the root Applications prune with background
      // propagation (infrastructure/argocd/root-<env>.yaml says why; README "Lifecycle").
      annotations: { 'argocd.argoproj.io/sync-wave': '-1' },
      // Argo CD's application controller removes this finalizer only once no Application uses
      // the project, so when a claim is removed its AppProject outlives its Applications.
      finalizers: [RESOURCES_FINALIZER],
    },
    spec: {
      description: `${claim.metadata.name} (${claim.spec.environment}), owned by ${owner.team} <${owner.email}>`,
      // Least privilege: this repository (the values) and the chart registry, one destination,
      // the namespaced kinds the chart renders and no cluster-scoped kind at all (an empty
      // clusterResourceWhitelist allows none). Argo CD refuses anything else at sync, so a
      // values file or an Application that bypasses the renderer stays inside these bounds.
      sourceRepos: [settings.gitRepoURL, argoChartRepo(settings.chart.repository)],
      destinations: [{ server: settings.argocd.server, namespace: claimNamespace(claim, settings) }],
      namespaceResourceWhitelist: CHART_NAMESPACED_KINDS.map((k) => ({ group: k.group, kind: k.kind })),
      clusterResourceWhitelist: [],
    },
  };
}

/**
 * Resolves RenderSettings once per run. Precedence: flags and action inputs, then
 * deployments/settings.yaml, then what the repository tells us (origin remote, the GitHub
 * owner, charts/common/Chart.yaml).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseChartYaml } from '../chart/chart-yaml.js';
import { compiled, compiledAllErrors } from '../claims/ajv.js';
import { parseClaimFile } from '../claims/parse.js';
import { schemaCursor } from '../claims/schema-cursor.js';
import { schemaProblems } from '../claims/schema-errors.js';
import { placeOf, type SourceDoc } from '../claims/source.js';
import { InputError, type Problem } from '../errors.js';
import { normalizeGitUrl, ownerFromUrl, readOriginUrl } from '../git/origin.js';
import type { ProfileOverride } from '../render/profiles.js';
import settingsSchema from './render-settings.schema.json' with { type: 'json' };
import { resolveTenancy, type TenancyFile } from './tenancy.js';
import type { RenderSettings, ReservedName } from './types.js';

export const SETTINGS_FILE = 'deployments/settings.yaml';
export const CHART_DIR = 'charts/common';
export const DEFAULT_MAX_DELETED_APPS = 10;

export interface SettingsOverrides {
  gitRepoURL?: string;
  targetRevision?: string;
  chartRepository?: string;
  imageRegistry?: string;
  imageOwner?: string;
  allowDeletions?: boolean;
}

interface SettingsFile {
  spec?: {
    git?: { repoURL?: string; targetRevision?: string };
    chart?: { repository?: string };
    image?: { registry?: string; owner?: string; pinDigests?: boolean };
    security?: { runAsUser?: number | 'image'; runAsGroup?: number };
    argocd?: { namespace?: string; server?: string; reservedApplications?: string[]; reservedProjects?: string[] };
    deletion?: { maxDeletedApps?: number };
    profiles?: Record<string, ProfileOverride>;
    tenancy?: TenancyFile;
    externalSecrets?: { store: string; kind?: 'ClusterSecretStore' | 'SecretStore'; refreshInterval?: string; keyPrefix?: string };
  };
}

export interface ChartInfo {
  name: string;
  version: string;
}

export async function resolveSettings(
  root: string,
  overrides: SettingsOverrides,
  env: Record<string, string | undefined>,
): Promise<RenderSettings> {
  const { file, doc } = await readSettingsFile(root);
  const spec = file.spec ?? {};
  const chart = await readChartInfo(root);

  const detected = normalizeGitUrl((await readOriginUrl(root)) ?? '') ?? githubUrlFromEnv(env);
  const gitRepoURL = overrides.gitRepoURL ?? spec.git?.repoURL ?? detected;
  const owner = (overrides.imageOwner ?? spec.image?.owner ?? env.GITHUB_REPOSITORY_OWNER ?? ownerFromUrl(gitRepoURL))?.toLowerCase();
  if (!gitRepoURL) {
    throw new InputError([
      { code: 'git-url-unknown', message: 'cannot tell which git URL Argo CD should read: no usable origin remote; set spec.git.repoURL in deployments/settings.yaml or pass --repo-url' },
    ]);
  }
  const chartRepository = overrides.chartRepository ?? spec.chart?.repository ?? (owner ? `oci://ghcr.io/${owner}/charts` : undefined);
  if (!chartRepository) {
    throw new InputError([
      { code: 'chart-repository-unknown', message: 'cannot tell where the common chart is published: set spec.chart.repository in deployments/settings.yaml' },
    ]);
  }
  return {
    gitRepoURL,
    targetRevision: overrides.targetRevision ?? spec.git?.targetRevision ?? 'HEAD',
    chart: { repository: chartRepository, name: chart.name, version: chart.version },
    image: { registry: overrides.imageRegistry ?? spec.image?.registry ?? 'ghcr.io', owner, ...(spec.image?.pinDigests ? { pinDigests: true } : {}) },
    argocd: {
      namespace: spec.argocd?.namespace ?? 'argocd',
      server: spec.argocd?.server ?? 'https://kubernetes.default.svc',
      ...(doc && (spec.argocd?.reservedApplications || spec.argocd?.reservedProjects)
        ? {
            reserved: {
              applications: reservedNames(doc, 'reservedApplications', spec.argocd.reservedApplications),
              projects: reservedNames(doc, 'reservedProjects', spec.argocd.reservedProjects),
            },
          }
        : {}),
    },
    ...(spec.security ? { security: { ...spec.security } } : {}),
    maxDeletedApps: spec.deletion?.maxDeletedApps ?? DEFAULT_MAX_DELETED_APPS,
    allowDeletions: overrides.allowDeletions ?? false,
    profiles: spec.profiles ?? {},
    ...(spec.tenancy ? { tenancy: resolveTenancy(spec.tenancy, doc) } : {}),
    ...(spec.externalSecrets
      ? {
          externalSecrets: {
            store: spec.externalSecrets.store,
            kind: spec.externalSecrets.kind ?? 'ClusterSecretStore',
            refreshInterval: spec.externalSecrets.refreshInterval ?? '1h',
            keyPrefix: spec.externalSecrets.keyPrefix ?? '',
          },
        }
      : {}),
  };
}

function githubUrlFromEnv(env: Record<string, string | undefined>): string | undefined {
  if (!env.GITHUB_REPOSITORY) return undefined;
  return normalizeGitUrl(`${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}`);
}

/** Each reserved name with the settings line it sits on, so a clash message can point there. */
function reservedNames(doc: SourceDoc, key: 'reservedApplications' | 'reservedProjects', names: string[] = []): ReservedName[] {
  return names.map((name, i) => ({ name, where: placeOf(doc, ['spec', 'argocd', key, i]) }));
}

async function readSettingsFile(root: string): Promise<{ file: SettingsFile; doc?: SourceDoc }> {
  let text: string;
  try {
    text = await readFile(path.join(root, SETTINGS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file: {} };
    throw error;
  }
  const parsed = parseClaimFile(SETTINGS_FILE, text, schemaCursor(settingsSchema as Record<string, unknown>));
  const problems: Problem[] = [...parsed.problems];
  if (parsed.docs.length > 1) problems.push({ file: SETTINGS_FILE, code: 'settings-multiple', message: 'the settings file must hold one document' });
  const doc = parsed.docs[0];
  if (doc && problems.length === 0) {
    // Valid is the common case; only an invalid file pays for compiling the every-error validator.
    if (!compiled(settingsSchema)(doc.data)) {
      const all = compiledAllErrors(settingsSchema);
      all(doc.data);
      problems.push(...schemaProblems(doc, all.errors ?? []));
    }
  }
  if (problems.length) throw new InputError(problems);
  return doc ? { file: (doc.data ?? {}) as SettingsFile, doc } : { file: {} };
}

/** Name and version of charts/common: the single source of truth for what ApplicationSets pin. */
export async function readChartInfo(root: string, chartDir = CHART_DIR): Promise<ChartInfo> {
  const file = `${chartDir}/Chart.yaml`;
  let text: string;
  try {
    text = await readFile(path.join(root, file), 'utf8');
  } catch {
    throw new InputError([{ file, code: 'chart-missing', message: `${file} not found: the common chart's version is what ApplicationSets pin` }]);
  }
  const chartYaml = parseChartYaml(file, text);
  if (!chartYaml.meta) throw new InputError(chartYaml.problems);
  return { name: chartYaml.meta.name, version: chartYaml.meta.version };
}


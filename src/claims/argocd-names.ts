/**
 * Argo CD names a claim may not take. Each environment has one Argo CD, and in it a claim owns
 * the AppProject and ApplicationSet named after it and one Application `<claim>-<unit>` per app
 * or component. Taking a name someone else owns replaces their object: AppProject
 * `infraforge-platform` (which the root Applications use) or `default` would then allow only that
 * claim's namespace, and the whole environment stops syncing; two ApplicationSets making one
 * Application fight over it for ever.
 * So each clash is an input error that names both places.
 */
import { cmp, type Problem } from '../errors.js';
import { releaseName } from '../render/names.js';
import type { ReservedName, RenderSettings } from '../settings/types.js';
import { type FieldPath, placeOf, problemAt, type SourceDoc } from './source.js';
import type { LoadedClaim } from './types.js';
import { claimUnits } from './units.js';

/** The AppProject the root Applications run in; it may apply only what they need. */
export const PLATFORM_PROJECT = 'infraforge-platform';
export const PLATFORM_PROJECT_FILE = 'infrastructure/argocd/platform-project.yaml';

/**
 * What Argo CD itself and infrastructure/ create in every environment's Argo CD.
 * test/integration/reserved-names.test.ts reads infrastructure/ and fails when these drift.
 */
export const BUILTIN_PROJECTS: readonly ReservedName[] = [
  { name: 'default', where: "Argo CD's built-in project (it allows every kind everywhere)" },
  { name: PLATFORM_PROJECT, where: `the platform's AppProject ${PLATFORM_PROJECT_FILE} (the root Applications use it)` },
];

/** Applications infrastructure/ creates besides the roots (operators without a Helm chart). */
export const BUILTIN_APPLICATIONS: readonly ReservedName[] = [
  { name: 'rabbitmq-cluster-operator', where: 'the RabbitMQ operator Application infrastructure/aws/addons.tf creates' },
];

export function rootApplicationName(env: string): string {
  return `infraforge-root-${env}`;
}

export function rootApplicationFile(env: string): string {
  return `infrastructure/argocd/root-${env}.yaml`;
}

/**
 * Application names nobody but their owner may take. Each cluster runs only its own root
 * Application, but every environment's is reserved everywhere: a cluster set up by hand may
 * serve more than one environment, and refusing costs a claim nothing.
 */
function reservedApplications(envs: readonly string[], settings: RenderSettings): ReservedName[] {
  return [
    ...envs.map((env) => ({ name: rootApplicationName(env), where: `the root Application ${rootApplicationFile(env)}` })),
    ...BUILTIN_APPLICATIONS,
    ...(settings.argocd.reserved?.applications ?? []).map(fromSettings),
  ];
}

function reservedProjects(settings: RenderSettings): ReservedName[] {
  return [...BUILTIN_PROJECTS, ...(settings.argocd.reserved?.projects ?? []).map(fromSettings)];
}

function fromSettings(r: ReservedName): ReservedName {
  return { name: r.name, where: `the name reserved in ${r.where}` };
}

/**
 * Claims are visited in file order (discovery sorts them), so the first claim to take a name
 * keeps it and the later one is reported, pointing back: the same message on every run.
 * Disabled units count too: enabling one later must not start a fight.
 */
export function argocdNameProblems(claims: readonly LoadedClaim[], settings: RenderSettings): Problem[] {
  const problems: Problem[] = [];
  const projects = byName(reservedProjects(settings));
  const reserved = byName(reservedApplications([...new Set(claims.map((c) => c.env))].sort(cmp), settings));
  const seenClaims = new Set<string>();
  const applications = new Map<string, { doc: SourceDoc; path: FieldPath; claim: string; unit: string }>();

  for (const { claim, env, source: doc } of claims) {
    const name = claim.metadata.name;
    // A second claim of one name is reported by the semantic rules; its units would only repeat that.
    if (seenClaims.has(`${env}/${name}`)) continue;
    seenClaims.add(`${env}/${name}`);

    const project = projects.get(name);
    if (project) {
      problems.push(problemAt(doc, ['metadata', 'name'], 'reserved-project', `claim "${name}" would render AppProject "${name}", which is ${project.where}; choose another claim name`));
    }

    for (const unit of claimUnits(claim)) {
      const app = releaseName(name, unit.name);
      const owner = reserved.get(app);
      if (owner) {
        problems.push(problemAt(doc, unit.path, 'reserved-application', `Application "${app}" (claim "${name}" + "${unit.name}") is ${owner.where}; rename the claim or the unit`));
        continue;
      }
      const key = `${env}/${app}`;
      const other = applications.get(key);
      if (!other) {
        applications.set(key, { doc, path: unit.path, claim: name, unit: unit.name });
      } else if (other.claim !== name) {
        problems.push(
          problemAt(
            doc,
            unit.path,
            'application-name-clash',
            `Application "${app}" (claim "${name}" + "${unit.name}") is also made by claim "${other.claim}" + "${other.unit}" at ${placeOf(other.doc, other.path)}; rename one of them`,
          ),
        );
      }
    }
  }
  return problems;
}

function byName(names: readonly ReservedName[]): Map<string, ReservedName> {
  const map = new Map<string, ReservedName>();
  for (const r of names) if (!map.has(r.name)) map.set(r.name, r);
  return map;
}

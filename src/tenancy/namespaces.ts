/**
 * Where a claim may deploy. A claim is written by a tenant: its namespace is its team's, or one
 * the registry grants that team; never a platform namespace; and without a registry it is always
 * `<owner.team>-<env>`, where two spellings of one team must not meet (`Ecommerce Team` and
 * `ECOMMERCE__team` are both `ecommerce-team`). Pure.
 */
import { didYouMean } from '../claims/hints.js';
import { type FieldPath, placeOf, problemAt, type SourceDoc } from '../claims/source.js';
import type { LoadedClaim } from '../claims/types.js';
import { cmp, type Problem } from '../errors.js';
import { defaultNamespace, toDnsLabel } from '../render/names.js';
import type { RegisteredTeam, Tenancy } from '../settings/tenancy.js';
import type { RenderSettings } from '../settings/types.js';
import { claimNamespace, teamNamespace, teamOf } from './registry.js';
import { namespaceOwner } from './reserved-namespaces.js';
import { settingsPlace, settingsProblem } from './settings-place.js';

const TEAM: FieldPath = ['spec', 'owner', 'team'];
const NAMESPACE: FieldPath = ['spec', 'namespace'];

export function namespaceProblems(claims: readonly LoadedClaim[], settings: RenderSettings): Problem[] {
  const teams = settings.tenancy?.teams;
  const problems: Problem[] = teams ? registryProblems(settings.tenancy!, teams, claims, settings) : [];
  const spellings = new Map<string, { team: string; doc: SourceDoc }>();

  for (const { claim, env, source: doc } of claims) {
    const asked = claim.spec.namespace;
    const team = teamOf(claim, settings.tenancy);
    if (teams && !team) {
      problems.push(problemAt(doc, TEAM, 'team-unknown', unknownTeamMessage(claim.spec.owner.team, teams, settings.tenancy!)));
      continue;
    }
    if (asked !== undefined) {
      if (!team) {
        problems.push(
          problemAt(doc, NAMESPACE, 'namespace-not-granted', `spec.namespace needs a team registry that grants it (spec.tenancy.teams in deployments/settings.yaml); without one a claim deploys into ${defaultNamespace(claim.spec.owner.team, env)} (<owner.team>-<environment>)`),
        );
        continue;
      }
      const home = teamNamespace(team, env);
      if (asked !== home && !team.grants.namespaces.includes(asked)) {
        const where = settingsPlace(settings.tenancy!, ['teams', team.id]);
        problems.push(problemAt(doc, NAMESPACE, 'namespace-not-granted', `namespace ${asked} is not granted to team ${team.id} (its namespace in ${env} is ${home}); the platform grants more in ${where} (grants.namespaces)`));
        continue;
      }
    }
    const namespace = claimNamespace(claim, settings.tenancy);
    const owner = namespaceOwner(namespace, settings);
    if (owner) {
      problems.push(problemAt(doc, asked !== undefined ? NAMESPACE : TEAM, 'namespace-reserved', `namespace ${namespace} is ${owner}; no claim deploys there`));
      continue;
    }
    if (!team) {
      // Without a registry the namespace is all that tells teams apart: one namespace, one spelling.
      const key = `${env}/${namespace}`;
      const first = spellings.get(key);
      if (!first) spellings.set(key, { team: claim.spec.owner.team, doc });
      else if (first.team !== claim.spec.owner.team) {
        problems.push(
          problemAt(
            doc,
            TEAM,
            'team-spelling-clash',
            `owner.team "${claim.spec.owner.team}" deploys into namespace ${namespace}, as team "${first.team}" of ${placeOf(first.doc, TEAM)} does: write the team the same way in both claims, or register the teams in deployments/settings.yaml (spec.tenancy.teams)`,
          ),
        );
      }
    }
  }
  return problems;
}

function unknownTeamMessage(team: string, teams: readonly RegisteredTeam[], tenancy: Tenancy): string {
  const names = teams.map((t) => t.ownerTeam);
  const label = toDnsLabel(team);
  const guess = didYouMean(team, names) ?? names.find((n) => toDnsLabel(n) === label);
  const hint = guess ? `; did you mean "${guess}"?` : ` (registered: ${names.map((n) => `"${n}"`).join(', ')})`;
  return `owner.team "${team}" is not a team of the registry in ${settingsPlace(tenancy, ['teams'])}${hint}`;
}

/**
 * The registry must hold together before claims are read against it: one team per spelling, one
 * team per namespace, and no team's namespace or grant inside the platform's.
 */
function registryProblems(tenancy: Tenancy, teams: readonly RegisteredTeam[], claims: readonly LoadedClaim[], settings: RenderSettings): Problem[] {
  const problems: Problem[] = [];
  const spellings = new Map<string, string>();
  for (const team of teams) {
    const other = spellings.get(team.ownerTeam);
    if (other) problems.push(settingsProblem(tenancy, ['teams', team.id, 'ownerTeam'], 'team-duplicate', `ownerTeam "${team.ownerTeam}" is also team ${other}'s; a claim must name one team`));
    else spellings.set(team.ownerTeam, team.id);
  }

  const envs = [...new Set([...claims.map((c) => c.env), ...teams.flatMap((t) => Object.keys(t.namespaces))])].sort(cmp);
  const homes = new Map<string, string>();
  for (const env of envs) {
    // Defaults first: a clash is then reported at the namespace someone wrote.
    const explicit = (t: RegisteredTeam) => (Object.hasOwn(t.namespaces, env) ? 1 : 0);
    for (const team of [...teams].sort((a, b) => explicit(a) - explicit(b))) {
      const namespace = teamNamespace(team, env);
      const path = Object.hasOwn(team.namespaces, env) ? ['teams', team.id, 'namespaces', env] : ['teams', team.id];
      const owner = namespaceOwner(namespace, settings);
      const other = homes.get(`${env}/${namespace}`);
      if (owner) problems.push(settingsProblem(tenancy, path, 'namespace-reserved', `team ${team.id}'s namespace in ${env}, ${namespace}, is ${owner}`));
      else if (other) problems.push(settingsProblem(tenancy, path, 'namespace-clash', `team ${team.id}'s namespace in ${env}, ${namespace}, is also team ${other}'s; give each team its own`));
      else homes.set(`${env}/${namespace}`, team.id);
    }
  }
  for (const team of teams) {
    team.grants.namespaces.forEach((namespace, i) => {
      const path = ['teams', team.id, 'grants', 'namespaces', i];
      const owner = namespaceOwner(namespace, settings);
      const home = [...homes].find(([key, id]) => key.endsWith(`/${namespace}`) && id !== team.id);
      if (owner) problems.push(settingsProblem(tenancy, path, 'namespace-reserved', `namespace ${namespace} is ${owner}; it cannot be granted`));
      else if (home) problems.push(settingsProblem(tenancy, path, 'namespace-clash', `namespace ${namespace} is team ${home[1]}'s (${home[0].split('/')[0]}); a grant would let team ${team.id} read its Secrets`));
    });
  }
  return problems;
}

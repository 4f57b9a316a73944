/**
 * A unit's own names, and the text of a change with them masked: two units whose changes read
 * the same once each one's names are masked made the same change. Pure.
 *
 * A name matches only as a whole word: not preceded or followed by a letter, digit or `_`, so
 * `api` masks `api` in `shop-api` and `api.example.com` but never in `apiVersion`, `rapid` or
 * `MY_api`. `-`, `.`
 * and `/` separate words, because the chart and the renderer build names from names
 * (`<release>-<suffix>`, `<team>-<env>` namespaces, `deployments/<env>/<file>`).
 */
import type { FileChange } from '../compare.js';

/** Roles a name can play; a value playing two roles (a unit named like its claim) plays both. */
export type NameRole = 'release' | 'claim' | 'unit' | 'env' | 'team' | 'source';

export type UnitNames = Partial<Record<NameRole, string>>;

const TEAM_LABEL = /^ {2}platform\.infraforge\.io\/team: "?([^"\n]+)"?$/m;
/** The generated header names the claim file(s) a rendered file comes from (render/plan.ts). */
const SOURCE = /deployments\/[^\s+]+?\.ya?ml/g;

/**
 * The names of the unit a rendered file belongs to: its path's environment, claim and unit, the
 * release `<claim>-<unit>`, and — when the two sides agree, so a change of team or source file is
 * never masked away — the team label and the claim file named in the header.
 */
export function namesOf(change: Pick<FileChange, 'path' | 'env' | 'claim' | 'unit'>, before: string | undefined, after: string | undefined): UnitNames {
  const names: UnitNames = { env: change.env };
  const parts = change.path.split('/');
  if (parts.length >= 4) names.claim = change.claim;
  if (change.unit) {
    names.unit = change.unit;
    names.release = `${change.claim}-${change.unit}`;
  }
  const team = agreed(before, after, (text) => TEAM_LABEL.exec(text)?.[1]);
  if (team) names.team = team;
  const source = agreed(before, after, (text) => (text.split('\n', 1)[0] ?? '').match(SOURCE)?.join(' + '));
  if (source && !source.includes(' + ')) names.source = source;
  return names;
}

/** The value both sides give (or the one side that exists); undefined when they differ. */
function agreed(before: string | undefined, after: string | undefined, read: (text: string) => string | undefined): string | undefined {
  const a = before === undefined ? undefined : read(before);
  const b = after === undefined ? undefined : read(after);
  if (before !== undefined && after !== undefined) return a === b ? a : undefined;
  return a ?? b;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The text split into literal runs and masked names, as one string that no text can forge:
 * JSON of an array whose odd members are the roles of the names found. Longest names first,
 * so `shop-api` masks as the release before `shop` could mask as the claim.
 */
export function masked(text: string, names: UnitNames): string {
  const roles = new Map<string, NameRole[]>();
  for (const [role, value] of Object.entries(names) as [NameRole, string | undefined][]) {
    if (value) roles.set(value, [...(roles.get(value) ?? []), role]);
  }
  if (roles.size === 0) return JSON.stringify([text]);
  const values = [...roles.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = new RegExp(`(?<![A-Za-z0-9_])(${values.map(escape).join('|')})(?![A-Za-z0-9_])`, 'g');
  const parts = text.split(pattern);
  return JSON.stringify(parts.map((p, i) => (i % 2 === 1 ? { name: roles.get(p)!.sort().join('|') } : p)));
}

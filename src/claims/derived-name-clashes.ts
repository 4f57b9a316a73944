/**
 * The object-name rule extended to derived names: within one namespace, no app or component
 * may take a name the chart or an operator derives from another unit (derived-names.ts). The
 * deriving unit owns it; the unit that takes it is reported, with the same wording as a plain
 * object-name clash. An app's object name is `values.name` when it sets one, else its name.
 */
import type { Problem } from '../errors.js';
import { claimNamespace } from '../render/values.js';
import type { RenderSettings } from '../settings/types.js';
import { type DerivedName, derivedNames, takes } from './derived-names.js';
import { type FieldPath, placeOf, problemAt, type SourceDoc } from './source.js';
import type { LoadedClaim } from './types.js';

interface Unit {
  doc: SourceDoc;
  /** The field that names the object. */
  path: FieldPath;
  /** Where the unit is declared, for messages pointing at the owner. */
  unitPath: FieldPath;
  unit: string;
  type: string;
  objectName: string;
}

function units({ claim, source: doc }: LoadedClaim): Unit[] {
  const apps = claim.spec.applications.map((a, i): Unit => {
    const own = typeof a.values?.name === 'string' && a.values.name !== '' ? a.values.name : undefined;
    const unitPath = ['spec', 'applications', i, 'name'];
    return { doc, unitPath, path: own ? ['spec', 'applications', i, 'values', 'name'] : unitPath, unit: a.name, type: 'microservice', objectName: own ?? a.name };
  });
  const components = (claim.spec.components ?? []).map((c, i): Unit => {
    const unitPath = ['spec', 'components', i, 'name'];
    return { doc, unitPath, path: unitPath, unit: c.name, type: c.type, objectName: c.name };
  });
  return [...apps, ...components];
}

export function derivedNameProblems(claims: readonly LoadedClaim[], settings: Pick<RenderSettings, 'tenancy'>): Problem[] {
  const byNamespace = new Map<string, Unit[]>();
  for (const loaded of claims) {
    const key = `${loaded.env}/${claimNamespace(loaded.claim, settings)}`;
    let members = byNamespace.get(key);
    if (!members) byNamespace.set(key, (members = []));
    members.push(...units(loaded));
  }
  const problems: Problem[] = [];
  for (const [key, members] of byNamespace) {
    const namespace = key.slice(key.indexOf('/') + 1);
    // Indexed by name (exact) and by prefix, so a namespace with thousands of units stays linear:
    // each taker looks up its own name and each of its (at most 63) prefixes.
    const exact = new Map<string, Owned>();
    const prefixes = new Map<string, Owned>();
    for (const owner of members) {
      for (const derived of derivedNames(owner.type, owner.objectName)) {
        const index = derived.prefix ? prefixes : exact;
        if (!index.has(derived.name)) index.set(derived.name, { owner, derived });
      }
    }
    const byObjectName = new Map<string, Unit[]>();
    for (const m of members) byObjectName.set(m.objectName, [...(byObjectName.get(m.objectName) ?? []), m]);
    for (const taker of members) {
      const hit = ownedBy(taker, exact, prefixes) ?? valuesNameClash(taker, byObjectName.get(taker.objectName) ?? []);
      if (!hit) continue;
      const { owner, derived } = hit;
      problems.push(
        problemAt(
          taker.doc,
          taker.path,
          'object-name-clash',
          `"${taker.objectName}" would deploy into namespace ${namespace}, where ${placeOf(owner.doc, owner.unitPath)} already deploys an object of that name (${derived.what} of ${owner.type} "${owner.unit}"); rename one of them`,
        ),
      );
    }
  }
  return problems;
}

type Owned = { owner: Unit; derived: DerivedName };

function ownedBy(taker: Unit, exact: ReadonlyMap<string, Owned>, prefixes: ReadonlyMap<string, Owned>): Owned | undefined {
  const name = taker.objectName;
  const hit = exact.get(name);
  if (hit && hit.owner !== taker && takes(hit.derived, name)) return hit;
  for (let end = 1; end <= name.length; end++) {
    const p = prefixes.get(name.slice(0, end));
    if (p && p.owner !== taker && takes(p.derived, name)) return p;
  }
  return undefined;
}

/** A values.name equal to another unit's object name (two unit names clashing is semantic.ts's rule). */
function valuesNameClash(taker: Unit, sameName: readonly Unit[]): Owned | undefined {
  if (taker.path === taker.unitPath) return undefined;
  const owner = sameName.find((o) => o !== taker);
  return owner && { owner, derived: { name: owner.objectName, what: 'the objects' } };
}

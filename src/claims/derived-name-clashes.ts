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
    byNamespace.set(key, [...(byNamespace.get(key) ?? []), ...units(loaded)]);
  }
  const problems: Problem[] = [];
  for (const [key, members] of byNamespace) {
    const namespace = key.slice(key.indexOf('/') + 1);
    const owned: { owner: Unit; derived: DerivedName }[] = members.flatMap((owner) => derivedNames(owner.type, owner.objectName).map((derived) => ({ owner, derived })));
    for (const taker of members) {
      const hit = owned.find(({ owner, derived }) => owner !== taker && takes(derived, taker.objectName)) ?? valuesNameClash(taker, members);
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

/** A values.name equal to another unit's object name (two unit names clashing is semantic.ts's rule). */
function valuesNameClash(taker: Unit, members: readonly Unit[]): { owner: Unit; derived: DerivedName } | undefined {
  if (taker.path === taker.unitPath) return undefined;
  const owner = members.find((o) => o !== taker && o.objectName === taker.objectName);
  return owner && { owner, derived: { name: owner.objectName, what: 'the objects' } };
}

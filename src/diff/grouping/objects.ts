/**
 * One unit's Kubernetes objects before and after, as one change per object that differs:
 * paired by kind, namespace and name, Secret values redacted (../redact.ts). Pure.
 */
import { createTwoFilesPatch } from 'diff';
import { cmp } from '../../errors.js';
import { redactedObjectList, type RedactedObject } from '../redact.js';
import { type ChangeGroup, ChangeGroups, type ChangeItem } from './group.js';
import { namesOf, type UnitNames } from './names.js';

export interface UnitRef {
  env: string;
  claim: string;
  unit: string;
}

export function objectChanges(unit: UnitRef, names: UnitNames, beforeManifest: string, afterManifest: string): ChangeItem[] {
  const before = byKey(redactedObjectList(beforeManifest));
  const after = byKey(redactedObjectList(afterManifest, beforeManifest));
  const keys = [...after.keys(), ...[...before.keys()].filter((k) => !after.has(k))];
  const items: ChangeItem[] = [];
  for (const key of keys) {
    const a = before.get(key);
    const b = after.get(key);
    if (a?.text === b?.text) continue;
    const kind = (b ?? a)!.kind;
    const name = key.slice(key.lastIndexOf('/') + 1);
    const where = `${unit.env}/${unit.claim}/${unit.unit}`;
    const file = `${where}/${kind}/${name}`;
    const patch = createTwoFilesPatch(a ? `a/${file}` : '/dev/null', b ? `b/${file}` : '/dev/null', a?.text ?? '', b?.text ?? '', '', '', { context: 3 }).replace(/^=+\n/, '');
    let added = 0;
    let removed = 0;
    for (const line of patch.split('\n').slice(2)) {
      if (line.startsWith('+')) added++;
      else if (line.startsWith('-')) removed++;
    }
    items.push({ kind, change: !a ? 'added' : !b ? 'removed' : 'changed', label: name === unit.unit ? where : `${where}:${name}`, patch, names, added, removed });
  }
  return items;
}

/** Objects by key; a key seen twice in one manifest gets a `#n` suffix, so nothing is lost. */
function byKey(objects: RedactedObject[]): Map<string, RedactedObject> {
  const map = new Map<string, RedactedObject>();
  for (const o of objects) {
    let key = o.key;
    for (let n = 2; map.has(key); n++) key = `${o.key}#${n}`;
    map.set(key, o);
  }
  return map;
}

/** What the object diff of a change says: its distinct object changes, and the units it could not template. */
export interface ObjectDiffs {
  /** Units whose objects were compared (templated on both sides). */
  units: number;
  groups: ChangeGroup[];
  /** Units helm could not template, with helm's first line. */
  failures: { label: string; message: string }[];
}

/**
 * Collects units as they are templated, in any order (a pool may finish them out of order): each
 * unit's object changes are grouped at once and its manifests dropped, so memory follows the
 * distinct changes. result() is the same whatever the arrival order.
 */
export class ObjectDiffCollector {
  private readonly grouped = new ChangeGroups();
  private units = 0;
  private readonly failures: { label: string; message: string }[] = [];

  /** `values` are the unit's rendered values files (for its team and source names), `manifests` helm's output. */
  addUnit(change: UnitRef & { path: string }, values: { before?: string; after?: string }, manifests: { before: string; after: string }): void {
    this.units++;
    const names = namesOf(change, values.before, values.after);
    for (const item of objectChanges(change, names, manifests.before, manifests.after)) this.grouped.add(item);
  }

  addFailure(change: UnitRef, message: string): void {
    this.failures.push({ label: `${change.env}/${change.claim}/${change.unit}`, message });
  }

  result(): ObjectDiffs {
    const failures = [...this.failures].sort((a, b) => cmp(a.label, b.label) || cmp(a.message, b.message));
    return { units: this.units, groups: this.grouped.groups(), failures };
  }
}

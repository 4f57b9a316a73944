/**
 * Identical changes said once. Changes arrive one at a time (a unit's objects as helm templates
 * them, or the files of rendered/); each is filed under a key made of what changed (its kind,
 * added/removed/changed) and its patch with the unit's own names masked (names.ts), line
 * numbers dropped, and the chart's checksum annotations masked (they hash pod-spec fields
 * that the same patch already shows). A group keeps one change whole, to show, and only
 * the labels of the others: memory grows with the distinct changes, not with the units. Pure.
 */
import { createHash } from 'node:crypto';
import { cmp } from '../../errors.js';
import type { ChangeKind } from '../compare.js';
import { masked, type UnitNames } from './names.js';

export interface ChangeItem {
  /** What changed, singular, as a title says it: `Deployment`, `values file`. */
  kind: string;
  change: ChangeKind;
  /** Which one: `dev/shop-api` for an object's unit, the path for a file. */
  label: string;
  /** A unified diff: `---`/`+++` headers, then hunks. */
  patch: string;
  names: UnitNames;
  added: number;
  removed: number;
}

export interface ChangeGroup {
  /** The change with the least label, shown for all of them: the same whatever order they arrive in. */
  first: ChangeItem;
  /** Labels of every change in the group, the first included (sorted by groups()). */
  members: string[];
}

/** The patch without its headers and hunk positions, checksum annotations masked. */
export function comparablePatch(patch: string): string {
  const lines = patch.split('\n');
  const start = lines.findIndex((l) => l.startsWith('@@'));
  return (start < 0 ? [] : lines.slice(start))
    .map((l) => (l.startsWith('@@') ? '@@' : l.replace(/^([-+ ]\s*checksum\/[\w.-]+: )"?[0-9a-f]{64}"?$/, '$1#checksum')))
    .join('\n');
}

export function changeKey(item: Pick<ChangeItem, 'kind' | 'change' | 'patch' | 'names'>): string {
  const text = JSON.stringify([item.kind, item.change, masked(comparablePatch(item.patch), item.names)]);
  return createHash('sha256').update(text).digest('hex');
}

export class ChangeGroups {
  private readonly byKey = new Map<string, ChangeGroup>();

  add(item: ChangeItem): void {
    const key = changeKey(item);
    const group = this.byKey.get(key);
    if (group) {
      group.members.push(item.label);
      if (cmp(item.label, group.first.label) < 0) group.first = item;
    } else this.byKey.set(key, { first: item, members: [item.label] });
  }

  /** Changes filed so far (members counted, not distinct). */
  get size(): number {
    let n = 0;
    for (const g of this.byKey.values()) n += g.members.length;
    return n;
  }

  /** The most widespread change first; ties by kind, then by the first label. Deterministic. */
  groups(): ChangeGroup[] {
    const groups = [...this.byKey.values()];
    for (const g of groups) g.members.sort(cmp);
    return groups.sort((a, b) => b.members.length - a.members.length || cmp(a.first.kind, b.first.kind) || cmp(a.members[0]!, b.members[0]!));
  }
}

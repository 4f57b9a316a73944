/**
 * The data-safety findings of a change: base render and head render in (path → content), one
 * finding per change to each data component out. In-place changes are ruled by rules.ts; a
 * component that leaves its place is removed, renamed, moved or taken over, in the words of
 * the lifecycle table (src/diff/lifecycle.ts). Pure.
 */
import { cmp } from '../errors.js';
import { keptData } from '../diff/lifecycle.js';
import type { Refuser, SafetyClass } from './classes.js';
import { detectChanges, type InPlaceChange, rule } from './rules.js';
import { claimsOf, type DataType, type Store, storeKey, storesOf } from './stores.js';
import { viewOf } from './view.js';

/** A change that moves a component's data out of its reach (acknowledgeable). */
export const DATA_LOSS_CHANGES = ['renamed', 'moved', 'type-changed'] as const;
export type PlaceChange = 'removed' | 'taken-over' | (typeof DATA_LOSS_CHANGES)[number];
export type Change = InPlaceChange | PlaceChange;

export interface Finding {
  env: string;
  claim: string;
  component: string;
  type: DataType;
  change: Change;
  class: SafetyClass;
  by?: Refuser;
  sentence: string;
  /** The claim file to fix: the head's when the component is in it, else the base's. */
  claimFile: string | undefined;
  /** Whether the head claim still declares the component (so a problem can point at its line). */
  inHead: boolean;
}

const code = (s: string) => `\`${s}\``;

function kept(s: Store): string {
  const k = keptData(s.type);
  return `the ${k.what} ${k.plural ? 'are' : 'is'} kept (${k.why}) with the data`;
}

function finding(s: Store, inHead: boolean, change: Change, ruling: { class: SafetyClass; by?: Refuser; sentence: string }): Finding {
  return { env: s.env, claim: s.claim, component: s.name, type: s.type, change, ...ruling, claimFile: s.claimFile, inHead };
}

function removed(old: Store, headHasClaim: boolean, headFile: string | undefined): Finding {
  const f = finding(old, false, 'removed', {
    class: 'downtime',
    sentence: `Argo CD deletes the Application ${code(`${old.claim}-${old.name}`)} and its Services and StatefulSets; ${kept(old)}, orphaned until deleted by hand or declared again under the same name in the same namespace.`,
  });
  return headHasClaim ? { ...f, claimFile: headFile ?? f.claimFile } : f;
}

function takenOver(old: Store, now: Store): Finding {
  const where = `${code(`${old.env}/${old.claim}`)} → ${code(`${now.env}/${now.claim}`)}`;
  return finding(now, true, 'taken-over', now.type === 'redis'
    ? { class: 'downtime', sentence: `Moved ${where} in the same namespace: the new Application takes over the kept volume (data stays) and re-creates the StatefulSet, a restart of its one instance.` }
    : { class: 'safe', sentence: `Moved ${where} in the same namespace: the new Application takes over the kept ${keptData(now.type).what} (data stays).` });
}

function moved(old: Store, now: Store): Finding {
  const from = `${code(old.env)}, namespace ${code(old.namespace ?? '?')}`;
  return finding(now, true, 'moved', {
    class: 'data loss',
    sentence:
      `It starts empty in ${code(now.env)}, namespace ${code(now.namespace ?? '?')}: data of components does not move between namespaces or clusters; in ${from} ${kept(old)}, orphaned. ` +
      'Keep the environment and namespace, or run the new component beside the old one and migrate before removing it.',
  });
}

function renamed(old: Store, now: Store): Finding {
  return finding(now, true, 'renamed', {
    class: 'data loss',
    sentence:
      `${code(old.name)} was removed and ${code(now.name)} (also ${now.type}) added: probably a rename. ${code(now.name)} starts empty; ${code(old.name)}'s data stays behind, orphaned (${keptData(old.type).why}). ` +
      'To keep the data, keep the name; to rename, run both and migrate before removing the old one.',
  });
}

function typeChanged(old: Store, now: Store): Finding {
  return finding(now, true, 'type-changed', {
    class: 'data loss',
    sentence: `${code(now.name)} changes from ${old.type} to ${now.type}: a new, empty store; ${kept(old)}, orphaned. Give the new store a new name and migrate before removing the old one.`,
  });
}

/** Sorted by environment, claim, component, then the order rules.ts detects changes in. */
export function classify(base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>): Finding[] {
  const before = storesOf(base);
  const after = storesOf(head);
  const findings: Finding[] = [];
  const gone: Store[] = [];
  const arrived = new Map([...after].filter(([k]) => !before.has(k)));

  for (const [key, old] of before) {
    const now = after.get(key);
    if (!now) {
      gone.push(old);
      continue;
    }
    if (now.type !== old.type) {
      findings.push(typeChanged(old, now));
      continue;
    }
    // Same claim, another namespace (spec.namespace or the team changed): a new, empty store.
    if (now.namespace !== old.namespace) {
      findings.push(moved(old, now));
      continue;
    }
    for (const d of detectChanges(now.type, now.name, viewOf(old), viewOf(now))) findings.push(finding(now, true, d.change, rule(now.type, d)));
  }

  const headClaims = claimsOf(head);
  for (const old of gone) {
    // The same component elsewhere: another claim or another environment.
    const same = [...arrived.values()].find((s) => s.name === old.name && s.type === old.type);
    if (same) {
      arrived.delete(storeKey(same));
      findings.push(same.env === old.env && same.namespace === old.namespace ? takenOver(old, same) : moved(old, same));
      continue;
    }
    // A new component of the same type in the same claim: probably a rename.
    const rename = [...arrived.values()].find((s) => s.env === old.env && s.claim === old.claim && s.type === old.type);
    if (rename) {
      arrived.delete(storeKey(rename));
      findings.push(renamed(old, rename));
      continue;
    }
    const claim = `${old.env}/${old.claim}`;
    findings.push(removed(old, headClaims.has(claim), headClaims.get(claim)));
  }
  return findings.sort((a, b) => cmp(a.env, b.env) || cmp(a.claim, b.claim) || cmp(a.component, b.component));
}

/**
 * `$(VAR)` in an env value (and in command/args) is expanded by the kubelet from variables
 * defined *earlier* in the container's env list; a reference to a later or unknown variable
 * stays literal text, silently. So the list is ordered after what each value references
 * (stable otherwise: the claim's order, then `uses:` wiring), and a reference to nothing, or a
 * cycle, is refused. `$$(VAR)` is the escape for a literal `$(VAR)`, as in Kubernetes.
 */
import type { ApplicationClaim, ApplicationSpec } from '../claims/types.js';
import type { AppIssue } from './replicas.js';
import { type EnvEntry, wiredEnv } from './wiring.js';

/** The variable names a string references, with Kubernetes' escaping rules. */
export function envReferences(text: string): string[] {
  const refs: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$') continue;
    const next = text[i + 1];
    if (next === '$') {
      i++; // `$$` is a literal `$`
      continue;
    }
    if (next !== '(') continue;
    const close = text.indexOf(')', i + 2);
    if (close < 0) break; // an unclosed `$(` is literal
    refs.push(text.slice(i + 2, close));
    i = close;
  }
  return refs;
}

export interface EnvOrder {
  ordered: EnvEntry[];
  /** Index into the input of an entry that references a name no entry defines. */
  unknown: { index: number; name: string }[];
  /** Entries on a reference cycle, each with the cycle as names (`A → B → A`). */
  cycles: { index: number; cycle: string[] }[];
}

export function orderEnv(entries: readonly EnvEntry[]): EnvOrder {
  const indexOf = new Map(entries.map((e, i) => [e.name as string, i]));
  const unknown: EnvOrder['unknown'] = [];
  const deps = entries.map((e, i) => {
    const refs = typeof e.value === 'string' ? envReferences(e.value) : [];
    const out = new Set<number>();
    for (const name of refs) {
      const j = indexOf.get(name);
      if (j === undefined) unknown.push({ index: i, name });
      else out.add(j);
    }
    return out;
  });

  // Kahn's algorithm, always taking the earliest ready entry: the claim's order where it works.
  const placed = new Set<number>();
  const ordered: EnvEntry[] = [];
  for (let progress = true; progress; ) {
    progress = false;
    for (let i = 0; i < entries.length; i++) {
      if (placed.has(i) || [...deps[i]!].some((d) => !placed.has(d))) continue;
      placed.add(i);
      ordered.push(entries[i]!);
      progress = true;
      break;
    }
  }
  const cycles: EnvOrder['cycles'] = [];
  for (let i = 0; i < entries.length; i++) {
    if (placed.has(i)) continue;
    const cycle = cycleFrom(i, deps, placed);
    if (cycle) cycles.push({ index: i, cycle: cycle.map((j) => entries[j]!.name as string) });
  }
  for (let i = 0; i < entries.length; i++) if (!placed.has(i)) ordered.push(entries[i]!);
  return { ordered, unknown, cycles };
}

/** The cycle through `start`, if it is on one (it may only wait on one). */
function cycleFrom(start: number, deps: readonly Set<number>[], placed: Set<number>): number[] | undefined {
  const path: number[] = [];
  const seen = new Set<number>();
  const walk = (i: number): number[] | undefined => {
    if (i === start && path.length > 0) return [...path, start];
    if (seen.has(i)) return undefined;
    seen.add(i);
    path.push(i);
    for (const d of deps[i]!) {
      if (placed.has(d)) continue;
      const hit = walk(d);
      if (hit) return hit;
    }
    path.pop();
    return undefined;
  };
  return walk(start);
}

/** The env an application's container gets, in an order the kubelet expands correctly. */
export function containerEnv(claim: ApplicationClaim, app: ApplicationSpec): EnvEntry[] {
  return orderEnv(wiredEnv(claim, app)).ordered;
}

/** References to nothing and cycles, at the claim's env value (or its uses: when wiring made it). */
export function envIssues(claim: ApplicationClaim, app: ApplicationSpec): AppIssue[] {
  const own = app.env?.length ?? 0;
  const entries = wiredEnv(claim, app);
  const { unknown, cycles } = orderEnv(entries);
  const where = (index: number) => (index < own ? ['env', index, 'value'] : ['uses']);
  // The variables of the app's `secrets` come before all of these in the container (values.ts).
  const fromSecrets = new Set((app.secrets ?? []).flatMap((s) => s.env.map((e) => e.name)));
  const known = (name: string) => fromSecrets.has(name) || entries.some((e) => e.name === name);
  const issues: AppIssue[] = [];
  for (const { index, name } of unknown.filter((u) => !fromSecrets.has(u.name))) {
    issues.push({
      path: where(index),
      code: 'env-reference-unknown',
      message: `env ${String(entries[index]!.name)} refers to $(${name}), which is not among this container's variables (the kubelet would leave the text as it is): define ${name} in env or uses, or write $$(${name}) for the literal text`,
    });
  }
  for (const { index, cycle } of cycles) {
    issues.push({ path: where(index), code: 'env-reference-cycle', message: `env ${String(entries[index]!.name)} is on a reference cycle (${cycle.join(' → ')}); no order expands it: break the cycle` });
  }
  for (const field of ['command', 'args'] as const) {
    (app[field] ?? []).forEach((text, j) => {
      for (const name of envReferences(text)) {
        if (!known(name)) {
          issues.push({ path: [field, j], code: 'env-reference-unknown', message: `${field}[${j}] refers to $(${name}), which is not among this container's variables: define ${name} in env or uses, or write $$(${name}) for the literal text` });
        }
      }
    });
  }
  return issues;
}

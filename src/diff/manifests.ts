/**
 * The Kubernetes objects a values change makes, before and after: every changed unit templated
 * by Helm's own engine (src/helm-engine/), the base chart with the base values and the head
 * chart with the head values. Units stream through the templater a bounded window at a time
 * and each unit's objects go to an ObjectDiffCollector as soon as both sides are templated,
 * which keeps only its distinct changes (grouping/): memory follows the distinct changes, not
 * the number of units. Secret data never appears: only "changed (N bytes)" (redact.ts).
 */
import type { Templated, Templater } from '../helm-engine/templater.js';
import type { FileChange } from './compare.js';
import { ObjectDiffCollector, type ObjectDiffs } from './grouping/objects.js';

export { redactedObjects } from './redact.js';

export interface TemplateSide {
  chartDir: string;
  files: ReadonlyMap<string, string>;
}

/** One changed unit as helm templated it on each side; a side without a values file is absent. */
export interface TemplatedUnit {
  change: FileChange & { unit: string };
  /** `<claim>-<unit>`, the Helm release. */
  release: string;
  values: { before?: string; after?: string };
  before?: Templated;
  after?: Templated;
}

/**
 * Every changed unit templated on both sides, yielded in the order of `changes` whatever order
 * the templater answers in: at most `templater.concurrency` templates (two per unit) are in
 * flight, and nothing is kept once yielded.
 */
export async function* templatedUnits(changes: readonly FileChange[], base: TemplateSide, head: TemplateSide, templater: Templater): AsyncGenerator<TemplatedUnit> {
  const units = changes.filter((c): c is FileChange & { unit: string } => c.unit !== undefined);
  const windowSize = Math.max(1, Math.floor(templater.concurrency / 2));
  const window: Promise<TemplatedUnit>[] = [];
  let next = 0;
  while (next < units.length || window.length) {
    while (next < units.length && window.length < windowSize) {
      const unit = templateUnit(units[next++]!, base, head, templater);
      // Awaited in order below; until then a rejection must not count as unhandled.
      unit.catch(() => undefined);
      window.push(unit);
    }
    yield await window.shift()!;
  }
}

async function templateUnit(change: FileChange & { unit: string }, base: TemplateSide, head: TemplateSide, templater: Templater): Promise<TemplatedUnit> {
  const release = `${change.claim}-${change.unit}`;
  const values = { before: base.files.get(change.path), after: head.files.get(change.path) };
  const side = (s: TemplateSide, v: string | undefined): Promise<Templated | undefined> => (v === undefined ? Promise.resolve(undefined) : templater.template({ chartDir: s.chartDir, release, values: v }));
  const [before, after] = await Promise.all([side(base, values.before), side(head, values.after)]);
  return { change, release, values, ...(before ? { before } : {}), ...(after ? { after } : {}) };
}

/** helm's refusal of one side, named by side; undefined when both sides templated. */
export function templateFailure(u: TemplatedUnit): string | undefined {
  const errors = [u.before && 'error' in u.before ? `base: ${u.before.error}` : undefined, u.after && 'error' in u.after ? `head: ${u.after.error}` : undefined].filter((e) => e !== undefined);
  return errors.length ? errors.join('\n') : undefined;
}

const manifestOf = (t: Templated | undefined): string => (t && 'manifest' in t ? t.manifest : '');

/** Every changed unit's object changes, grouped; a unit the chart refuses is listed with helm's words. */
export async function manifestDiff(changes: readonly FileChange[], base: TemplateSide, head: TemplateSide, templater: Templater): Promise<ObjectDiffs> {
  const collector = new ObjectDiffCollector();
  for await (const u of templatedUnits(changes, base, head, templater)) {
    const failure = templateFailure(u);
    if (failure) collector.addFailure(u.change, failure);
    else collector.addUnit(u.change, u.values, { before: manifestOf(u.before), after: manifestOf(u.after) });
  }
  return collector.result();
}

/**
 * The Kubernetes objects a values change makes, before and after: every changed unit templated
 * by Helm's own engine (src/helm-engine/), the base chart with the base values and the head
 * chart with the head values. Secret data never appears: only "changed (N bytes)".
 */
import { createTwoFilesPatch } from 'diff';
import { parseAllDocuments } from 'yaml';
import type { Templated, Templater } from '../helm-engine/templater.js';
import { emitYaml } from '../render/yaml-emit.js';
import type { FileChange } from './compare.js';
import { fence } from './markdown.js';

/** Objects as text; a Secret's values become "(N bytes)", or "changed (N bytes)" against `compareWith`. */
export function redactedObjects(manifest: string, compareWith?: string): string {
  const previous = new Map<string, Record<string, string>>();
  if (compareWith !== undefined) for (const o of objectsOf(compareWith)) if (o.kind === 'Secret') previous.set(objectKey(o), secretValues(o));
  return objectsOf(manifest)
    .map((o) => {
      if (o.kind !== 'Secret') return emitYaml(o);
      const { data: _data, stringData: _stringData, ...rest } = o;
      const values = secretValues(o);
      const before = previous.get(objectKey(o));
      const data: Record<string, string> = {};
      for (const [k, v] of Object.entries(values)) {
        const size = `${Buffer.byteLength(v)} bytes`;
        data[k] = !before ? `(${size})` : before[k] === undefined ? `added (${size})` : before[k] === v ? `(${size})` : `changed (${size})`;
      }
      return emitYaml({ ...rest, data });
    })
    .join('---\n');
}

type K8s = { kind?: string; metadata?: { name?: string; namespace?: string }; data?: Record<string, string>; stringData?: Record<string, string>; [k: string]: unknown };

function objectsOf(manifest: string): K8s[] {
  return parseAllDocuments(manifest)
    .map((d) => d.toJS() as K8s | null)
    .filter((o): o is K8s => o !== null && typeof o === 'object');
}

function objectKey(o: K8s): string {
  return `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
}

/** Decoded values, kept in memory only to compare; never printed. */
function secretValues(o: K8s): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.data ?? {})) out[k] = Buffer.from(String(v), 'base64').toString('latin1');
  for (const [k, v] of Object.entries(o.stringData ?? {})) out[k] = String(v);
  return out;
}

export interface UnitObjectDiff {
  change: FileChange;
  /** `<claim>-<unit>`, the Helm release. */
  release: string;
  /** Unified diff of the unit's objects (Secret values redacted); '' when the objects are the same. */
  patch: string;
  /** helm's error for a side whose values the chart refused; that side's text in the patch says it too. */
  errors: { base?: string; head?: string };
}

export interface TemplateSide {
  chartDir: string;
  files: ReadonlyMap<string, string>;
}

/**
 * The object diff of every changed unit, in the order of `changes`, one at a time: at most
 * `templater.concurrency` templates (two per unit: base and head) are in flight and no manifest
 * outlives its unit's diff, so memory stays flat however many units change. Yields the units
 * whose objects differ and those whose head the chart refuses.
 */
export async function* unitObjectDiffs(changes: readonly FileChange[], base: TemplateSide, head: TemplateSide, templater: Templater): AsyncGenerator<UnitObjectDiff> {
  const units = changes.filter((c) => c.unit);
  const windowSize = Math.max(1, Math.floor(templater.concurrency / 2));
  const window: Promise<UnitObjectDiff>[] = [];
  let next = 0;
  while (next < units.length || window.length) {
    while (next < units.length && window.length < windowSize) {
      const diff = unitObjectDiff(units[next++]!, base, head, templater);
      // Awaited in order below; until then a rejection must not count as unhandled.
      diff.catch(() => undefined);
      window.push(diff);
    }
    const diff = await window.shift()!;
    if (diff.patch || diff.errors.head !== undefined) yield diff;
  }
}

async function unitObjectDiff(c: FileChange, base: TemplateSide, head: TemplateSide, templater: Templater): Promise<UnitObjectDiff> {
  const release = `${c.claim}-${c.unit}`;
  const side = (s: TemplateSide): Promise<Templated | undefined> => {
    const values = s.files.get(c.path);
    return values === undefined ? Promise.resolve(undefined) : templater.template({ chartDir: s.chartDir, release, values });
  };
  const [before, after] = await Promise.all([side(base), side(head)]);
  const beforeManifest = before && 'manifest' in before ? before.manifest : undefined;
  const text = (t: Templated | undefined, compareWith?: string) => (t === undefined ? '' : 'error' in t ? failureText(t.error) : redactedObjects(t.manifest, compareWith));
  const patch = createTwoFilesPatch(`a/${c.env}/${release}`, `b/${c.env}/${release}`, text(before), text(after, beforeManifest), '', '', { context: 3 });
  const errors: UnitObjectDiff['errors'] = {};
  if (before && 'error' in before) errors.base = before.error;
  if (after && 'error' in after) errors.head = after.error;
  return { change: c, release, patch: patch.split('\n').some((l) => /^[+-][^+-]/.test(l)) ? patch : '', errors };
}

/** helm's message as comment lines, so it reads as text in the diff and never as objects. */
function failureText(error: string): string {
  return `# helm template failed:\n${error
    .split('\n')
    .map((l) => `#   ${l}`.trimEnd())
    .join('\n')}\n`;
}

/** Every changed unit's object diff, fenced for the comment; '' when no object changed. */
export async function manifestDiff(changes: readonly FileChange[], base: TemplateSide, head: TemplateSide, templater: Templater): Promise<string> {
  const parts: string[] = [];
  for await (const d of unitObjectDiffs(changes, base, head, templater)) parts.push(d.patch);
  return parts.length ? fence(parts.join('\n')) : '';
}

/**
 * Kubernetes objects as text for a diff, Secret values never shown: a Secret's values become
 * "(N bytes)", or "changed (N bytes)" / "added (N bytes)" against the objects it is compared
 * with. Pure.
 *
 * helm's output is read with js-yaml (YAML 1.2 core schema, as `yaml` reads it), about four
 * times faster than `yaml`'s documents: a chart bump reads every object of every unit twice.
 * Whatever js-yaml refuses is read by `yaml` as before; test/integration/manifest-parsers.test.ts
 * shows both give the same data on every example unit.
 */
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import { emitYaml } from '../render/yaml-emit.js';

export interface RedactedObject {
  kind: string;
  /** `kind/namespace/name`: how the two sides of a diff pair their objects. */
  key: string;
  text: string;
}

type K8s = { kind?: string; metadata?: { name?: string; namespace?: string }; data?: Record<string, string>; stringData?: Record<string, string>; [k: string]: unknown };

/** Objects as text; a Secret's values become "(N bytes)", or "changed (N bytes)" against `compareWith`. */
export function redactedObjects(manifest: string, compareWith?: string): string {
  return redactedObjectList(manifest, compareWith)
    .map((o) => o.text)
    .join('---\n');
}

/** The objects of a manifest one by one, in its order, redacted as redactedObjects says. */
export function redactedObjectList(manifest: string, compareWith?: string): RedactedObject[] {
  const previous = new Map<string, Record<string, string>>();
  if (compareWith !== undefined) for (const o of objectsOf(compareWith)) if (o.kind === 'Secret') previous.set(objectKey(o), secretValues(o));
  return objectsOf(manifest).map((o) => {
    const item = (text: string): RedactedObject => ({ kind: String(o.kind ?? 'object'), key: objectKey(o), text });
    if (o.kind !== 'Secret') return item(emitYaml(o));
    const { data: _data, stringData: _stringData, ...rest } = o;
    const values = secretValues(o);
    const before = previous.get(objectKey(o));
    const data: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) {
      const size = `${Buffer.byteLength(v)} bytes`;
      data[k] = !before ? `(${size})` : before[k] === undefined ? `added (${size})` : before[k] === v ? `(${size})` : `changed (${size})`;
    }
    return item(emitYaml({ ...rest, data }));
  });
}

function objectsOf(manifest: string): K8s[] {
  return manifestDocuments(manifest).filter((o): o is K8s => o !== null && typeof o === 'object');
}

/** The documents of helm's output as data: js-yaml, else `yaml` (the strict reader) for what js-yaml refuses. */
export function manifestDocuments(manifest: string): unknown[] {
  try {
    return loadAll(manifest, { schema: CORE_SCHEMA, maxAliases: 100 });
  } catch {
    return strictManifestDocuments(manifest);
  }
}

export function strictManifestDocuments(manifest: string): unknown[] {
  return parseAllDocuments(manifest).map((d) => d.toJS() as unknown);
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

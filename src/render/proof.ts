/**
 * The proof that a planned file says exactly what we meant, run on every file before anything
 * is written: parse the bytes back the way its readers will and compare with the model it was
 * emitted from.
 *
 * - one comment line (the header we built), then exactly one document (a header that spilled
 *   onto a second line would show up below as a document or key nobody meant);
 * - read as YAML 1.2 (core schema), as YAML 1.1 (merge keys, timestamps, `on`, `010`) and
 *   as go-yaml v2 reads it (Helm and Argo CD read values with it: 1.1 plus core's number
 *   forms, `1e3` and `08` are numbers to it, and `2001-1-1` a timestamp), it equals the model,
 *   value for value: no extra document, object, key, alias, tag or type, and every key a string;
 * - it is the kind we meant: an ApplicationSet or AppProject named after the claim, or a
 *   mapping of Helm values;
 * - every label the API server would see is one it accepts, in the ApplicationSet's template
 *   after Argo CD substitutes each list element (goTemplate), and no template text is left.
 *
 * The reader is js-yaml, not the `yaml` library our claim parser uses: a second, independent
 * implementation, and one that reads back the 48 MB of a 1,000-claim render about ten times
 * faster (the proof was two thirds of a cold render's CPU with `yaml`'s document composer).
 * test/unit/proof-readers.test.ts shows these three readings refuse everything `yaml`'s 1.2
 * and 1.1 readings would.
 *
 * Pure: strings and models in, a verdict out.
 */
import { CORE_SCHEMA, constructFromEvents, DUMP_SCHEMA, defineScalarTag, NOT_RESOLVED, parseEvents, realMapTag, type Schema, YAML11_SCHEMA } from 'js-yaml';
import { isLabelValue, isQualifiedName } from './names.js';

export type Expected =
  | { kind: 'ApplicationSet'; name: string; namespace: string }
  | { kind: 'AppProject'; name: string; namespace: string }
  | { kind: 'values' };

/** What failed, and where in the file's model (for pointing back at the claim). */
export interface Disproof {
  message: string;
  /** Path inside the document; a label problem ends in `labels, <key>`. */
  at: readonly (string | number)[];
  /** Set when the problem is a label's key or value. */
  label?: { key: string; part: 'key' | 'value' };
}

export function proveFile(content: string, header: string, model: unknown, expected: Expected): Disproof | undefined {
  if (!content.startsWith(header) || !/^#[^\n]*\n$/.test(header)) return { message: 'the file does not start with its one-line generated header', at: [] };
  // Parsing is most of the cost of reading YAML: parse once, construct once per version.
  let events: ReturnType<typeof parseEvents>;
  try {
    events = parseEvents(content, {});
  } catch (error) {
    return { message: `does not read back: ${firstLine(error)}`, at: [] };
  }
  for (const [version, schema] of READERS) {
    let docs: unknown[];
    try {
      // No alias at all: our emitter writes none, and one would let a file repeat a subtree.
      docs = constructFromEvents(events, { source: content, schema, maxAliases: 0 });
    } catch (error) {
      return { message: `does not read back (YAML ${version}): ${firstLine(error)}`, at: [] };
    }
    if (docs.length !== 1) return { message: `reads as ${docs.length} documents, not 1 (YAML ${version})`, at: [] };
    const diff = difference(docs[0], model, []);
    if (diff) return { message: `reads back (YAML ${version}) differently from what was meant at ${diff.join('.') || '(root)'}`, at: diff };
  }
  return proveKind(model, expected);
}

/**
 * go-yaml v2 also reads `2001-1-1` (one-digit month or day) as a timestamp, which the 1.1
 * spec's pattern does not; sigs.k8s.io/yaml then writes it back as `2001-01-01T00:00:00Z`.
 */
const goYamlTimestamp = defineScalarTag('tag:infraforge.io,2026:go-yaml-timestamp', {
  implicit: true,
  implicitFirstChars: [...'0123456789'],
  resolve: (source) => (/^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?$/.test(source) ? new Date(0) : NOT_RESOLVED),
  identify: () => false,
});

/**
 * Mappings are read as Maps, so a key any reader types (`true`, `null`, `1`) stays typed and
 * is refused, instead of becoming the string a JavaScript object would make of it.
 */
const READERS: readonly (readonly [string, Schema])[] = [
  ['1.2', CORE_SCHEMA.withTags(realMapTag)],
  ['1.1', YAML11_SCHEMA.withTags(realMapTag)],
  ['1.1 as go-yaml reads it', DUMP_SCHEMA.withTags(realMapTag, goYamlTimestamp)],
];

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

function proveKind(model: unknown, expected: Expected): Disproof | undefined {
  if (!isMap(model)) return { message: 'is not a mapping', at: [] };
  if (expected.kind === 'values') return undefined;
  const meta = model.metadata;
  if (model.apiVersion !== 'argoproj.io/v1alpha1' || model.kind !== expected.kind) return { message: `is not one argoproj.io/v1alpha1 ${expected.kind}`, at: ['kind'] };
  if (!isMap(meta) || meta.name !== expected.name || meta.namespace !== expected.namespace) {
    return { message: `is not the ${expected.kind} ${expected.namespace}/${expected.name}`, at: ['metadata'] };
  }
  const own = badLabel(meta.labels, ['metadata', 'labels']);
  if (own) return own;
  if (expected.kind === 'ApplicationSet') return proveTemplate(model);
  return undefined;
}

/** Argo CD renders `spec.template` once per list element; each rendering must be plain, valid data. */
function proveTemplate(model: Record<string, unknown>): Disproof | undefined {
  const spec = model.spec;
  if (!isMap(spec) || !Array.isArray(spec.generators) || spec.generators.length !== 1) return { message: 'has not exactly one generator', at: ['spec', 'generators'] };
  const list = (spec.generators[0] as { list?: { elements?: unknown } }).list;
  if (!list || !Array.isArray(list.elements)) return { message: 'its generator is not a list', at: ['spec', 'generators'] };
  for (const element of list.elements) {
    const name = isMap(element) ? element.name : undefined;
    if (typeof name !== 'string' || Object.keys(element as object).length !== 1) return { message: 'a list element is not just {name}', at: ['spec', 'generators'] };
    const rendered = substitute(spec.template, name);
    const leftover = findString(rendered, (s) => s.includes('{{') || s.includes('}}'), ['spec', 'template']);
    if (leftover) return { message: `template text other than {{.name}} at ${leftover.join('.')}`, at: leftover };
    const meta = isMap(rendered) ? rendered.metadata : undefined;
    if (!isMap(meta)) return { message: 'its template has no metadata', at: ['spec', 'template'] };
    const labels = badLabel(meta.labels, ['spec', 'template', 'metadata', 'labels'], name);
    if (labels) return labels;
  }
  return undefined;
}

function badLabel(labels: unknown, at: readonly (string | number)[], unit?: string): Disproof | undefined {
  if (labels === undefined) return undefined;
  if (!isMap(labels)) return { message: 'labels are not a mapping', at };
  const where = unit === undefined ? '' : ` (Application of ${unit})`;
  for (const [key, value] of Object.entries(labels)) {
    if (!isQualifiedName(key)) return { message: `label key ${JSON.stringify(key)} would be refused by the API server${where}: not a qualified name`, at: [...at, key], label: { key, part: 'key' } };
    if (typeof value !== 'string' || !isLabelValue(value)) {
      return { message: `label value ${JSON.stringify(value)} of ${key} would be refused by the API server${where}`, at: [...at, key], label: { key, part: 'value' } };
    }
  }
  return undefined;
}

/** `{{.name}}` → the element's name, everywhere in the template (what missingkey=error goTemplate does with this one field). */
function substitute(node: unknown, name: string): unknown {
  if (typeof node === 'string') return node.split('{{.name}}').join(name);
  if (Array.isArray(node)) return node.map((v) => substitute(v, name));
  if (isMap(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [substitute(k, name) as string, substitute(v, name)]));
  return node;
}

function findString(node: unknown, test: (s: string) => boolean, at: (string | number)[]): (string | number)[] | undefined {
  if (typeof node === 'string') return test(node) ? at : undefined;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const hit = findString(node[i], test, [...at, i]);
      if (hit) return hit;
    }
  } else if (isMap(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (test(k)) return [...at, k];
      const hit = findString(v, test, [...at, k]);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** The first path where `a` and `b` differ as data (same keys, same types, same scalars), or undefined. */
export function difference(a: unknown, b: unknown, at: (string | number)[]): (string | number)[] | undefined {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return at;
    for (let i = 0; i < a.length; i++) {
      const d = difference(a[i], b[i], [...at, i]);
      if (d) return d;
    }
    return undefined;
  }
  if (a instanceof Map) {
    // A mapping as read back: only string keys, the model's and no others.
    if (!isMap(b) || a.size !== Object.keys(b).length) return at;
    for (const [k, v] of a) {
      if (typeof k !== 'string' || !Object.hasOwn(b, k)) return [...at, String(k)];
      const d = difference(v, b[k], [...at, k]);
      if (d) return d;
    }
    return undefined;
  }
  if (isMap(a) || isMap(b)) {
    if (!isMap(a) || !isMap(b)) return at;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return at;
    for (const k of ka) {
      if (!Object.hasOwn(b, k)) return [...at, k];
      const d = difference(a[k], b[k], [...at, k]);
      if (d) return d;
    }
    return undefined;
  }
  return Object.is(a, b) || (a === 0 && b === 0) ? undefined : at;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Map) && !(v instanceof Set);
}

/**
 * The proof that a planned file says exactly what we meant, run on every file before anything
 * is written: parse the bytes back the way its readers will and compare with the model it was
 * emitted from.
 *
 * - one comment line (the header we built), then exactly one document (a header that spilled
 *   onto a second line would show up below as a document or key nobody meant);
 * - read as YAML 1.2 (the `yaml` library, as our own tools do) and as YAML 1.1 with merge
 *   keys (what Helm and Argo CD's go-yaml do), it equals the model, value for value: no extra
 *   document, object, key or type;
 * - it is the kind we meant: an ApplicationSet or AppProject named after the claim, or a
 *   mapping of Helm values;
 * - every label the API server would see is one it accepts, in the ApplicationSet's template
 *   after Argo CD substitutes each list element (goTemplate), and no template text is left.
 *
 * Pure: strings and models in, a verdict out.
 */
import { Composer, Parser } from 'yaml';
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
  // Lexing is most of the cost of reading YAML: lex once, compose the tokens once per version.
  const tokens = [...new Parser().parse(content)];
  for (const version of ['1.2', '1.1'] as const) {
    const composer = new Composer({ version, uniqueKeys: true, strict: true, prettyErrors: false, ...(version === '1.2' ? { schema: 'core', merge: false } : {}) });
    const docs = [...composer.compose(tokens)];
    if (docs.length !== 1) return { message: `reads as ${docs.length} documents, not 1 (YAML ${version})`, at: [] };
    const doc = docs[0]!;
    const problem = [...doc.errors, ...doc.warnings][0];
    if (problem) return { message: `does not read back (YAML ${version}): ${problem.message.split('\n')[0]}`, at: [] };
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: 0 });
    } catch (error) {
      return { message: `does not read back as plain data (YAML ${version}): ${String(error)}`, at: [] };
    }
    const diff = difference(data, model, []);
    if (diff) return { message: `reads back (YAML ${version}) differently from what was meant at ${diff.join('.') || '(root)'}`, at: diff };
  }
  return proveKind(model, expected);
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

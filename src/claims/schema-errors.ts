/**
 * Ajv errors → problems a person can act on: the right line (the key for unknown or missing
 * fields, the value otherwise), the field path, the offending value quoted but short, what to
 * write instead (with an example where a pattern is involved) and, for a misspelt field or
 * enum value, the likely intended one.
 *
 * `schemaProblems` takes the errors of an allErrors validator (ajv.ts) and reports each thing
 * wrong once: of a `oneOf`/`anyOf`, only the errors of the form the author most likely meant.
 */
import type { ErrorObject } from 'ajv';
import type { Problem } from '../errors.js';
import { didYouMean, kubernetesSpelling, misplacedComponentField, PATTERN_HINTS } from './hints.js';
import { type FieldPath, formatFieldPath, type SourceDoc } from './source.js';

const WEAK = new Set(['type', 'oneOf', 'anyOf', 'if', 'allOf', 'not']);
const ALTERNATIVES = new Set(['oneOf', 'anyOf']);

/**
 * More than anyone reads from one document; past it, the rest are counted. (It also bounds the
 * cost of locating each problem in a huge, wholly wrong document.)
 */
export const MAX_PROBLEMS_PER_DOCUMENT = 200;

/** Every problem in one document, one per thing wrong. */
export function schemaProblems(doc: SourceDoc, errors: readonly ErrorObject[], basePath: FieldPath = []): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  const relevant = relevantErrors(errors);
  let i = 0;
  for (; i < relevant.length && problems.length < MAX_PROBLEMS_PER_DOCUMENT; i++) {
    const p = toProblem(doc, relevant[i]!, basePath);
    const key = `${p.line}:${p.col}:${p.code}:${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(p);
  }
  if (i < relevant.length) {
    const rest = relevant.length - i;
    problems.push(problemAt(doc, basePath, 'key', 'schema-more', `and ${rest} more schema error${rest === 1 ? '' : 's'} in this document (fix these and run again)`, basePath));
  }
  return problems;
}

/** The single most specific problem: for validators that stop at the first error. */
export function schemaProblem(doc: SourceDoc, errors: ErrorObject[], basePath: FieldPath = []): Problem {
  return toProblem(doc, pickError(errors), basePath);
}

/**
 * Drops the noise allErrors brings: `if` failures (their `then` errors say what is wrong), and
 * for each oneOf/anyOf, the errors of every alternative but the one the author most likely
 * meant — one whose type matched, with the fewest errors. When no alternative even has the
 * right type, the oneOf error itself is the one problem.
 *
 * Ajv reports an alternative's errors just before the oneOf/anyOf error itself, branch by
 * branch, so one backward pass finds each group in linear time (no quadratic blow-up on a
 * document with thousands of them).
 */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  // A propertyNames failure comes with the errors of the key itself, which say what is wrong.
  const badKeys = new Set(errors.flatMap((e) => (e.propertyName === undefined ? [] : [`${e.instancePath}\0${e.propertyName}`])));
  const summary = (e: ErrorObject) => e.keyword === 'propertyNames' && badKeys.has(`${e.instancePath}\0${String((e.params as { propertyName?: string }).propertyName)}`);
  return reduceAlternatives(errors.filter((e) => e.keyword !== 'if' && !summary(e)));
}

function reduceAlternatives(list: readonly ErrorObject[]): ErrorObject[] {
  const kept: ErrorObject[] = [];
  for (let i = list.length - 1; i >= 0; i--) {
    const alt = list[i]!;
    if (!ALTERNATIVES.has(alt.keyword)) {
      kept.push(alt);
      continue;
    }
    let start = i;
    while (start > 0 && within(list[start - 1]!.instancePath, alt.instancePath)) start--;
    const branches = groupByBranch(list.slice(start, i), alt.schemaPath);
    const wrongShape = (group: ErrorObject[]) => group.some((e) => e.keyword === 'type' && e.instancePath === alt.instancePath);
    const meant = branches.filter((group) => !wrongShape(group)).sort((a, b) => a.length - b.length)[0];
    if (meant) kept.push(...reduceAlternatives(meant).reverse());
    else kept.push(alt);
    i = start;
  }
  return kept.reverse();
}

/** An error names its branch in its schemaPath (`…/oneOf/1/…`); errors from a $ref inside a branch follow their branch's. */
function groupByBranch(errors: readonly ErrorObject[], altSchemaPath: string): ErrorObject[][] {
  const prefix = `${altSchemaPath}/`;
  const groups = new Map<string, ErrorObject[]>();
  let current = '?';
  for (const e of errors) {
    if (e.schemaPath.startsWith(prefix)) current = e.schemaPath.slice(prefix.length).split('/')[0]!;
    let group = groups.get(current);
    if (!group) groups.set(current, (group = []));
    group.push(e);
  }
  return [...groups.values()];
}

function within(instancePath: string, ancestor: string): boolean {
  return instancePath === ancestor || instancePath.startsWith(`${ancestor}/`);
}

function toProblem(doc: SourceDoc, error: ErrorObject, basePath: FieldPath): Problem {
  const path = [...basePath, ...pointerToPath(error.instancePath)];
  const code = `schema-${error.keyword.toLowerCase()}`;
  if (error.propertyName !== undefined) {
    // The key itself is wrong (propertyNames): point at the key, quote it escaped.
    const keyPath = [...path, error.propertyName];
    return problemAt(doc, keyPath, 'key', code, `key ${valueMessage(error, error.propertyName)}`, keyPath);
  }
  const value = valueAt(doc.data, path);
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return problemAt(doc, path, 'key', code, `missing required field "${missing}"`, [...path, missing]);
    }
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      // A field the schema accepts only to refuse it with words (`deprecated`) is no suggestion.
      const properties = (error.parentSchema as { properties?: Record<string, { deprecated?: boolean }> } | undefined)?.properties ?? {};
      const known = Object.keys(properties).filter((k) => properties[k]?.deprecated !== true);
      const misplaced = misplacedComponentField(path, extra);
      const guess = kubernetesSpelling(extra, known) ?? didYouMean(extra, known);
      const hint = misplaced ? `; ${misplaced}` : guess ? `; did you mean "${guess}"?` : known.length ? `; known fields here: ${known.join(', ')}` : '';
      return problemAt(doc, [...path, extra], 'key', 'schema-unknown-field', `unknown field "${extra}"${hint}`, [...path, extra]);
    }
    case 'propertyNames': {
      const key = (error.params as { propertyName?: string }).propertyName;
      if (key === undefined) return problemAt(doc, path, 'key', code, 'has a key that is not allowed', path);
      return problemAt(doc, [...path, key], 'key', code, `key ${show(key)} is not allowed here`, [...path, key]);
    }
    default:
      return problemAt(doc, path, 'value', code, valueMessage(error, value), path);
  }
}

function valueMessage(error: ErrorObject, value: unknown): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `must be ${article(String(params.type).replace(',', ' or '))}, got ${describe(value)}`;
    case 'pattern': {
      const hint = PATTERN_HINTS[String(params.pattern)];
      return hint ? `${show(value)} is not ${hint.what}; for example ${hint.example}` : `${show(value)} does not match the expected format ${String(params.pattern)}`;
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const guess = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      return `${show(value)} is not one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}${guess ? `; did you mean "${guess}"?` : ''}`;
    }
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}, got ${show(value)}`;
    case 'maxLength':
    case 'minLength':
      return params.limit === 1 && error.keyword === 'minLength'
        ? 'must not be empty'
        : `${error.keyword === 'maxLength' ? 'longer' : 'shorter'} than the ${error.keyword === 'maxLength' ? 'maximum' : 'minimum'} of ${String(params.limit)} characters`;
    case 'maxItems':
    case 'maxProperties':
      return `too many entries: at most ${String(params.limit)}`;
    case 'minItems':
      return `needs at least ${String(params.limit)} entr${params.limit === 1 ? 'y' : 'ies'}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(params.comparison)} ${String(params.limit)}, got ${show(value)}`;
    case 'oneOf':
    case 'anyOf':
      return `${show(value)} matches none of the accepted forms`;
    default:
      return `${error.message ?? 'is invalid'}${value === undefined ? '' : `, got ${show(value)}`}`;
  }
}

function problemAt(doc: SourceDoc, at: FieldPath, part: 'key' | 'value', code: string, message: string, field: FieldPath): Problem {
  const p: Problem = { file: doc.file, ...doc.locate(at, part), code, message };
  if (field.length) p.field = formatFieldPath(field);
  return p;
}

/** The deepest error, preferring a specific keyword over `type`/`oneOf` summaries. */
function pickError(errors: ErrorObject[]): ErrorObject {
  let best = errors[0]!;
  const score = (e: ErrorObject) => e.instancePath.split('/').length * 2 + (WEAK.has(e.keyword) ? 0 : 1);
  for (const e of errors) if (score(e) > score(best)) best = e;
  return best;
}

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

export function valueAt(data: unknown, path: FieldPath): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${show(value)}`;
}

/** A value for a message: JSON-quoted and cut short, so a megabyte string prints as 60 characters. */
export function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

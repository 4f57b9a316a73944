/**
 * Ajv errors → problems a person can act on: the right line (the key for unknown or missing
 * fields, the value otherwise), the field path, and the offending value quoted but short.
 * Ajv runs without allErrors (its advice for untrusted input), so each document reports its
 * first problem; fix it and the next one shows.
 */
import type { ErrorObject } from 'ajv';
import type { Problem } from '../errors.js';
import { type FieldPath, formatFieldPath, type SourceDoc } from './source.js';

const DNS_LABEL_PATTERN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
const WEAK = new Set(['type', 'oneOf', 'anyOf', 'if', 'allOf', 'not']);

export function schemaProblem(doc: SourceDoc, errors: ErrorObject[], basePath: FieldPath = []): Problem {
  const error = pickError(errors);
  const path = [...basePath, ...pointerToPath(error.instancePath)];
  const value = valueAt(doc.data, path);
  let field: FieldPath = path;
  let part: 'key' | 'value' = 'value';
  let message: string;
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      message = `missing required field "${missing}"`;
      part = 'key';
      field = path;
      return problemAt(doc, path, part, 'schema-required', message, [...path, missing]);
    }
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      field = [...path, extra];
      return problemAt(doc, field, 'key', 'schema-unknown-field', `unknown field "${extra}"`, field);
    }
    case 'type':
      message = `must be ${article((error.params as { type: string }).type)}, got ${describe(value)}`;
      break;
    case 'pattern':
      message =
        (error.params as { pattern: string }).pattern === DNS_LABEL_PATTERN
          ? `${show(value)} is not a DNS label: use lowercase letters, digits and '-', starting and ending with a letter or digit`
          : `${show(value)} does not match the expected format ${(error.params as { pattern: string }).pattern}`;
      break;
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
      message = `${show(value)} is not one of ${allowed}`;
      break;
    }
    case 'const':
      message = `must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}, got ${show(value)}`;
      break;
    case 'maxLength':
    case 'minLength':
      message = `${error.keyword === 'maxLength' ? 'longer' : 'shorter'} than the ${error.keyword === 'maxLength' ? 'maximum' : 'minimum'} of ${(error.params as { limit: number }).limit} characters`;
      break;
    case 'maxItems':
    case 'maxProperties':
      message = `too many entries: at most ${(error.params as { limit: number }).limit}`;
      break;
    case 'oneOf':
    case 'anyOf':
      message = `${show(value)} matches none of the accepted forms`;
      break;
    default:
      message = `${error.message ?? 'is invalid'}${value === undefined ? '' : `, got ${show(value)}`}`;
  }
  return problemAt(doc, field, part, `schema-${error.keyword.toLowerCase()}`, message, field);
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

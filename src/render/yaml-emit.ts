/**
 * The one YAML writer for everything under rendered/. Hand-written because two readers must
 * agree byte for byte on what it means: Argo CD and Helm read YAML 1.1 (go-yaml), where
 * `on`, `no`, `010`, `1.10` and `2024-01-01` are not strings. So a string is written plain only
 * when it cannot mean anything else to either reader; otherwise it is double-quoted. Keys are
 * sorted by code unit (locale-independent), indentation is two spaces, lines end in `\n`.
 * It refuses undefined, NaN, Infinity and anything that is not plain data.
 */

import { cmp } from '../errors.js';

const SAFE_PLAIN = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
const YAML11_WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);
const MUST_ESCAPE = /[\u007f-\u009f\u2028\u2029\ufeff]/g;

export class EmitError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${message} at ${path || '(root)'}`);
    this.name = 'EmitError';
  }
}

export function emitYaml(value: unknown): string {
  const lines: string[] = [];
  if (isPlainObject(value) && Object.keys(value).length > 0) emitMap(value, 0, lines, '');
  else if (Array.isArray(value) && value.length > 0) emitSeq(value, 0, lines, '');
  else lines.push(scalar(value, ''));
  return `${lines.join('\n')}\n`;
}

export function quoteString(s: string): string {
  if (SAFE_PLAIN.test(s) && !YAML11_WORDS.has(s.toLowerCase())) return s;
  return JSON.stringify(s).replace(MUST_ESCAPE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function emitMap(obj: Record<string, unknown>, indent: number, lines: string[], path: string, firstPrefix?: string): void {
  const keys = Object.keys(obj).sort(cmp);
  const pad = ' '.repeat(indent);
  keys.forEach((key, i) => {
    const prefix = i === 0 && firstPrefix !== undefined ? firstPrefix : pad;
    const child = obj[key];
    const childPath = path ? `${path}.${key}` : key;
    const k = quoteString(key);
    if (isPlainObject(child) && Object.keys(child).length > 0) {
      lines.push(`${prefix}${k}:`);
      emitMap(child, indent + 2, lines, childPath);
    } else if (Array.isArray(child) && child.length > 0) {
      lines.push(`${prefix}${k}:`);
      emitSeq(child, indent, lines, childPath);
    } else {
      lines.push(`${prefix}${k}: ${scalar(child, childPath)}`);
    }
  });
}

/** Sequences under a key sit at the key's indentation (`- ` counts as indentation). */
function emitSeq(items: unknown[], indent: number, lines: string[], path: string): void {
  const pad = ' '.repeat(indent);
  items.forEach((item, i) => {
    const itemPath = `${path}[${i}]`;
    if (isPlainObject(item) && Object.keys(item).length > 0) {
      emitMap(item, indent + 2, lines, itemPath, `${pad}- `);
    } else if (Array.isArray(item) && item.length > 0) {
      lines.push(`${pad}-`);
      emitSeq(item, indent + 2, lines, itemPath);
    } else {
      lines.push(`${pad}- ${scalar(item, itemPath)}`);
    }
  });
}

function scalar(value: unknown, path: string): string {
  switch (typeof value) {
    case 'string':
      return quoteString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new EmitError(`refusing to write ${value}`, path);
      return Object.is(value, -0) ? '0' : String(value);
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return '[]';
      if (isPlainObject(value)) return '{}';
      throw new EmitError('refusing to write a non-plain object', path);
    default:
      throw new EmitError(`refusing to write ${typeof value}`, path);
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

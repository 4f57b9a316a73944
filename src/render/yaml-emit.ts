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
  /** The path as segments, for pointing back at the claim field it came from. */
  readonly segments: readonly (string | number)[];
  constructor(
    message: string,
    segments: readonly (string | number)[],
    /** `too-large` when the output budget ran out; `unwritable` for a value YAML data cannot hold. */
    readonly reason: 'too-large' | 'unwritable' = 'unwritable',
  ) {
    const path = formatPath(segments);
    super(`${message} at ${path || '(root)'}`);
    this.name = 'EmitError';
    this.segments = [...segments];
  }
  get path(): string {
    return formatPath(this.segments);
  }
}

export interface EmitOptions {
  /**
   * Stop, with EmitError reason `too-large` at the field being written, once the text passes
   * this many characters (UTF-8 bytes are never fewer). The text is never built past it, so a
   * small claim aliasing a long string a hundred times costs memory up to the cap, not 100×.
   */
  maxLength?: number;
}

export function emitYaml(value: unknown, options: EmitOptions = {}): string {
  const out = new Output(options.maxLength ?? Number.POSITIVE_INFINITY);
  if (isPlainObject(value) && Object.keys(value).length > 0) emitMap(value, 0, out);
  else if (Array.isArray(value) && value.length > 0) emitSeq(value, 0, out);
  else out.push(scalar(value, out));
  return `${out.lines.join('\n')}\n`;
}

export function quoteString(s: string): string {
  if (SAFE_PLAIN.test(s) && !YAML11_WORDS.has(s.toLowerCase())) return s;
  return JSON.stringify(s).replace(MUST_ESCAPE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The lines so far, their length against the budget, and where in the value the writer is. */
class Output {
  readonly lines: string[] = [];
  readonly path: (string | number)[] = [];
  private length = 0;
  constructor(private readonly max: number) {}
  push(line: string): void {
    this.length += line.length + 1;
    if (this.length > this.max) throw new EmitError(`output passes the limit of ${this.max} bytes`, this.path, 'too-large');
    this.lines.push(line);
  }
}

function emitMap(obj: Record<string, unknown>, indent: number, out: Output, firstPrefix?: string): void {
  const keys = Object.keys(obj).sort(cmp);
  const pad = ' '.repeat(indent);
  keys.forEach((key, i) => {
    const prefix = i === 0 && firstPrefix !== undefined ? firstPrefix : pad;
    const child = obj[key];
    out.path.push(key);
    const k = quoteString(key);
    if (isPlainObject(child) && Object.keys(child).length > 0) {
      out.push(`${prefix}${k}:`);
      emitMap(child, indent + 2, out);
    } else if (Array.isArray(child) && child.length > 0) {
      out.push(`${prefix}${k}:`);
      emitSeq(child, indent, out);
    } else {
      out.push(`${prefix}${k}: ${scalar(child, out)}`);
    }
    out.path.pop();
  });
}

/** Sequences under a key sit at the key's indentation (`- ` counts as indentation). */
function emitSeq(items: unknown[], indent: number, out: Output): void {
  const pad = ' '.repeat(indent);
  items.forEach((item, i) => {
    out.path.push(i);
    if (isPlainObject(item) && Object.keys(item).length > 0) {
      emitMap(item, indent + 2, out, `${pad}- `);
    } else if (Array.isArray(item) && item.length > 0) {
      out.push(`${pad}-`);
      emitSeq(item, indent + 2, out);
    } else {
      out.push(`${pad}- ${scalar(item, out)}`);
    }
    out.path.pop();
  });
}

/** `a.b[0].c`, for messages. */
function formatPath(segments: readonly (string | number)[]): string {
  let text = '';
  for (const s of segments) text += typeof s === 'number' ? `[${s}]` : text ? `.${s}` : s;
  return text;
}

function scalar(value: unknown, out: Output): string {
  switch (typeof value) {
    case 'string':
      return quoteString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new EmitError(`refusing to write ${value}`, out.path);
      return Object.is(value, -0) ? '0' : numberText(value);
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return '[]';
      if (isPlainObject(value)) return '{}';
      throw new EmitError('refusing to write a non-plain object', out.path);
    default:
      throw new EmitError(`refusing to write ${typeof value}`, out.path);
  }
}

/**
 * JavaScript writes 1e21 and 1e-7 without a decimal point, which YAML 1.1 reads as a string
 * (its floats need one); `1.0e+21` is a float to 1.1, 1.2 and go-yaml alike.
 */
function numberText(value: number): string {
  const text = String(value);
  return text.includes('e') && !text.includes('.') ? text.replace('e', '.0e') : text;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

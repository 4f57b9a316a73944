/** Where a parsed document came from, and how to point back into it. */
import type { Problem } from '../errors.js';

export type FieldPath = readonly (string | number)[];

export interface Position {
  line: number;
  col: number;
  /** Set when the position is in another file than the document's (a merged overlay's base). */
  file?: string;
}

/** One YAML document of a claim file, as plain data plus a way to find any field's line. */
export interface SourceDoc {
  /** Path relative to the repository root. */
  file: string;
  /** 0-based index of the document inside its file. */
  index: number;
  data: unknown;
  /** The base claim (deployments/base/…) this document was merged onto, when it is an overlay. */
  base?: string;
  /** Where the key (or, failing that, the value) at `path` starts; the nearest existing ancestor when absent. */
  locate(path: FieldPath, part: 'key' | 'value'): Position;
}

/** `spec.applications[0].name` */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** A problem pinned to a field of a parsed document. */
export function problemAt(doc: SourceDoc, path: FieldPath, code: string, message: string, part: 'key' | 'value' = 'value'): Problem {
  return { file: doc.file, ...doc.locate(path, part), code, message, field: formatFieldPath(path) };
}

/** `deployments/dev/shop.yaml:11:13`: the other place a clash message points at. */
export function placeOf(doc: SourceDoc, path: FieldPath): string {
  const p = doc.locate(path, 'value');
  return `${p.file ?? doc.file}:${p.line}:${p.col}`;
}

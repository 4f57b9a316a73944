/**
 * Strict YAML parsing of untrusted claim files with `yaml` (YAML 1.2 core schema).
 *
 * We convert the AST to data ourselves instead of calling `toJS()` so that one walk can
 * enforce every rule below and keep each node's position for error messages:
 * - no merge keys, no custom tags, no `%YAML 1.1`: what a reader sees is what we read;
 * - aliases are expanded with a node budget (billion laughs stops fast) and may not refer to
 *   their own ancestors (a cycle would hang every consumer);
 * - `__proto__`, `constructor` and `prototype` keys are refused, so nothing downstream can
 *   reach Object.prototype;
 * - a plain `010` is refused: YAML 1.2 reads 10, Helm's YAML 1.1 reader 8;
 * - characters YAML does not allow in a stream (NUL and other controls; `yaml` itself lets them
 *   through) are refused with their position, and so is a key written twice in any spelling
 *   (`"1"` and `1` are one key once converted, though `yaml` compares them as different);
 * - where the claim schema wants a string and the user wrote a plain `1.10` or `true`, the exact
 *   source text is kept (`"1.10"`), never the number 1.1.
 */
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node as YamlNode,
  parseAllDocuments,
  Scalar,
} from 'yaml';
import type { Problem } from '../errors.js';
import { type FieldPath, formatFieldPath, type Position, type SourceDoc } from './source.js';
import { type SchemaCursor, stringWanted } from './schema-cursor.js';

/** Deeper than any real claim; deep enough to stop `[[[[…` before it hurts. */
export const MAX_DEPTH = 64;
/** Nodes one document may expand to, aliases included. */
export const MAX_NODES = 100_000;
/** Aliases one document may use. */
export const MAX_ALIASES = 100;

/** Keys that could reach Object.prototype: refused when parsing, skipped when merging. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * What YAML 1.2 (5.1) does not allow in a stream: C0 controls but tab, LF and CR; DEL; C1
 * controls but NEL; unpaired surrogates; U+FFFE and U+FFFF. A BOM is allowed only first, and
 * was cut off before this runs.
 */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\x80-\x84\x86-\x9F\uFFFE\uFFFF\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CORE_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

export interface ParsedFile {
  docs: SourceDoc[];
  problems: Problem[];
}

class Stop extends Error {
  constructor(readonly problem: { offset: number; code: string; message: string; path: FieldPath }) {
    super(problem.message);
  }
}

export function parseClaimFile(file: string, text: string, schema?: SchemaCursor): ParsedFile {
  const lineCounter = new LineCounter();
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const bomShift = body.length === text.length ? 0 : 1;
  const pos = (offset: number): Position => {
    const lp = lineCounter.linePos(offset);
    return { line: lp.line, col: lp.line === 1 ? lp.col + bomShift : lp.col };
  };
  const problem = (offset: number, code: string, message: string, path: FieldPath = []): Problem => {
    const p: Problem = { file, ...pos(offset), code, message };
    if (path.length) p.field = formatFieldPath(path);
    return p;
  };

  const control = NON_PRINTABLE.exec(body);
  if (control) {
    countLines(lineCounter, body);
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return { docs: [], problems: [problem(control.index, 'yaml-non-printable', `character U+${code} is not allowed in YAML; remove it or write it as an escape in a double-quoted string`)] };
  }

  const flowDepth = firstTooDeepFlow(body);
  if (flowDepth >= 0) {
    countLines(lineCounter, body);
    return { docs: [], problems: [problem(flowDepth, 'yaml-too-deep', `nesting deeper than ${MAX_DEPTH} levels`)] };
  }

  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(body, {
      lineCounter,
      uniqueKeys: true,
      merge: false,
      schema: 'core',
      version: '1.2',
      strict: true,
      prettyErrors: false,
      stringKeys: false,
    }) as unknown as Document.Parsed[];
  } catch (error) {
    // The parser is iterative, but stay defensive: no stack trace ever reaches the user.
    return { docs: [], problems: [problem(0, 'yaml-parse', `cannot parse YAML: ${String(error)}`)] };
  }

  const docs: SourceDoc[] = [];
  const problems: Problem[] = [];
  documents.forEach((doc, index) => {
    const first = [...doc.errors, ...doc.warnings][0];
    if (first) {
      problems.push(problem(first.pos[0], `yaml-${first.code.toLowerCase().replace(/_/g, '-')}`, cleanYamlMessage(first.message)));
      return;
    }
    if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
      const at = body.indexOf('%YAML');
      problems.push(problem(Math.max(0, at), 'yaml-version', 'only YAML 1.2 is accepted; remove the %YAML directive'));
      return;
    }
    const tagDirective = Object.keys(doc.directives?.tags ?? {}).some((handle) => handle !== '!' && handle !== '!!');
    if (tagDirective) {
      problems.push(problem(Math.max(0, body.indexOf('%TAG')), 'yaml-tag', '%TAG directives are not accepted'));
      return;
    }
    if (doc.contents === null) return; // an empty document between separators is not a claim
    try {
      const data = new Converter(doc, body, schema).convert(doc.contents as YamlNode);
      docs.push({
        file,
        index,
        data,
        locate: (path, part) => pos(locateOffset(doc, path, part)),
      });
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
      problems.push(problem(error.problem.offset, error.problem.code, error.problem.message, error.problem.path));
    }
  });

  if (docs.length === 0 && problems.length === 0) {
    problems.push(problem(0, 'empty-claim', 'empty claim file: no YAML document in it'));
  }
  return { docs, problems };
}

class Converter {
  private nodes = 0;
  private aliases = 0;
  private readonly active = new Set<YamlNode>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly text: string,
    private readonly schema: SchemaCursor | undefined,
  ) {}

  convert(node: YamlNode): unknown {
    return this.visit(node, [], this.schema);
  }

  private visit(node: YamlNode, path: (string | number)[], schema: SchemaCursor | undefined): unknown {
    const offset = node.range?.[0] ?? 0;
    if (++this.nodes > MAX_NODES) {
      throw new Stop({ offset, code: 'yaml-too-large', message: `document expands to more than ${MAX_NODES} nodes`, path });
    }
    if (path.length > MAX_DEPTH) {
      throw new Stop({ offset, code: 'yaml-too-deep', message: `nesting deeper than ${MAX_DEPTH} levels`, path });
    }
    if (isAlias(node)) {
      if (++this.aliases > MAX_ALIASES) {
        throw new Stop({ offset, code: 'yaml-alias-limit', message: `more than ${MAX_ALIASES} aliases in one document`, path });
      }
      const target = node.resolve(this.doc);
      if (!target) throw new Stop({ offset, code: 'yaml-alias', message: `unknown alias *${node.source}`, path });
      if (this.active.has(target)) {
        throw new Stop({ offset, code: 'yaml-alias-cycle', message: `alias *${node.source} refers to a node that contains it`, path });
      }
      return this.visit(target, path, schema);
    }
    if (node.tag && !CORE_TAGS.has(node.tag)) {
      // The node's range starts after its tag; point at the tag itself.
      let bang = this.text.lastIndexOf('!', offset);
      while (bang > 0 && !/\s/.test(this.text[bang - 1]!)) bang--;
      const tagOffset = bang >= 0 && !this.text.slice(bang, offset).includes('\n') ? bang : offset;
      throw new Stop({ offset: tagOffset, code: 'yaml-tag', message: `tag ${node.tag} is not accepted; claims are plain YAML`, path });
    }
    if (isScalar(node)) return this.scalar(node, path, schema);

    this.active.add(node);
    try {
      if (isSeq(node)) {
        return node.items.map((item, i) => this.visit(item as YamlNode, [...path, i], schema?.item()));
      }
      if (isMap(node)) {
        const out: Record<string, unknown> = {};
        for (const pair of node.items) {
          if (!isPair(pair)) continue;
          const keyNode = pair.key as YamlNode | null;
          const keyOffset = keyNode?.range?.[0] ?? offset;
          if (!isScalar(keyNode) || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number')) {
            throw new Stop({ offset: keyOffset, code: 'yaml-key', message: 'mapping keys must be plain strings', path });
          }
          const key = String(keyNode.source ?? keyNode.value);
          if (key === '<<' && keyNode.type === Scalar.PLAIN) {
            throw new Stop({ offset: keyOffset, code: 'yaml-merge-key', message: 'merge keys (<<) are not accepted; write the fields out', path });
          }
          if (FORBIDDEN_KEYS.has(key)) {
            throw new Stop({ offset: keyOffset, code: 'forbidden-key', message: `key "${key}" is not allowed`, path: [...path, key] });
          }
          if (Object.hasOwn(out, key)) {
            throw new Stop({ offset: keyOffset, code: 'yaml-duplicate-key', message: `map keys must be unique: "${key}" is written twice (quoted and plain are the same key)`, path: [...path, key] });
          }
          const value = pair.value === null ? null : this.visit(pair.value as YamlNode, [...path, key], schema?.property(key));
          Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
        }
        return out;
      }
    } finally {
      this.active.delete(node);
    }
    throw new Stop({ offset, code: 'yaml-node', message: 'unsupported YAML node', path });
  }

  private scalar(node: Scalar, path: FieldPath, schema: SchemaCursor | undefined): unknown {
    const value = node.value;
    const plain = node.type === Scalar.PLAIN && !node.tag;
    if (!plain || typeof value === 'string') return value;
    const source = node.source ?? String(value);
    // The user wrote `version: 1.10`; they meant the text, not the float 1.1.
    if ((typeof value === 'number' || typeof value === 'boolean') && stringWanted(schema)) return source;
    if (typeof value === 'number' && /^[-+]?0[0-9]/.test(source)) {
      throw new Stop({
        offset: node.range?.[0] ?? 0,
        code: 'ambiguous-number',
        message: `${source} is ambiguous (YAML 1.2 reads ${value}, Helm's YAML 1.1 reader octal); quote it or drop the leading zero`,
        path,
      });
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new Stop({ offset: node.range?.[0] ?? 0, code: 'not-finite', message: `${source} is not a finite number`, path });
    }
    return value;
  }
}

/** Offset of the node at `path` (its key when asked and present), else of the nearest ancestor. */
function locateOffset(doc: Document.Parsed, path: FieldPath, part: 'key' | 'value'): number {
  let node: unknown = doc.contents;
  let best = (doc.contents as YamlNode | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String((p.key as Scalar).source ?? (p.key as Scalar).value) === String(segment));
      if (!pair) return best;
      const keyOffset = (pair.key as YamlNode).range?.[0] ?? best;
      const last = i === path.length - 1;
      if (last && part === 'key') return keyOffset;
      node = pair.value;
      best = (node as YamlNode | null)?.range?.[0] ?? keyOffset;
      if (!last) best = keyOffset;
      if (last) return best;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (!node) return best;
      best = (node as YamlNode).range?.[0] ?? best;
    } else {
      return best;
    }
  }
  return best;
}

/**
 * Finds a flow collection nested deeper than MAX_DEPTH before the parser sees it: `[[[[…`
 * thousands deep is cheap to write and costly to compose. Quotes and comments are skipped.
 */
function firstTooDeepFlow(text: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      else if (c === '\n') quote = quote === '"' || quote === "'" ? quote : '';
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    } else if (c === '"' || (c === "'" && (i === 0 || /[\s[{,:]/.test(text[i - 1]!)))) {
      quote = c;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    } else if (c === '\n' && depth === 0) {
      quote = '';
    }
  }
  return -1;
}

/** Line starts for a text the parser never saw, so positions can still be reported. */
function countLines(lineCounter: LineCounter, text: string): void {
  lineCounter.addNewLine(0);
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineCounter.addNewLine(i + 1);
}

/** `yaml` messages end with a code excerpt when pretty; we print our own position instead. */
function cleanYamlMessage(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
}

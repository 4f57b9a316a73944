/**
 * Per-environment overlays: a base claim (deployments/base/) merged with an environment's
 * claim of the same name, which holds spec.environment and only what differs there.
 *
 * The rules (README "Per-environment overlays"):
 * - mappings merge key by key; a scalar or a list in the overlay replaces the base's;
 * - a list whose items all carry a `name` (applications, components, env, ports, jobs, …)
 *   merges item by item by name: a base item the overlay names is merged with it, a new name
 *   is appended after the base's items, the base's order is kept;
 * - `key: null` in the overlay removes the base's key (as in a JSON merge patch, RFC 7396);
 *   an app, component or job is switched off with `enabled: false`.
 *
 * Pure. The merged document remembers, per node, which file and field it came from, so a
 * problem anywhere in it (schema, semantics, chart values) points at the line that holds the
 * offending value — in the base or in the overlay.
 */
import { FORBIDDEN_KEYS } from './parse.js';
import type { FieldPath, Position, SourceDoc } from './source.js';

interface Origin {
  doc: SourceDoc;
  path: FieldPath;
}

type Data = Record<string, unknown>;

/** The base and the overlay as one document; `file` is the overlay's (the environment's file). */
export function mergeOverlay(base: SourceDoc, overlay: SourceDoc): SourceDoc {
  const origins = new Map<string, Origin>();
  const record = (path: FieldPath, origin: Origin) => origins.set(key(path), origin);

  const merge = (b: unknown, bPath: FieldPath, o: unknown, oPath: FieldPath, path: FieldPath): unknown => {
    if (isMapping(b) && isMapping(o)) {
      record(path, { doc: base, path: bPath });
      const out: Data = {};
      for (const [k, v] of Object.entries(b)) {
        if (Object.hasOwn(o, k) && o[k] === null) continue; // removed by the overlay
        define(out, k, v);
        record([...path, k], { doc: base, path: [...bPath, k] });
      }
      for (const [k, v] of Object.entries(o)) {
        if (FORBIDDEN_KEYS.has(k) || v === null) continue;
        if (Object.hasOwn(b, k)) define(out, k, merge(b[k], [...bPath, k], v, [...oPath, k], [...path, k]));
        else {
          define(out, k, v);
          record([...path, k], { doc: overlay, path: [...oPath, k] });
        }
      }
      return out;
    }
    if (isNamedList(b) && isNamedList(o)) {
      record(path, { doc: base, path: bPath });
      const out: unknown[] = [];
      const byName = new Map(o.map((item, j) => [item.name, j]));
      b.forEach((item, i) => {
        const j = byName.get(item.name);
        if (j === undefined) {
          record([...path, out.length], { doc: base, path: [...bPath, i] });
          out.push(item);
        } else {
          out.push(merge(item, [...bPath, i], o[j], [...oPath, j], [...path, out.length]));
        }
      });
      const inBase = new Set(b.map((item) => item.name));
      o.forEach((item, j) => {
        if (inBase.has(item.name)) return;
        record([...path, out.length], { doc: overlay, path: [...oPath, j] });
        out.push(item);
      });
      return out;
    }
    record(path, { doc: overlay, path: oPath });
    return o;
  };

  const data = merge(base.data, [], overlay.data, [], []);
  return {
    file: overlay.file,
    index: overlay.index,
    data,
    base: base.file,
    locate(path, part): Position {
      // The longest recorded prefix owns the rest of the path: below it nothing was merged.
      for (let n = path.length; n >= 0; n--) {
        const origin = origins.get(key(path.slice(0, n)));
        if (!origin) continue;
        return { ...origin.doc.locate([...origin.path, ...path.slice(n)], part), file: origin.doc.file };
      }
      return { ...overlay.locate([], part), file: overlay.file };
    },
  };
}

function key(path: FieldPath): string {
  return JSON.stringify(path);
}

function isMapping(v: unknown): v is Data {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Every item a mapping with a string `name`, and no name twice (else the overlay's list replaces). */
function isNamedList(v: unknown): v is { name: string }[] {
  if (!Array.isArray(v) || v.length === 0) return false;
  const names = new Set<string>();
  for (const item of v) {
    if (!isMapping(item) || typeof item.name !== 'string' || names.has(item.name)) return false;
    names.add(item.name);
  }
  return true;
}

function define(out: Data, k: string, v: unknown): void {
  Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
}

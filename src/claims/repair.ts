/**
 * A claim with schema problems, without the fields those problems are about — so that the
 * later checks (semantics, chart values) can still run on the rest of it and one run reports
 * every problem instead of one round per stage. Never rendered: the run stops at the schema
 * problems anyway. Only optional mapping fields are dropped; when a problem is about a list
 * item or a required field, there is no trustworthy rest, and the claim is not repaired.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';

export function withoutBadFields(data: unknown, errors: readonly ErrorObject[], validate: ValidateFunction): unknown {
  const copy: unknown = structuredClone(data);
  for (const error of errors) {
    const path = error.instancePath ? error.instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : [];
    if (error.keyword === 'additionalProperties') path.push((error.params as { additionalProperty: string }).additionalProperty);
    else if (error.keyword === 'required' || error.keyword === 'if') continue;
    if (!drop(copy, path)) return undefined;
  }
  return validate(copy) ? copy : undefined;
}

/** Removes the mapping field at `path`; false when the path ends at a list item or the root. */
function drop(data: unknown, path: readonly string[]): boolean {
  const last = path.at(-1);
  if (last === undefined) return false;
  let node = data;
  for (const segment of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return true; // already gone with a parent
    node = (node as Record<string, unknown>)[segment];
  }
  if (node === null || typeof node !== 'object') return true;
  if (Array.isArray(node)) return false;
  delete (node as Record<string, unknown>)[last];
  return true;
}

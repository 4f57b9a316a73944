/**
 * Rendered values that break charts/common/values.schema.json → every problem, each at the
 * claim line it came from: a key the escape hatch (`values:`) set is blamed at that key, with
 * the fields the chart knows and a "did you mean"; anything else the renderer built is blamed
 * at the app or component entry. All of them in one run, not one per run.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { compiledAllErrors } from '../claims/ajv.js';
import { schemaProblems } from '../claims/schema-errors.js';
import { type FieldPath, formatFieldPath, type SourceDoc } from '../claims/source.js';
import type { Problem } from '../errors.js';
import type { Values } from './values.js';

const VALUES_SCHEMA = 'charts/common/values.schema.json';

export function valuesProblems(source: SourceDoc, origin: FieldPath, values: Values, escapeHatch: Values | undefined, validate: ValidateFunction): Problem[] {
  // The validator that found the problem stops at the first; this one reports them all.
  const all = compiledAllErrors(validate.schema as object);
  all(values);
  const errors = all.errors?.length ? all.errors : (validate.errors ?? []);
  const fromHatch: ErrorObject[] = [];
  const built: ErrorObject[] = [];
  for (const e of errors) (escapeHatch && blamesHatch(e, escapeHatch) ? fromHatch : built).push(e);

  const prefix = `/${[...origin, 'values'].join('/')}`;
  const hatch = schemaProblems(source, fromHatch.map((e) => ({ ...e, instancePath: prefix + e.instancePath })));
  const rest = schemaProblems({ ...source, data: values, locate: () => source.locate(origin, 'value') }, built);
  return [
    ...hatch.map((p) => ({ ...p, code: 'values-schema', message: `${p.message} (${VALUES_SCHEMA})` })),
    // Blamed at the unit's entry, so the field named is that entry's, not a path inside the values.
    ...rest.map((p) => ({ ...p, code: 'values-schema', message: `rendered values break ${VALUES_SCHEMA}: ${p.message}`, field: formatFieldPath(origin) })),
  ];
}

/** True when the offending key's top-level field is one the escape hatch sets. */
function blamesHatch(error: ErrorObject, escapeHatch: Values): boolean {
  const blamed = error.instancePath.split('/').slice(1);
  if (error.keyword === 'additionalProperties') blamed.push((error.params as { additionalProperty: string }).additionalProperty);
  return blamed[0] !== undefined && Object.hasOwn(escapeHatch, blamed[0]);
}

/**
 * One Ajv configuration for every schema we check untrusted YAML against: strict mode (a typo
 * in a schema fails loudly), no $data.
 *
 * Two validators per schema. The fast one stops at the first error and only answers "valid?"
 * for the common, valid case. A document that fails is validated again with `allErrors`, so
 * its author sees every problem in one run. Ajv warns against allErrors on untrusted input
 * because the work then grows with the document; here every document has already passed the
 * size, node, depth and alias caps of parse.ts and discover.ts, which bound that work (the
 * worst case the caps allow is measured in test/unit/schema-errors.test.ts).
 */
import { Ajv, type ValidateFunction } from 'ajv';
// Shared with .ci/build.mjs, which compiles our own schemas with the same options at build time.
// optimize: false halves compile time (about 80 ms a run) for validators that run a few thousand times.
import AJV_OPTIONS from './ajv-options.json' with { type: 'json' };
import { PRECOMPILED } from './precompiled.js';

export function makeAjv(options: { allErrors?: boolean } = {}): Ajv {
  const allErrors = options.allErrors ?? false;
  // verbose (only with allErrors) gives each error its parentSchema, where "did you mean" finds the known names.
  return new Ajv({ ...AJV_OPTIONS, allErrors, verbose: allErrors });
}

const cache = new WeakMap<object, ValidateFunction>();
const cacheAll = new WeakMap<object, ValidateFunction>();
let shared: Ajv | undefined;
let sharedAll: Ajv | undefined;

/** The validator built with dist/ under this key (a schema `$id`, or `sha256:` of a file's text); none in the sources. */
export function precompiledFor(key: string): ValidateFunction | undefined {
  return Object.hasOwn(PRECOMPILED, key) ? PRECOMPILED[key] : undefined;
}

/** Compiles a schema once per process (or takes the one built with dist/); stops at the first error. */
export function compiled(schema: object): ValidateFunction {
  let fn = cache.get(schema);
  const id = (schema as { $id?: unknown }).$id;
  if (!fn && typeof id === 'string') fn = precompiledFor(id);
  if (!fn) {
    shared ??= makeAjv();
    fn = shared.compile(schema);
    cache.set(schema, fn);
  }
  return fn;
}

/** The same schema, reporting every error: only for documents already known to be invalid. */
export function compiledAllErrors(schema: object): ValidateFunction {
  let fn = cacheAll.get(schema);
  if (!fn) {
    sharedAll ??= makeAjv({ allErrors: true });
    fn = sharedAll.compile(schema);
    cacheAll.set(schema, fn);
  }
  return fn;
}

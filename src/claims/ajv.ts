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

export function makeAjv(options: { allErrors?: boolean } = {}): Ajv {
  const allErrors = options.allErrors ?? false;
  // optimize: false halves compile time (about 80 ms a run) for validators that run a few thousand times.
  // verbose (only with allErrors) gives each error its parentSchema, where "did you mean" finds the known names.
  return new Ajv({ strict: true, allErrors, verbose: allErrors, $data: false, unicodeRegExp: true, allowUnionTypes: true, code: { optimize: false } });
}

const cache = new WeakMap<object, ValidateFunction>();
const cacheAll = new WeakMap<object, ValidateFunction>();
let shared: Ajv | undefined;
let sharedAll: Ajv | undefined;

/** Compiles a schema once per process; stops at the first error. */
export function compiled(schema: object): ValidateFunction {
  let fn = cache.get(schema);
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

/**
 * Validators for our own schemas (claim, settings) and the common chart's values schema, compiled when dist/ is built: .ci/build.mjs
 * replaces this module with Ajv's standalone code for them, made with ajv-options.json. Compiling
 * them at run time cost every render a fixed 150–400 ms, most of what a one-claim change costs.
 * In the sources (tests) this is empty and ajv.ts compiles them as before.
 */
import type { ValidateFunction } from 'ajv';

/** Schema `$id` (or `sha256:` of the chart schema file's text) → its validator, stopping at the first error. */
export const PRECOMPILED: Readonly<Record<string, ValidateFunction>> = {};

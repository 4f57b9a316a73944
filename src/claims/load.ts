/**
 * Claim files → validated claims, or the problems that stop the run. A file is read by the
 * fast path when it can be (fast-parse.ts); a file with any problem at all is read again by
 * the strict `yaml` path, which reports it with positions. Nothing here writes anything.
 */
import { InputError, type Problem } from '../errors.js';
import { compiled, compiledAllErrors } from './ajv.js';
import claimSchema from './application-claim.schema.json' with { type: 'json' };
import type { ClaimFile } from './discover.js';
import { fastParseClaimFile } from './fast-parse.js';
import { applyOverlays } from './overlay-join.js';
import { type ParsedFile, parseClaimFile } from './parse.js';
import { withoutBadFields } from './repair.js';
import { schemaCursor } from './schema-cursor.js';
import { schemaProblems } from './schema-errors.js';
import type { SourceDoc } from './source.js';
import type { ApplicationClaim, LoadedClaim } from './types.js';

export const CLAIM_SCHEMA: object = claimSchema;
const claimCursor = schemaCursor(claimSchema as Record<string, unknown>);

export interface LoadResult {
  claims: LoadedClaim[];
  problems: Problem[];
  /**
   * Claims with schema problems, minus the fields those are about (repair.ts): never rendered,
   * only checked further so that one run reports every problem.
   */
  repaired: LoadedClaim[];
  /** Files the fast path read, for the benchmark and tests. */
  fastFiles: number;
}

export function loadClaims(files: readonly ClaimFile[], options: { fast?: boolean } = {}): LoadResult {
  const validate = compiled(CLAIM_SCHEMA);
  const result: LoadResult = { claims: [], problems: [], repaired: [], fastFiles: 0 };
  const documents: { doc: SourceDoc; file: ClaimFile }[] = [];
  for (const file of files) {
    const fast = options.fast === false ? undefined : fastParseClaimFile(file.text, claimCursor);
    if (fast && fast.length > 0) {
      // The fast path only accepts what the strict path reads the same way; positions come from
      // the strict parse, run only when a problem needs one.
      result.fastFiles++;
      const strict = lazyStrict(file);
      for (const d of fast) documents.push({ file, doc: { file: file.path, index: d.index, data: d.data, locate: (path, part) => strict(d.index).locate(path, part) } });
      continue;
    }
    const parsed = parseClaimFile(file.path, file.text, claimCursor);
    result.problems.push(...parsed.problems);
    for (const doc of parsed.docs) documents.push({ file, doc });
  }

  const overlays = applyOverlays(documents);
  result.problems.push(...overlays.problems);
  for (const { doc, env } of overlays.claims) {
    if (!validate(doc.data)) {
      // Invalid: validate again collecting every error, so the author sees them all at once.
      // (A mistake in a base claim shows in each environment that overlays it; the pipeline says it once.)
      const all = compiledAllErrors(CLAIM_SCHEMA);
      all(doc.data);
      result.problems.push(...schemaProblems(doc, all.errors ?? []));
      const rest = withoutBadFields(doc.data, all.errors ?? [], validate);
      if (rest !== undefined) result.repaired.push({ claim: rest as ApplicationClaim, env, source: { ...doc, data: rest } });
      continue;
    }
    result.claims.push({ claim: doc.data as ApplicationClaim, env, source: doc });
  }
  return result;
}

/**
 * Positions are needed only to report a problem; the strict parse that gives them runs then.
 * The fast path accepts only what the strict one reads the same way (fast-parse.ts, checked by
 * test/unit/one-parser.test.ts); should they ever disagree, the strict verdict stands, as an
 * input problem with its position, never as a crash.
 */
function lazyStrict(file: ClaimFile): (index: number) => SourceDoc {
  let parsed: ParsedFile | undefined;
  return (index) => {
    parsed ??= parseClaimFile(file.path, file.text, claimCursor);
    if (parsed.problems.length) throw new InputError(parsed.problems);
    const doc = parsed.docs.find((d) => d.index === index);
    if (!doc) {
      throw new InputError([{ file: file.path, line: 1, col: 1, code: 'yaml-parse', message: `document ${index + 1} of this file reads differently in the two YAML readers; simplify it (plain block YAML) and report it` }]);
    }
    return doc;
  };
}

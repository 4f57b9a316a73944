/**
 * Claim files → validated claims, or the problems that stop the run. Parsing and schema
 * checks happen per document; nothing here writes anything.
 */
import type { Problem } from '../errors.js';
import { compiled } from './ajv.js';
import claimSchema from './application-claim.schema.json' with { type: 'json' };
import type { ClaimFile } from './discover.js';
import { parseClaimFile } from './parse.js';
import { schemaCursor } from './schema-cursor.js';
import { schemaProblem } from './schema-errors.js';
import type { ApplicationClaim, LoadedClaim } from './types.js';

export const CLAIM_SCHEMA: object = claimSchema;
const claimCursor = schemaCursor(claimSchema as Record<string, unknown>);

export interface LoadResult {
  claims: LoadedClaim[];
  problems: Problem[];
}

export function loadClaims(files: readonly ClaimFile[]): LoadResult {
  const validate = compiled(CLAIM_SCHEMA);
  const claims: LoadedClaim[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const parsed = parseClaimFile(file.path, file.text, claimCursor);
    problems.push(...parsed.problems);
    for (const doc of parsed.docs) {
      if (!validate(doc.data)) {
        problems.push(schemaProblem(doc, validate.errors ?? []));
        continue;
      }
      claims.push({ claim: doc.data as ApplicationClaim, env: file.env, source: doc });
    }
  }
  return { claims, problems };
}

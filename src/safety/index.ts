/** Data safety at review time: see README.md in this folder. */
import type { LoadedClaim } from '../claims/types.js';
import { classify } from './classify.js';
import { dataSafetyMarkdown } from './markdown.js';
import { type Verdict, verdict } from './verdict.js';

export type { Verdict } from './verdict.js';
export type { Finding } from './classify.js';

/** Base and head renders (path → content) and the head's claims in; the verdict and the comment's section out. */
export function dataSafety(base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>, headClaims: readonly LoadedClaim[]): { verdict: Verdict; markdown: string } {
  const v = verdict(classify(base, head), headClaims);
  return { verdict: v, markdown: dataSafetyMarkdown(v) };
}

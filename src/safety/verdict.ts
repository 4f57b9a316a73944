/**
 * What the findings mean for a run: which ones fail `diff` (refused after merge; data loss
 * unless the claim acknowledges it), which ones stop `render` (refused after merge, always),
 * and which acknowledgements are stale (they match no change: remove them). Problems point at
 * the component's line in the claim. Pure.
 */
import { formatFieldPath, type FieldPath } from '../claims/source.js';
import type { LoadedClaim } from '../claims/types.js';
import type { Problem } from '../errors.js';
import { failsReview } from './classes.js';
import type { Finding } from './classify.js';

export interface Acknowledgement {
  component: string;
  change: string;
}

export interface Verdict {
  findings: Finding[];
  /** Findings a claim acknowledges, by index into `findings`. */
  acknowledged: Set<number>;
  /** `diff` fails on these. */
  reviewProblems: Problem[];
  /** `render` stops on these. */
  renderProblems: Problem[];
  /** Acknowledgements that match no data-loss change. */
  stale: Problem[];
}

const claimKey = (env: string, claim: string) => `${env}/${claim}`;

function acknowledgementsOf(loaded: LoadedClaim): Acknowledgement[] {
  return loaded.claim.spec.acknowledge ?? [];
}

/** Where to point: the component's entry in the head claim, else the claim's components, else the file. */
function place(f: Finding, claims: ReadonlyMap<string, LoadedClaim>): Pick<Problem, 'file' | 'line' | 'col' | 'field'> {
  const loaded = claims.get(claimKey(f.env, f.claim));
  if (!loaded) return f.claimFile ? { file: f.claimFile } : {};
  const index = (loaded.claim.spec.components ?? []).findIndex((c) => c.name === f.component);
  const path: FieldPath = index >= 0 ? ['spec', 'components', index, 'name'] : ['spec', 'components'];
  return { file: loaded.source.file, ...loaded.source.locate(path, 'value'), field: formatFieldPath(path) };
}

function problem(f: Finding, claims: ReadonlyMap<string, LoadedClaim>, extra = ''): Problem {
  const who = f.by === 'api-server' ? ' by the API server' : f.by === 'operator' ? ' by the operator' : '';
  return {
    ...place(f, claims),
    code: f.class === 'data loss' ? 'data-loss' : 'refused-after-merge',
    message: `${f.env}/${f.claim}/${f.component} (${f.type}, ${f.change}): ${f.class}${who}. ${f.sentence}${extra}`,
  };
}

export function verdict(findings: Finding[], headClaims: readonly LoadedClaim[]): Verdict {
  const claims = new Map(headClaims.map((c) => [claimKey(c.env, c.claim.metadata.name), c]));
  const acknowledged = new Set<number>();
  const used = new Set<string>();
  findings.forEach((f, i) => {
    if (f.class !== 'data loss') return;
    const loaded = claims.get(claimKey(f.env, f.claim));
    const j = loaded ? acknowledgementsOf(loaded).findIndex((a) => a.component === f.component && a.change === f.change) : -1;
    if (j < 0) return;
    acknowledged.add(i);
    used.add(`${claimKey(f.env, f.claim)}#${j}`);
  });
  const reviewProblems = findings.flatMap((f, i) => {
    if (!failsReview(f.class) || acknowledged.has(i)) return [];
    const how =
      f.class === 'data loss'
        ? ` If the loss is intended, acknowledge it in the claim with \`acknowledge: [{component: ${f.component}, change: ${f.change}}]\` under spec, and remove that after the merge.`
        : ' No acknowledgement makes it sync: the render after the merge refuses it too.';
    return [problem(f, claims, how)];
  });
  const renderProblems = findings.filter((f) => f.class === 'refused after merge').map((f) => problem(f, claims, ' Nothing was written.'));
  const stale: Problem[] = [];
  for (const loaded of headClaims) {
    acknowledgementsOf(loaded).forEach((a, j) => {
      if (used.has(`${claimKey(loaded.env, loaded.claim.metadata.name)}#${j}`)) return;
      const path: FieldPath = ['spec', 'acknowledge', j];
      stale.push({
        file: loaded.source.file,
        ...loaded.source.locate(path, 'value'),
        code: 'acknowledge-stale',
        message: `acknowledgement of ${a.change} for ${a.component} matches no change in this run: remove it once its change is merged, so it cannot wave through a later one`,
        field: formatFieldPath(path),
      });
    });
  }
  return { findings, acknowledged, reviewProblems, renderProblems, stale };
}

/**
 * Render, commit only what changed, push to the triggering branch; on a lost race, move to
 * the new tip, render again from *its* claims, and retry — bounded, with jitter, never a
 * force-push. Rendering from the tip is what keeps an older source commit from overwriting a
 * newer render: whatever commit triggered us, the pushed tree is always the render of the
 * newest claims. Returns a result object; the caller decides what to report.
 */
import { InfraError } from '../errors.js';
import type { Author, Git } from '../git/git.js';

export interface RenderOutcome {
  written: string[];
  deleted: string[];
  unchanged: number;
}

export interface RenderAndPushOptions {
  git: Git;
  branch: string | undefined;
  /** Renders the work tree as it is now and writes rendered/. */
  render: () => Promise<RenderOutcome>;
  commit: boolean;
  push: boolean;
  author: Author;
  maxAttempts: number;
  log: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface RenderAndPushResult {
  action: 'none' | 'committed' | 'pushed';
  changedFiles: string[];
  commitSha: string | undefined;
  sourceSha: string;
  attempts: number;
  last: RenderOutcome;
}

export const SOURCE_TRAILER = 'Source-SHA';

export function commitMessage(outcome: RenderOutcome, sourceSha: string): string {
  const lines = [...outcome.written.map((f) => `  write  ${f}`), ...outcome.deleted.map((f) => `  delete ${f}`)];
  const shown = lines.slice(0, 50);
  if (lines.length > shown.length) shown.push(`  … and ${lines.length - shown.length} more`);
  const n = outcome.written.length + outcome.deleted.length;
  return `render: update ${n} file${n === 1 ? '' : 's'} in rendered/\n\n${shown.join('\n')}\n\n${SOURCE_TRAILER}: ${sourceSha}\nRendered-By: infraforge-render\n`;
}

export async function renderAndPush(options: RenderAndPushOptions): Promise<RenderAndPushResult> {
  const { git, branch, log } = options;
  const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const pushing = options.commit && options.push && branch !== undefined;

  for (let attempt = 1; ; attempt++) {
    if (pushing) await moveToTip(git, branch!, log);
    const sourceSha = await git.headSha();
    const outcome = await options.render();
    const changedFiles = [...outcome.written, ...outcome.deleted].sort();
    if (changedFiles.length === 0) {
      log(`rendered/ already matches the claims at ${sourceSha.slice(0, 12)}: nothing to commit`);
      return { action: 'none', changedFiles, commitSha: undefined, sourceSha, attempts: attempt, last: outcome };
    }
    if (!options.commit) return { action: 'none', changedFiles, commitSha: undefined, sourceSha, attempts: attempt, last: outcome };

    await git.stage(changedFiles);
    if (!(await git.hasStagedChanges())) {
      return { action: 'none', changedFiles: [], commitSha: undefined, sourceSha, attempts: attempt, last: outcome };
    }
    const commitSha = await git.commit(commitMessage(outcome, sourceSha), options.author);
    log(`committed ${changedFiles.length} file(s) as ${commitSha.slice(0, 12)} (${SOURCE_TRAILER}: ${sourceSha.slice(0, 12)})`);
    if (!pushing) return { action: 'committed', changedFiles, commitSha, sourceSha, attempts: attempt, last: outcome };

    const pushed = await git.push(branch!);
    if (pushed === 'pushed') {
      log(`pushed ${commitSha.slice(0, 12)} to ${branch}`);
      return { action: 'pushed', changedFiles, commitSha, sourceSha, attempts: attempt, last: outcome };
    }
    if (attempt >= options.maxAttempts) {
      throw new InfraError(
        `push to ${branch} was rejected ${attempt} times: others kept pushing first. Nothing was force-pushed; re-run the job, or raise max-attempts`,
      );
    }
    // Full jitter on an exponential base: racing runners spread out instead of colliding again.
    const delay = Math.round(random() * Math.min(8000, 250 * 2 ** attempt));
    log(`push to ${branch} rejected: ${branch} moved on; rebuilding on the new tip in ${delay} ms (attempt ${attempt + 1} of ${options.maxAttempts})`);
    // Drop our unpushed commit; the next attempt renders again from origin's new tip.
    await git.resetHard(sourceSha);
    await sleep(delay);
  }
}

/** Moves the checkout to origin's tip when origin is ahead; refuses when histories diverged. */
async function moveToTip(git: Git, branch: string, log: (line: string) => void): Promise<void> {
  const head = await git.headSha();
  const tip = await git.fetchBranch(branch);
  if (tip === head) return;
  if (await git.isAncestor(tip, head)) return; // we are ahead (unpushed commit of ours)
  if (!(await git.isAncestor(head, tip))) {
    throw new InfraError(`the checkout (${head.slice(0, 12)}) is not an ancestor of origin/${branch} (${tip.slice(0, 12)}): history was rewritten; refusing to continue`);
  }
  log(`origin/${branch} is at ${tip.slice(0, 12)}, ahead of ${head.slice(0, 12)}: rendering from there`);
  await git.resetHard(tip);
}

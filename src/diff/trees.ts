/**
 * Render the claims of two commits without disturbing the workspace: the base in a
 * temporary detached worktree, the head where it is. Nothing is written to either rendered/.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cmp } from '../errors.js';
import { serializeIndex } from '../io/render-index/index.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Git } from '../git/git.js';
import { buildPlan, type PipelineOptions } from '../pipeline.js';
import type { LoadedClaim } from '../claims/types.js';
import type { RenderSettings } from '../settings/types.js';

export interface RenderedTree {
  /** Path → content of every file the render plans. */
  files: Map<string, string>;
  /** The render index this render writes (rendered/.infraforge/index.json), when it covers every environment. */
  index: string | undefined;
  /** How many of the files were taken from the index rather than rendered. */
  kept: number;
  settings: RenderSettings;
  /** The claims rendered, with their sources (for pointing at a line). */
  claims: LoadedClaim[];
}

/**
 * The complete render of `root`'s claims. With an index (`options.index`), only claims whose
 * inputs differ from it are rendered; the others' files are read from the index's own
 * rendered/, which it was proven to match: the same bytes a full render gives.
 */
export async function renderTree(root: string, options: Omit<PipelineOptions, 'root'>): Promise<RenderedTree> {
  const plan = await buildPlan({ ...options, root });
  const files = new Map(plan.files.map((f) => [f.path, f.content]));
  if (plan.kept.size && plan.indexDir) {
    for (const p of plan.kept.keys()) files.set(p, readFileSync(path.join(plan.indexDir, p), 'utf8'));
  }
  const sorted = new Map([...files].sort(([a], [b]) => cmp(a, b)));
  return { files: sorted, index: plan.index && serializeIndex(plan.index), kept: plan.kept.size, settings: plan.settings, claims: plan.claims };
}

/** Runs `fn` with a detached worktree of `sha`, removed afterwards whatever happens. */
export async function withWorktree<T>(git: Git, sha: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const parent = await mkdtemp(path.join(tmpdir(), 'infraforge-base-'));
  const dir = path.join(parent, 'tree');
  await git.addWorktree(dir, sha);
  try {
    return await fn(dir);
  } finally {
    await git.removeWorktree(dir);
    await rm(parent, { recursive: true, force: true });
  }
}

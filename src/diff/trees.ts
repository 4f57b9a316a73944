/**
 * Render the claims of two commits without disturbing the workspace: the base in a
 * temporary detached worktree, the head where it is. Nothing is written to either rendered/.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Git } from '../git/git.js';
import { buildPlan, type PipelineOptions } from '../pipeline.js';
import type { LoadedClaim } from '../claims/types.js';
import type { RenderSettings } from '../settings/types.js';

export interface RenderedTree {
  /** Path → content of every file the render plans. */
  files: Map<string, string>;
  settings: RenderSettings;
  /** The claims rendered, with their sources (for pointing at a line). */
  claims: LoadedClaim[];
}

export async function renderTree(root: string, options: Omit<PipelineOptions, 'root'>): Promise<RenderedTree> {
  const plan = await buildPlan({ ...options, root });
  return { files: new Map(plan.files.map((f) => [f.path, f.content])), settings: plan.settings, claims: plan.claims };
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

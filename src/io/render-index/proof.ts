/**
 * Whether rendered/ on disk is exactly what an index says, asked of git so that no rendered
 * file is read: every path under rendered/ is tracked (nothing untracked, nothing ignored),
 * regular (mode 100644), unflagged (no assume-unchanged, no skip-worktree), unconflicted and
 * unmodified in the work tree; and the tracked paths and blob ids are exactly the index's
 * files plus the index itself. git checks a racily clean entry's content, as `git status` does.
 * Anything else (no git, root not the top of the work tree, git failing) is "not proven".
 */
import { spawnSync } from 'node:child_process';
import { RENDERED_DIR } from '../rendered-scan.js';
import { INDEX_PATH, indexedFiles, type RenderIndex } from './model.js';

/** git with the caller's GIT_* variables removed (a GIT_DIR or GIT_INDEX_FILE would answer for another tree) and no fsmonitor. */
function git(root: string, args: readonly string[]): string | undefined {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('GIT_')) env[k] = v;
  const r = spawnSync('git', ['-c', 'core.fsmonitor=false', '-c', 'core.untrackedCache=false', '-c', 'core.quotePath=false', ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  return r.status === 0 ? r.stdout : undefined;
}

export function renderedMatchesIndex(root: string, index: RenderIndex): boolean {
  // Paths below are relative to the top of the work tree: the root must be it.
  if (git(root, ['rev-parse', '--show-prefix'])?.trim() !== '') return false;
  const pathspec = ['--', `${RENDERED_DIR}/`];
  // Refreshes stat data first, as `git status` does, so a file rewritten with the same bytes is not "modified".
  git(root, ['update-index', '-q', '--refresh']);
  const modified = git(root, ['diff-files', '--name-only', '-z', ...pathspec]);
  if (modified !== '') return false;
  const others = git(root, ['ls-files', '--others', '-z', ...pathspec]);
  if (others !== '') return false;
  const listing = git(root, ['ls-files', '-s', '-v', '-z', ...pathspec]);
  if (listing === undefined) return false;
  const expected = indexedFiles(index);
  let seenIndex = false;
  let seen = 0;
  for (const line of listing.split('\0')) {
    if (line === '') continue;
    // "H 100644 <blob> 0\t<path>": H is a plain cached entry (S skip-worktree, lowercase assume-unchanged).
    const m = /^H 100644 ([0-9a-f]{40}) 0\t(.+)$/s.exec(line);
    if (!m) return false;
    const [, blob, file] = m;
    if (file === INDEX_PATH) {
      seenIndex = true;
      continue;
    }
    if (expected.get(file!) !== blob) return false;
    seen++;
  }
  return seenIndex && seen === expected.size;
}

/**
 * Whether rendered/ on disk is exactly what an index says, asked of git so that no rendered
 * file is read: every path under rendered/ is tracked (nothing untracked, nothing ignored),
 * regular (mode 100644), unflagged (no assume-unchanged, no skip-worktree), unconflicted and
 * unmodified in the work tree; and the tracked paths and blob ids are exactly the index's
 * files plus the index itself. git checks a racily clean entry's content, as `git status` does.
 * Anything else (no git, root not the top of the work tree, git failing) is "not proven".
 */
import { execFile } from 'node:child_process';
import { RENDERED_DIR } from '../rendered-scan.js';
import { INDEX_PATH, indexedFiles, type RenderIndex } from './model.js';

/**
 * git with the caller's GIT_* variables removed (a GIT_DIR or GIT_INDEX_FILE would answer for
 * another tree) and no fsmonitor; undefined when it fails. Asynchronous: the questions run in
 * git's processes while the render parses the claims.
 */
function git(root: string, args: readonly string[]): Promise<string | undefined> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('GIT_')) env[k] = v;
  const argv = ['-c', 'core.fsmonitor=false', '-c', 'core.untrackedCache=false', '-c', 'core.quotePath=false', ...args];
  return new Promise((resolve) => {
    execFile('git', argv, { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 30 }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}

export async function renderedMatchesIndex(root: string, index: RenderIndex): Promise<boolean> {
  const pathspec = ['--', `${RENDERED_DIR}/`];
  const [prefix, modified, others, listing] = await Promise.all([
    // Paths below are relative to the top of the work tree: the root must be it.
    git(root, ['rev-parse', '--show-prefix']),
    // Refreshes stat data first, as `git status` does, so a file rewritten with the same bytes is not "modified".
    git(root, ['update-index', '-q', '--refresh']).then(() => git(root, ['diff-files', '--name-only', '-z', ...pathspec])),
    git(root, ['ls-files', '--others', '-z', ...pathspec]),
    git(root, ['ls-files', '-s', '-v', '-z', ...pathspec]),
  ]);
  if (prefix?.trim() !== '' || modified !== '' || others !== '' || listing === undefined) return false;
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

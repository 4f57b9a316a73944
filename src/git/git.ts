/**
 * The small git interface the action needs, over simple-git, with one choke point (`run`).
 * Nothing user-written reaches git as an argument: paths go through --pathspec-from-file,
 * the commit message through -F, the author through environment variables; branch names are
 * checked against git's ref rules before use. Decisions come from exit codes and porcelain
 * output, never from human-readable text.
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { InfraError } from '../errors.js';

export interface Author {
  name: string;
  email: string;
}

export type PushOutcome = 'pushed' | 'rejected';

export interface Git {
  headSha(): Promise<string>;
  /** Fetches `branch` from origin and returns its tip. */
  fetchBranch(branch: string): Promise<string>;
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  /** Moves HEAD and the work tree to `sha`, dropping uncommitted changes. */
  resetHard(sha: string): Promise<void>;
  /** Stages exactly these paths (added, changed or deleted). */
  stage(paths: readonly string[]): Promise<void>;
  hasStagedChanges(): Promise<boolean>;
  commit(message: string, author: Author): Promise<string>;
  /** Pushes HEAD to origin's `branch`; 'rejected' when origin moved on (non-fast-forward). Never forces. */
  push(branch: string): Promise<PushOutcome>;
  /** A file's content at a revision, or undefined when it does not exist there. */
  show(rev: string, file: string): Promise<string | undefined>;
  /** The commit a ref names (fetching it from origin when it is not here yet). */
  resolveCommit(ref: string): Promise<string>;
  /** The commit a ref names in this repository, or undefined when there is none; never fetches. */
  localCommit(ref: string): Promise<string | undefined>;
  /** `remote.origin.url` as configured, or undefined. */
  originUrl(): Promise<string | undefined>;
  /** A detached worktree of `sha` at `dir`, for reading another commit without touching this one. */
  addWorktree(dir: string, sha: string): Promise<void>;
  removeWorktree(dir: string): Promise<void>;
}

/** A branch name as git accepts it (git check-ref-format, simplified), and never an option. */
export function isSafeBranch(name: string): boolean {
  return (
    /^[A-Za-z0-9._/-]+$/.test(name) &&
    !name.startsWith('-') &&
    !name.startsWith('/') &&
    !name.endsWith('/') &&
    !name.endsWith('.lock') &&
    !name.includes('..') &&
    !name.includes('//') &&
    !name.split('/').some((part) => part.startsWith('.'))
  );
}

/** A ref or commit id that cannot be read as an option or a revision expression with side effects. */
export function isSafeRef(ref: string): boolean {
  return /^[0-9a-f]{7,64}$/.test(ref) || isSafeBranch(ref) || /^(HEAD|origin\/[A-Za-z0-9._/-]+)(~[0-9]+|\^)?$/.test(ref);
}

function checkBranch(name: string): void {
  if (!isSafeBranch(name)) throw new InfraError(`refusing to use branch name ${JSON.stringify(name)}`);
}

export function createGit(workdir: string): Git {
  const git: SimpleGit = simpleGit({
    baseDir: workdir,
    binary: 'git',
    maxConcurrentProcesses: 1,
    trimmed: false,
    // simple-git strips GIT_* variables unless named; the author is the only one we set.
    allowEnvironment: ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL'],
  });

  /** The choke point: every git call goes through here and fails as an InfraError. */
  async function run(args: string[], env?: Record<string, string>): Promise<string> {
    try {
      const client = env ? git.env({ ...process.env, ...env } as Record<string, string>) : git;
      return await client.raw(args);
    } catch (error) {
      throw new InfraError(`git ${args[0]} failed: ${(error as Error).message.trim()}`, { cause: error });
    }
  }

  /**
   * simple-git resolves a command that exits non-zero without writing to stderr (as
   * `merge-base --is-ancestor` and `diff --quiet` do), so questions are asked in forms whose
   * machine-readable output answers them instead.
   */
  async function isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const [a, base] = await Promise.all([
      run(['rev-parse', '--verify', `${ancestor}^{commit}`]),
      run(['merge-base', ancestor, descendant]).catch(() => ''),
    ]);
    return base.trim() !== '' && base.trim() === a.trim();
  }

  async function withTempFile<T>(content: string, fn: (file: string) => Promise<T>): Promise<T> {
    const file = path.join(tmpdir(), `infraforge-${process.pid}-${randomBytes(6).toString('hex')}`);
    await writeFile(file, content, { mode: 0o600 });
    try {
      return await fn(file);
    } finally {
      await rm(file, { force: true });
    }
  }

  return {
    headSha: async () => (await run(['rev-parse', '--verify', 'HEAD^{commit}'])).trim(),
    async fetchBranch(branch) {
      checkBranch(branch);
      await run(['fetch', '--no-tags', '--quiet', 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`]);
      return (await run(['rev-parse', '--verify', `refs/remotes/origin/${branch}^{commit}`])).trim();
    },
    isAncestor,
    async resetHard(sha) {
      if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new InfraError(`not a commit id: ${sha}`);
      await run(['reset', '--hard', '--quiet', sha]);
    },
    async stage(paths) {
      if (paths.length === 0) return;
      await withTempFile(`${paths.join('\0')}\0`, (file) => run(['add', '--all', `--pathspec-from-file=${file}`, '--pathspec-file-nul']));
    },
    hasStagedChanges: async () => (await run(['diff', '--cached', '--name-only', '-z'])).length > 0,
    async commit(message, author) {
      const env = {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: author.name,
        GIT_COMMITTER_EMAIL: author.email,
      };
      await withTempFile(message, (file) => run(['commit', '--quiet', '--no-verify', '--cleanup=verbatim', '-F', file], env));
      return (await run(['rev-parse', 'HEAD'])).trim();
    },
    async push(branch) {
      checkBranch(branch);
      let lastError: unknown;
      // One immediate second try covers a transient failure (a ref lock held by a racing push).
      for (let tries = 0; tries < 2; tries++) {
        try {
          await git.raw(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`]);
          return 'pushed';
        } catch (error) {
          lastError = error;
        }
        // Decide from git's state, not its message.
        const tip = await this.fetchBranch(branch).catch(() => undefined);
        if (!tip) break;
        if (await isAncestor('HEAD', tip)) return 'pushed'; // an identical commit got there first
        if (!(await isAncestor(tip, 'HEAD'))) return 'rejected'; // origin moved on: non-fast-forward
      }
      throw new InfraError(`git push failed: ${(lastError as Error).message.trim()}`, { cause: lastError });
    },
    async resolveCommit(ref) {
      if (!isSafeRef(ref)) throw new InfraError(`refusing git ref ${JSON.stringify(ref)}`);
      const local = await run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => '');
      if (local.trim()) return local.trim();
      await run(['fetch', '--no-tags', '--quiet', 'origin', ref]);
      return (await run(['rev-parse', '--verify', 'FETCH_HEAD^{commit}'])).trim();
    },
    async localCommit(ref) {
      if (!isSafeRef(ref)) throw new InfraError(`refusing git ref ${JSON.stringify(ref)}`);
      const sha = await run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => '');
      return sha.trim() || undefined;
    },
    async originUrl() {
      const url = await run(['config', '--get', 'remote.origin.url']).catch(() => '');
      return url.trim() || undefined;
    },
    async addWorktree(dir, sha) {
      if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new InfraError(`not a commit id: ${sha}`);
      await run(['worktree', 'add', '--detach', '--quiet', dir, sha]);
    },
    async removeWorktree(dir) {
      await run(['worktree', 'remove', '--force', dir]).catch(() => undefined);
      await run(['worktree', 'prune']).catch(() => undefined);
    },
    async show(rev, file) {
      if (!/^[A-Za-z0-9._~^/-]+$/.test(rev) || rev.startsWith('-') || file.startsWith('-')) throw new InfraError(`refusing revision ${JSON.stringify(rev)}`);
      try {
        return await git.raw(['show', `${rev}:${file}`]);
      } catch {
        return undefined;
      }
    },
  };
}

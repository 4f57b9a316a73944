/** Real git repositories for tests: a bare "origin" in a temp dir and clones of it. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT, SETTINGS } from './repo.js';

export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test Dev',
  GIT_AUTHOR_EMAIL: 'dev@example.com',
  GIT_COMMITTER_NAME: 'Test Dev',
  GIT_COMMITTER_EMAIL: 'dev@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export interface Origin {
  dir: string;
  bare: string;
  /** A fresh clone checked out at `sha` (default: the tip of main), as actions/checkout leaves it. */
  clone(sha?: string): string;
  /** Commits `files` on top of main from a scratch clone and pushes; returns the new sha. */
  commit(files: Record<string, string | null>, message: string): string;
  tip(): string;
  cleanup(): void;
}

export function makeOrigin(files: Record<string, string>): Origin {
  const dir = mkdtempSync(path.join(tmpdir(), 'infraforge-git-'));
  const bare = path.join(dir, 'origin.git');
  git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
  const seed = path.join(dir, 'seed');
  git(dir, 'clone', '--quiet', bare, seed);
  git(seed, 'checkout', '--quiet', '-B', 'main');
  cpSync(path.join(REPO_ROOT, 'charts/common'), path.join(seed, 'charts/common'), { recursive: true });
  write(seed, { 'deployments/settings.yaml': SETTINGS, ...files });
  git(seed, 'add', '-A');
  git(seed, 'commit', '--quiet', '-m', 'initial claims');
  git(seed, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
  let clones = 0;
  const origin: Origin = {
    dir,
    bare,
    clone(sha) {
      const target = path.join(dir, `clone-${clones++}`);
      git(dir, 'clone', '--quiet', bare, target);
      if (sha) git(target, 'checkout', '--quiet', '-B', 'main', sha);
      return target;
    },
    commit(changes, message) {
      git(seed, 'pull', '--quiet', '--ff-only', 'origin', 'main');
      write(seed, changes);
      git(seed, 'add', '-A');
      git(seed, 'commit', '--quiet', '-m', message);
      git(seed, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
      return git(seed, 'rev-parse', 'HEAD');
    },
    tip: () => git(bare, 'rev-parse', 'refs/heads/main'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  return origin;
}

function write(root: string, files: Record<string, string | null>): void {
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    if (text === null) {
      rmSync(abs, { force: true });
      continue;
    }
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
}

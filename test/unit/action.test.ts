/** Pure parts of the action: commit messages, refs, branch names. */
import { describe, expect, it } from 'vitest';
import { commitMessage } from '../../src/action/render-and-push.js';
import { branchOf } from '../../src/action/render-command.js';
import { isSafeBranch, isSafeRef } from '../../src/git/git.js';

describe('commit message', () => {
  it('lists what changed and ends with the Source-SHA trailer', () => {
    const msg = commitMessage({ written: ['rendered/dev/a/x/values.yaml'], deleted: ['rendered/dev/b/y/values.yaml'], unchanged: 3 }, 'f'.repeat(40));
    expect(msg.split('\n')[0]).toBe('render: update 2 files in rendered/');
    expect(msg).toContain('  write  rendered/dev/a/x/values.yaml\n  delete rendered/dev/b/y/values.yaml');
    expect(msg.trimEnd().split('\n').slice(-2)).toEqual([`Source-SHA: ${'f'.repeat(40)}`, 'Rendered-By: infraforge-render']);
  });

  it('stays short for huge changes', () => {
    const written = Array.from({ length: 500 }, (_, i) => `rendered/dev/c${i}/api/values.yaml`);
    const msg = commitMessage({ written, deleted: [], unchanged: 0 }, 'a'.repeat(40));
    expect(msg.split('\n').length).toBeLessThan(60);
    expect(msg).toContain('… and 450 more');
  });
});

describe('refs', () => {
  it('only branch refs are pushed to', () => {
    expect(branchOf('refs/heads/main')).toBe('main');
    expect(branchOf('refs/heads/release/2026')).toBe('release/2026');
    expect(branchOf('refs/pull/7/merge')).toBeUndefined();
    expect(branchOf('refs/tags/v1')).toBeUndefined();
  });

  it.each(['-f', '--upload-pack=x', 'a..b', 'a/.hidden', 'x.lock', 'a b', 'a;rm -rf /', '$(id)', ''])('%j is not a usable branch or ref', (name) => {
    expect(isSafeBranch(name)).toBe(false);
    expect(isSafeRef(name)).toBe(false);
  });

  it.each(['main', 'release/2026.1', 'HEAD', 'HEAD~1', 'origin/main', '0123abc'])('%s is', (name) => {
    expect(isSafeRef(name)).toBe(true);
  });
});

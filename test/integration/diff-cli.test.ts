/** `infraforge diff` on real git history: markdown by default, a plain unified diff on request. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { git, type Origin, makeOrigin } from '../support/git.js';
import { claim, REPO_ROOT } from '../support/repo.js';

const CLI = path.join(REPO_ROOT, 'dist/cli.js');
let origin: Origin;
afterEach(() => origin?.cleanup());

describe('infraforge diff', () => {
  it('compares the work tree with a base commit, leaving the work tree alone', () => {
    origin = makeOrigin({ 'deployments/dev/shop.yaml': claim('shop') });
    const ws = origin.clone();
    execFileSync(process.execPath, [CLI, 'render'], { cwd: ws });
    git(ws, 'add', '-A');
    git(ws, 'commit', '-qm', 'render');
    const edited = claim('shop').replace('"1.0.0"', '"1.2.0"');
    execFileSync('bash', ['-c', `cat > deployments/dev/shop.yaml`], { cwd: ws, input: edited });
    const unified = execFileSync(process.execPath, [CLI, 'diff', '--base', 'HEAD', '--format', 'unified'], { cwd: ws, encoding: 'utf8' });
    expect(unified).toContain('--- a/rendered/dev/shop/api/values.yaml');
    expect(unified).toContain('-  tag: "1.0.0"\n+  tag: "1.2.0"');
    const markdown = execFileSync(process.execPath, [CLI, 'diff', '--base', 'HEAD'], { cwd: ws, encoding: 'utf8' });
    expect(markdown).toContain('| `dev` | `shop` | — | — | `api` | +1 −1 |');
    // Nothing was written: rendered/ is still the committed render, and no worktree is left behind.
    expect(git(ws, 'status', '--porcelain')).toBe('M deployments/dev/shop.yaml');
    expect(git(ws, 'worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('refuses a base that could be read as an option', () => {
    origin = makeOrigin({ 'deployments/dev/shop.yaml': claim('shop') });
    const ws = origin.clone();
    let code = 0;
    try {
      execFileSync(process.execPath, [CLI, 'diff', '--base=--upload-pack=touch /tmp/pwned'], { cwd: ws, stdio: 'pipe' });
    } catch (error) {
      code = (error as { status: number }).status;
    }
    expect(code).toBe(2); // a bad flag value is invalid input
  });
});

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

  it("--format comment prints the pull request comment, cut to GitHub's limit, where markdown prints everything", () => {
    // 60 claims whose every changed line differs: no grouping can fold them into one.
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`deployments/dev/shop-${i}.yaml`] = claim(`shop-${i}`).replace('Shop Team', `Team ${i}`).replace('"1.0.0"', `"1.0.0"\n      env:\n        - { name: NOTE, value: "${'x'.repeat(1500)}-${i}" }`);
    origin = makeOrigin(files);
    const ws = origin.clone();
    execFileSync(process.execPath, [CLI, 'render'], { cwd: ws });
    git(ws, 'add', '-A');
    git(ws, 'commit', '-qm', 'render');
    for (const [file, text] of Object.entries(files)) execFileSync('bash', ['-c', `cat > ${file}`], { cwd: ws, input: text.replace(/-(\d+)" \}/, '-$1-v2" }') });
    const run = (format: string) => execFileSync(process.execPath, [CLI, 'diff', '--base', 'HEAD', '--no-manifests', '--format', format], { cwd: ws, encoding: 'utf8', maxBuffer: 1 << 26 });
    const markdown = run('markdown');
    const comment = run('comment');
    expect(markdown.length).toBeGreaterThan(65_536);
    expect(markdown).toContain('shop-59');
    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(comment).toContain("Cut to fit GitHub's comment limit (65,536 characters)");
    // The summary comes first and is whole: every claim is counted there.
    expect(comment).toContain('**60 unit(s)** in 60 claim(s)');
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

/**
 * The CLI explains itself: help on every command with each flag and its default, a version,
 * exit 2 with a plain message for a missing environment, root or base, wording that is true
 * for each command, and `chart package` writing where it says.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_HELP } from '../../src/cli/help.js';
import { git, type Origin, makeOrigin } from '../support/git.js';
import { claim, cli, REPO_ROOT, type TempRepo, tempRepo } from '../support/repo.js';

let repo: TempRepo | undefined;
let origin: Origin | undefined;
afterEach(() => {
  repo?.cleanup();
  origin?.cleanup();
  repo = origin = undefined;
});

describe('help and version', () => {
  it.each([['render'], ['validate'], ['diff'], ['chart', 'package'], ['chart', 'publish']])('infraforge %s %s --help describes every flag with its default', async (...argv) => {
    const help = ALL_HELP.find((h) => h.name === argv.join(' '))!;
    for (const flag of ['--help', '-h']) {
      const run = await cli(REPO_ROOT, ...argv, flag);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^usage: infraforge ${argv.join(' ')} `));
      for (const [name, f] of Object.entries(help.flags)) {
        const line = run.stdout.split('\n').find((l) => l.trimStart().startsWith(`--${name} `) || l.trim() === `--${name}`);
        expect(line, `--${name} in ${argv.join(' ')} --help`).toBeDefined();
        expect(line).toContain(f.help);
        if (f.default) expect(line).toContain(`default: ${f.default}`);
      }
    }
  });

  it('chart publish documents --plain-http', async () => {
    expect((await cli(REPO_ROOT, 'chart', 'publish', '--help')).stdout).toMatch(/--plain-http +talk to the registry over http/);
  });

  it('--version prints the package version', async () => {
    const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-V']) expect(await cli(REPO_ROOT, flag)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('an unknown flag names the command and points at its help', async () => {
    const run = await cli(REPO_ROOT, 'render', '--bogus');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("infraforge render: Unknown option '--bogus'");
    expect(run.stderr).toContain('infraforge render --help');
  });
});

describe('errors that concern no file', () => {
  it('an unknown environment exits 2 listing the environments that exist, writing nothing', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim('shop'), 'deployments/prod/shop.yaml': claim('shop', 'prod') });
    const run = await cli(repo.root, 'render', '--env', 'qa');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('--env qa: there is no deployments/qa/ (environments: dev, prod)\ninfraforge render: 1 problem; nothing was written\n');
    expect(repo.snapshot()).toEqual({});
  });

  it('--root that does not exist says so, not something about Chart.yaml', async () => {
    const run = await cli(REPO_ROOT, 'validate', '--root', '/nonexistent/infraforge');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^--root \/nonexistent\/infraforge: no such directory/);
    expect(run.stderr).not.toContain('Chart.yaml');
  });

  it('no problem is printed with a made-up position', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim('shop') });
    const runs = [await cli(repo.root, 'render', '--env', 'Bad_Env'), await cli(repo.root, 'diff', '--format', 'html'), await cli(repo.root, 'chart', 'nothing')];
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).not.toMatch(/:1:1:/);
    }
  });
});

describe('wording true for each command', () => {
  it('validate does not claim to have written nothing; render does', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim('Shop') });
    const validate = await cli(repo.root, 'validate');
    expect(validate.stderr).toMatch(/infraforge validate: 1 problem\n$/);
    expect((await cli(repo.root, 'render')).stderr).toMatch(/infraforge render: 1 problem; nothing was written\n$/);
  });

  it('a stale render --check lists what is out of date without saying "written"', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim('shop') });
    const run = await cli(repo.root, 'render', '--check');
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/written,/);
    expect(run.stdout).toContain('out of date: rendered/dev/shop/api/values.yaml');
    // applicationset, appproject, api/values and the environment's namespaces.yaml
    expect(run.stdout).toMatch(/4 to write, 0 to delete, 0 up to date; nothing was written\n$/);
    expect(await cli(repo.root, 'render')).toMatchObject({ code: 0 });
    expect((await cli(repo.root, 'render', '--check')).stdout).toBe('rendered/ is up to date (4 files)\n');
  });
});

describe('diff', () => {
  it('names the work tree as the head instead of repeating the base commit', async () => {
    origin = makeOrigin({ 'deployments/dev/shop.yaml': claim('shop') });
    const ws = origin.clone();
    const head = git(ws, 'rev-parse', 'HEAD');
    const run = await cli(ws, 'diff', '--no-manifests');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Rendered \`${head.slice(0, 12)}\` → the work tree.`);
    expect(run.stdout.split(head.slice(0, 12))).toHaveLength(2);
  });

  it('--base of an unknown ref exits 2 with a clear message and does not fetch', async () => {
    origin = makeOrigin({ 'deployments/dev/shop.yaml': claim('shop') });
    const ws = origin.clone();
    // A remote that cannot be reached: any fetch would fail with exit 3.
    git(ws, 'remote', 'set-url', 'origin', path.join(origin.dir, 'gone.git'));
    const run = await cli(ws, 'diff', '--base', 'nosuchref');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--base "nosuchref" is not a commit, branch or tag in');
    expect(run.stderr).toContain('diff does not fetch');
  });
});

describe('chart package', () => {
  it('writes outside the repository by default and prints where', async () => {
    origin = makeOrigin({});
    const ws = origin.clone();
    const run = await cli(ws, 'chart', 'package');
    expect(run.code, run.stderr).toBe(0);
    const file = /^wrote (\S+) sha256:[0-9a-f]{64}\n$/.exec(run.stdout)?.[1];
    expect(file).toBeDefined();
    expect(path.isAbsolute(file!)).toBe(true);
    expect(path.relative(ws, file!).startsWith('..')).toBe(true);
    expect(existsSync(file!)).toBe(true);
    expect(git(ws, 'status', '--porcelain')).toBe('');
    rmSync(path.dirname(file!), { recursive: true, force: true });
  });

  it('writes to --out when given', async () => {
    origin = makeOrigin({});
    const ws = origin.clone();
    const run = await cli(ws, 'chart', 'package', '--out', 'build');
    expect(run.stdout).toMatch(/^wrote build\/common-[0-9.]+\.tgz sha256:/);
  });
});

/**
 * The action's `diff` command on pull requests, run as a runner runs it, on real git history,
 * against the local GitHub stand-in (checked against GitHub's OpenAPI description).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMENT_MARKER, GITHUB_COMMENT_LIMIT } from '../../src/diff/markdown.js';
import { measuredBudget } from '../support/budget.js';
import { type Origin, makeOrigin } from '../support/git.js';
import { type FakeGitHub, startGitHub } from '../support/github-server.js';
import { CHART_VERSION, claim, cli } from '../support/repo.js';
import { git } from '../support/git.js';
import { runAction } from '../support/runner.js';

const WRITE = 'ghs_write_token_000000000000000000000';
const READ = 'ghs_read_token_0000000000000000000000';
const BOT = 'github-actions[bot]';

let origin: Origin;
let github: FakeGitHub;
beforeEach(async () => {
  github = await startGitHub({ [WRITE]: { login: BOT, write: true }, [READ]: { login: BOT, write: false } });
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.stop();
  origin?.cleanup();
});

function claims(n: number, version = '1.0.0', extra = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`deployments/dev/c${i}.yaml`] = claim(`c${i}`).replace('Shop Team', `Team ${i}`).replace('"1.0.0"', `"${version}"`) + extra;
  return files;
}

interface Pr {
  base: string;
  head: string;
  workspace: string;
}

/** main with claims, then a PR commit on top; the workspace is the PR head, as actions/checkout leaves it. */
function pullRequest(baseFiles: Record<string, string>, headChanges: Record<string, string | null>): Pr {
  origin = makeOrigin(baseFiles);
  const base = origin.tip();
  const head = origin.commit(headChanges, 'the PR');
  return { base, head, workspace: origin.clone(head) };
}

/** As pullRequest, with main's rendered/ committed (by the CLI) before the PR branches off. */
async function pullRequestOnRendered(baseFiles: Record<string, string>, headChanges: (ws: string) => Record<string, string | null>): Promise<Pr> {
  origin = makeOrigin(baseFiles);
  const ws = origin.clone();
  const render = await cli(ws, 'render');
  if (render.code !== 0) throw new Error(render.stderr);
  git(ws, 'add', '-A');
  git(ws, 'commit', '-qm', 'render');
  git(ws, 'push', '-q', 'origin', 'HEAD:main');
  const base = origin.tip();
  const head = origin.commit(headChanges(ws), 'the PR');
  return { base, head, workspace: origin.clone(head) };
}

function event(pr: Pr, fork = false) {
  return {
    number: 7,
    pull_request: {
      number: 7,
      base: { sha: pr.base, repo: { full_name: 'acme/platform' } },
      head: { sha: pr.head, repo: { full_name: fork ? 'someone/platform' : 'acme/platform' } },
    },
    repository: { full_name: 'acme/platform' },
  };
}

const RUN_URL = 'https://github.com/acme/platform/actions/runs/4242';

async function diff(pr: Pr, token = WRITE, fork = false, extraEnv: Record<string, string> = {}) {
  return runAction({
    workspace: pr.workspace,
    eventName: 'pull_request',
    event: event(pr, fork),
    ref: 'refs/pull/7/merge',
    sha: pr.head,
    inputs: { command: 'diff', token },
    extraEnv: { GITHUB_API_URL: github.url, GITHUB_RUN_ID: '4242', ...extraEnv },
  });
}

const writes = () => github.requests.filter((r) => r.method !== 'GET');

const HUGE = 300;
/**
 * The huge PR's budget, from a tenth of its work measured here and now: a fork PR (no API
 * calls) changing HUGE/10 claims. Rendering and the templating of every changed unit both scale
 * with the claims, so the huge run is about ten samples.
 */
const HUGE_PR_BUDGET = await measuredBudget(async () => {
  const n = HUGE / 10;
  const sample = makeOrigin(claims(n));
  try {
    const base = sample.tip();
    const head = sample.commit(claims(n, '9.9.9'), 'the PR');
    const run = await runAction({ workspace: sample.clone(head), eventName: 'pull_request', event: event({ base, head, workspace: '' }, true), sha: head, inputs: { command: 'diff' } });
    if (run.code !== 0) throw new Error(`calibration run failed: ${run.stdout}${run.stderr}`);
  } finally {
    sample.cleanup();
  }
}, 10);

describe('diff on a pull request', () => {
  it('posts one comment with the summary and the diff, then updates nothing when nothing changed', async () => {
    const pr = pullRequest(claims(2), { 'deployments/dev/c1.yaml': claims(2, '1.1.0')['deployments/dev/c1.yaml']! });
    const run = await diff(pr);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(github.comments).toHaveLength(1);
    const body = github.comments[0]!.body;
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(body).toContain('| `dev` | `c1` | — | — | `api` | +1 −1 |');
    expect(body).toContain('-  tag: "1.0.0"\n+  tag: "1.1.0"');
    expect(run.outputs['comment-url']).toBe(`https://github.com/acme/platform/pull/7#issuecomment-${github.comments[0]!.id}`);
    expect(JSON.parse(run.outputs['changed-files']!)).toEqual(['rendered/dev/c1/api/values.yaml']);
    expect(run.summary).toContain('rendered/dev/c1/api/values.yaml');

    const again = await diff(pr);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('comment unchanged');
    expect(writes().map((r) => r.method)).toEqual(['POST']);
  });

  it('finds its comment on page 2 behind 120 others and edits it in place', async () => {
    const pr = pullRequest(claims(1), { 'deployments/dev/c0.yaml': claims(1, '2.0.0')['deployments/dev/c0.yaml']! });
    for (let i = 0; i < 120; i++) github.addComment(7, i % 2 ? 'octocat' : 'reviewer', i === 5 ? `quoting ${COMMENT_MARKER} is not enough` : `comment ${i}`);
    const mine = github.addComment(7, BOT, `${COMMENT_MARKER}\nstale`);
    const run = await diff(pr);
    expect(run.code, run.stdout).toBe(0);
    expect(github.comments).toHaveLength(121);
    expect(mine.body).toContain('tag: "2.0.0"');
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /repos/acme/platform/issues/comments/${mine.id}`]);
    const pages = github.requests.filter((r) => r.method === 'GET').map((r) => [r.query.get('per_page'), r.query.get('page') ?? '1']);
    expect(pages).toEqual([
      ['100', '1'],
      ['100', '2'],
    ]);
  });

  it('keeps a huge PR within 65,536 characters, summary first, cut between sections, the full diff linked and in the diff-file', async () => {
    // Every claim changed differently (nothing to group): far more than a comment holds.
    const base = claims(HUGE);
    const head: Record<string, string> = {};
    for (const [i, [file, text]] of Object.entries(claims(HUGE, '9.9.9')).entries()) head[file] = `${text}      env:\n        - name: BIG\n          value: "${i * 7919}${'x'.repeat(300)}"\n`;
    const pr = pullRequest(base, head);
    const temp = mkdtempSync(path.join(tmpdir(), 'infraforge-runner-temp-'));
    try {
      const run = await diff(pr, WRITE, false, { RUNNER_TEMP: temp });
      expect(run.code, run.stdout).toBe(0);
      const body = github.comments[0]!.body;
      expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
      expect(body).toContain(`**${HUGE} unit(s)** in ${HUGE} claim(s) (\`dev\`: ${HUGE}): 0 added, 0 removed, ${HUGE} changed`);
      expect(body).toContain('| `dev` | `c0` |');
      expect(body).toMatch(new RegExp(`left out ${HUGE / 2} of ${HUGE} rows of the claim table, \\d+ of ${HUGE} file changes, ${HUGE} of ${HUGE} object changes\\.`));
      expect(body).toContain(`The full diff: [this run's job summary and its artifact (the step's \`diff-file\`)](${RUN_URL}).`);
      expect(body.split('\n> [!NOTE]\n')[0]!.endsWith('</details>\n')).toBe(true);
      expect(JSON.parse(run.outputs['changed-files']!)).toHaveLength(HUGE);
      // The full diff: in the file the workflow uploads, and (it fits in 1 MiB) in the job summary and the output.
      const file = run.outputs['diff-file']!;
      expect(path.dirname(file)).toBe(path.join(temp, 'infraforge-diff'));
      const full = readFileSync(file, 'utf8');
      expect(full.split('<details><summary><code>rendered/dev/').length - 1).toBe(HUGE);
      expect(full).toContain(`rendered/dev/c${HUGE - 1}/api/values.yaml`);
      expect(full).not.toContain('[!NOTE]');
      expect(run.summary).toContain(full);
      expect(run.outputs.diff!.trimEnd()).toBe(full.trimEnd());
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }, HUGE_PR_BUDGET);

  it('the same change in every claim is said once in the comment, the claims listed in a fold', async () => {
    const pr = pullRequest(claims(HUGE / 10), claims(HUGE / 10, '2.0.0'));
    const run = await diff(pr);
    expect(run.code, run.stdout).toBe(0);
    const body = github.comments[0]!.body;
    const n = HUGE / 10;
    expect(body).toContain(`**1 distinct change(s)** to ${n} file(s) of \`rendered/\``);
    expect(body).toContain(`<details><summary>The same change in ${n} values files (changed, +1 −1 each), shown for <code>rendered/dev/c0/api/values.yaml</code></summary>`);
    expect(body).toContain('-  tag: "1.0.0"\n+  tag: "2.0.0"');
    expect(body).toContain(`<details><summary>All ${n} values files</summary>`);
    expect(body).toContain('rendered/dev/c1/api/values.yaml');
    expect(body).toContain('… and 10 more (the full diff lists every one)');
  });

  it('fences backticks, HTML and @mentions so they do nothing', async () => {
    const nasty = '"```</details><img src=x onerror=alert(1)> @octocat ````"';
    const pr = pullRequest(claims(1), { 'deployments/dev/c0.yaml': `${claims(1)['deployments/dev/c0.yaml']}      env:\n        - name: NOTE\n          value: ${nasty}\n` });
    const run = await diff(pr);
    expect(run.code, run.stdout).toBe(0);
    const body = github.comments[0]!.body;
    // The fence is longer than any backtick run inside it, and everything from the claim is inside a fence.
    expect(body).toMatch(/\n`{5,}diff\n/);
    const outside = body.replace(/(`{5,})diff\n[\s\S]*?\n\1/g, '');
    expect(outside).not.toContain('@octocat');
    expect(outside).not.toContain('<img');
  });

  it('a read-only token: a warning, no comment, the step still passes', async () => {
    const pr = pullRequest(claims(1), { 'deployments/dev/c0.yaml': claims(1, '1.0.1')['deployments/dev/c0.yaml']! });
    const run = await diff(pr, READ);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/::warning::the token may not comment on the pull request \(HTTP 403\)/);
    expect(github.comments).toHaveLength(0);
    expect(JSON.parse(run.outputs['changed-files']!)).toHaveLength(1);
  });

  it('a fork PR: no API call at all, a warning, validation still runs', async () => {
    const pr = pullRequest(claims(1), { 'deployments/dev/c0.yaml': claims(1, '1.0.1')['deployments/dev/c0.yaml']! });
    const run = await diff(pr, READ, true);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::warning::pull request from a fork');
    expect(github.requests).toHaveLength(0);

    const bad = pullRequest(claims(1), { 'deployments/dev/c0.yaml': claim('c0').replace('port: 8080\n      healthCheck', 'port: x\n      healthCheck') });
    const failed = await diff(bad, READ, true);
    expect(failed.code).toBe(2);
    expect(failed.stdout).toContain('::error title=schema-type,file=deployments/dev/c0.yaml,line=15,col=17::');
  });

  it('a removed app is called out before anything else', async () => {
    const two = claims(1)['deployments/dev/c0.yaml']! + '    - name: worker\n      version: "1.0.0"\n';
    const pr = pullRequest({ 'deployments/dev/c0.yaml': two }, { 'deployments/dev/c0.yaml': claims(1)['deployments/dev/c0.yaml']! });
    const run = await diff(pr);
    expect(run.code).toBe(0);
    const body = github.comments[0]!.body;
    expect(body).toContain('> [!CAUTION]');
    expect(body).toContain('**removes 1 app(s)/component(s)**');
    expect(body).toContain('> - `dev/c0/worker` removed or disabled: Argo CD will delete the Application `c0-worker` and the Kubernetes objects it deployed');
    expect(body.indexOf('[!CAUTION]')).toBeLessThan(body.indexOf('<details>'));
  });

  it('a renamed claim with a database: the comment says the old Cluster is kept and who takes it over', async () => {
    const db = '  components:\n    - type: postgresql\n      name: db\n';
    const before = claim('shop', 'dev', db);
    const pr = pullRequest({ 'deployments/dev/shop.yaml': before }, { 'deployments/dev/shop.yaml': before.replace('name: shop', 'name: store') });
    const run = await diff(pr);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const body = github.comments[0]!.body;
    expect(body).toContain("Kept**, with their data: `db`'s CloudNativePG `Cluster` (`Delete=false`) — delete them by hand when the data can go.");
    expect(body).toContain('> - claim `dev/shop` removed and `dev/store` added, sharing the units `api`, `db`: probably a rename.');
    expect(body).toContain('in the same namespace the new Applications take over the kept data resources');
    expect(body).toContain('**if the namespace changes, the new components start empty**');
  });

  it('fails a PR that changes rendered/ by hand: exit 2, an annotation per file, and the comment says it first', async () => {
    const values = 'rendered/dev/c0/api/values.yaml';
    let tagLine = 0;
    const pr = await pullRequestOnRendered(claims(1), (ws) => {
      const original = readFileSync(path.join(ws, values), 'utf8');
      tagLine = original.split('\n').findIndex((l) => l.includes('tag: "1.0.0"')) + 1;
      return {
        [values]: original.replace('tag: "1.0.0"', 'tag: "6.6.6"'),
        // What issue 18 found: a file no claim produces, which the root Application would apply.
        'rendered/dev/x/applicationset.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: everyone-admin\n',
      };
    });
    expect(tagLine).toBeGreaterThan(1);
    const run = await diff(pr);
    expect(run.code, run.stdout).toBe(2);
    expect(run.stdout).toContain(`::error title=rendered-edited,file=${values},line=${tagLine},col=1::this change edits a file the renderer writes`);
    expect(run.stdout).toContain('::error title=rendered-added,file=rendered/dev/x/applicationset.yaml::this change adds a file that no claim produces');
    expect(github.comments).toHaveLength(1);
    const body = github.comments[0]!.body;
    expect(body).toContain('`rendered/` was changed by hand');
    expect(body).toContain('rendered/dev/x/applicationset.yaml: this change adds a file that no claim produces');
    // Only rendered/ changed, not the claims: nothing else to say, and nothing that says "no change".
    expect(body).toContain('The claims of this change render exactly as those of the base.');
    expect(body).not.toContain('No change to `rendered/`');
    expect(run.summary).toContain('### infraforge diff failed');
  });

  it('passes a PR on a rendered main that changes only claims', async () => {
    const pr = await pullRequestOnRendered(claims(1), () => ({ 'deployments/dev/c0.yaml': claims(1, '1.0.1')['deployments/dev/c0.yaml']! }));
    const run = await diff(pr);
    expect(run.code, run.stdout).toBe(0);
    expect(github.comments[0]!.body).not.toContain('changed by hand');
  });

  it('fails when charts/common changed without a version bump', async () => {
    const pr = pullRequest(claims(1), { 'charts/common/templates/extra.yaml': '# a new template\n' });
    const run = await diff(pr);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`charts/common changed but its version is still ${CHART_VERSION}; bump version in Chart.yaml`);
    // The summary keeps the diff and then says why the step failed, and where.
    expect(run.summary).toContain('### infraforge render diff');
    expect(run.summary).toContain('### infraforge diff failed');
    expect(run.summary).toMatch(new RegExp(`^charts/common/Chart\\.yaml: charts/common changed but its version is still ${CHART_VERSION.replace(/\./g, '\\.')}`, 'm'));
  });
  describe('data safety', () => {
    const shop = (components: string, extra = '') => ({ 'deployments/dev/shop.yaml': claim('shop', 'dev', `  components:\n${components}${extra}`) });
    const CACHE = '    - { type: redis, name: cache }\n';
    const CACHE2 = '    - { type: redis, name: cache2 }\n';

    it('a data loss without an acknowledgement: the comment opens with it, the step fails at the component line', async () => {
      const pr = pullRequest(shop(CACHE), shop(CACHE2));
      const run = await diff(pr);
      expect(run.code, run.stdout + run.stderr).toBe(2);
      const body = github.comments[0]!.body;
      expect(body).toContain('#### Data safety');
      expect(body).toContain('| `dev/shop/cache2` (redis) | **data loss** |');
      // The section comes before the lifecycle warning and the per-file diff.
      expect(body.indexOf('#### Data safety')).toBeLessThan(body.indexOf('[!CAUTION]'));
      expect(run.stdout).toContain('::error title=data-loss,file=deployments/dev/shop.yaml,line=20,col=');
      expect(run.summary).toContain('### infraforge diff failed');
    });

    it('the same change acknowledged in the claim: the step passes and the comment shows the acknowledgement', async () => {
      const pr = pullRequest(shop(CACHE), shop(CACHE2, '  acknowledge:\n    - { component: cache2, change: renamed }\n'));
      const run = await diff(pr);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(github.comments[0]!.body).toContain('| `dev/shop/cache2` (redis) | **data loss** — acknowledged in `deployments/dev/shop.yaml` |');
      expect(run.stdout).not.toContain('::error');
    });

    it('a change the API server refuses after the merge fails, acknowledgement or not', async () => {
      const pr = pullRequest(shop('    - { type: redis, name: cache, storage: 1Gi }\n'), shop('    - { type: redis, name: cache, storage: 5Gi }\n', '  acknowledge:\n    - { component: cache, change: renamed }\n'));
      const run = await diff(pr);
      expect(run.code).toBe(2);
      expect(github.comments[0]!.body).toContain('| `dev/shop/cache` (redis) | **refused after merge** (API server) | `storage-grow`: ');
      expect(run.stdout).toContain('::error title=refused-after-merge,file=deployments/dev/shop.yaml,line=20,col=');
      // The acknowledgement matched nothing it may wave through.
      expect(run.stdout).toMatch(/::warning::deployments\/dev\/shop\.yaml:22:\d+: acknowledgement of renamed for cache matches no change/);
    });
  });
});

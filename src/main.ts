/**
 * The action's orchestration, and the one place where its errors become a failed step:
 * invalid input → annotations on the claim lines and exit 2; anything else → exit 3.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { type ActionSettings, getInputs } from './action/inputs.js';
import { renderAndPush } from './action/render-and-push.js';
import { actionsReporter, renderSummary, type Reporter } from './action/report.js';
import { chartVersionAt } from './chart/bump.js';
import { publish } from './chart/publish.js';
import { errorMessage, exitCodeFor, InputError } from './errors.js';
import { createGit } from './git/git.js';
import { type Rendered, renderRepository } from './pipeline.js';
import { CHART_DIR, resolveSettings } from './settings/resolve.js';
import { diffAgainst } from './diff/diff.js';
import { COMMENT_MARKER, commentMarkdown, fullMarkdown } from './diff/markdown.js';
import { githubCommentsApi, ReadOnlyTokenError } from './github/comments-api.js';
import { upsertSticky } from './github/sticky.js';

export interface ActionContext {
  env: Record<string, string | undefined>;
  reporter: Reporter;
}

export async function run(context: ActionContext = { env: process.env, reporter: actionsReporter }): Promise<void> {
  const { reporter } = context;
  try {
    const settings = getInputs(context.env);
    switch (settings.command) {
      case 'render':
        await runRender(settings, context);
        break;
      case 'publish-chart':
        await runPublishChart(settings, context);
        break;
      case 'diff':
        await runDiff(settings, context);
        break;
    }
  } catch (error) {
    if (error instanceof InputError) reporter.annotate(error.problems);
    core.setFailed(error instanceof InputError ? `${error.problems.length} problem(s) in the input; nothing was written or pushed` : errorMessage(error));
    process.exitCode = exitCodeFor(error);
  }
}

/** refs/heads/main → main; tags and pull-request refs have no branch to push to. */
export function branchOf(ref: string | undefined): string | undefined {
  return ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

async function runRender(settings: ActionSettings, { env, reporter }: ActionContext): Promise<void> {
  const git = createGit(settings.workspace);
  const branch = branchOf(env.GITHUB_REF);
  if (settings.push && !branch) reporter.info(`${env.GITHUB_REF ?? 'this ref'} is not a branch: rendering without pushing`);
  let last: (Rendered & { written: string[]; deleted: string[] }) | undefined;

  const result = await reporter.group('render', () =>
    renderAndPush({
      git,
      branch,
      commit: settings.commit,
      push: settings.push,
      author: settings.author,
      maxAttempts: settings.maxAttempts,
      log: (line) => reporter.info(line),
      render: async () => {
        const r = await renderRepository({
          root: settings.workspace,
          envs: settings.environments,
          overrides: { allowDeletions: settings.allowDeletions, ...(settings.imageOwner ? { imageOwner: settings.imageOwner } : {}) },
          env,
        });
        last = { ...r.rendered, written: r.written, deleted: r.deleted };
        reporter.info(`${r.written.length} written, ${r.deleted.length} deleted, ${r.unchanged} unchanged`);
        return r;
      },
    }),
  );

  reporter.output('changed', String(result.changedFiles.length > 0 && result.action !== 'none'));
  reporter.output('changed-files', JSON.stringify(result.changedFiles));
  reporter.output('commit-sha', result.commitSha ?? '');
  reporter.output('source-sha', result.sourceSha);
  reporter.output('comment-url', '');
  reporter.output('chart-version', last?.settings.chart.version ?? '');
  reporter.output('chart-published', 'false');
  const headline =
    result.action === 'pushed'
      ? `Pushed ${result.commitSha} with ${result.changedFiles.length} changed file(s) after ${result.attempts} attempt(s).`
      : result.action === 'committed'
        ? `Committed ${result.commitSha} (not pushed).`
        : result.changedFiles.length
          ? `${result.changedFiles.length} file(s) changed; not committed (commit: false).`
          : 'rendered/ already matches the claims; nothing to commit.';
  if (last) await reporter.summary(renderSummary({ written: last.written, deleted: last.deleted, files: last.files }, headline));
}


/** Package and publish charts/common when its version is new; a no-op when it is already there. */
async function runPublishChart(settings: ActionSettings, { env, reporter }: ActionContext): Promise<void> {
  const root = settings.workspace;
  // The same location the ApplicationSets pin: one source of truth.
  const registry = settings.chartRegistry || (await resolveSettings(root, {}, env)).chart.repository;
  const credentials = settings.token ? { username: env.GITHUB_ACTOR || 'x-access-token', password: settings.token } : undefined;
  const outcome = await reporter.group('publish chart', () =>
    publish({ chartDir: path.join(root, CHART_DIR), displayDir: CHART_DIR, registry, plainHttp: settings.plainHttp, dryRun: false, credentials, log: (l) => reporter.info(l) }),
  );
  const before = pushEventBefore(env);
  const previous = before ? await chartVersionAt(createGit(root), before, CHART_DIR).catch(() => undefined) : undefined;
  const version = outcome.pkg.meta.version;
  const bump = previous === undefined ? `version ${version}` : previous === version ? `version ${version} unchanged` : `bumped from ${previous} to ${version}`;
  const published = outcome.result?.status === 'published';
  reporter.info(`${bump}; ${published ? 'published' : 'already published'} ${outcome.result?.target.display ?? ''} ${outcome.result?.manifestDigest ?? ''}`);
  reporter.output('chart-version', version);
  reporter.output('chart-published', String(published));
  reporter.output('chart-digest', outcome.result?.manifestDigest ?? '');
  reporter.output('changed', 'false');
  reporter.output('changed-files', '[]');
  reporter.output('commit-sha', '');
  reporter.output('comment-url', '');
  await reporter.summary(
    `### infraforge publish-chart\n\n| chart | version | change | status | digest |\n|---|---|---|---|---|\n| \`${outcome.pkg.meta.name}\` | ${version} | ${bump} | ${published ? 'published' : 'already published (same content)'} | \`${outcome.result?.manifestDigest ?? ''}\` |\n`,
  );
}

/** The `before` commit of a push event, when the event file has one. */
function pushEventBefore(env: Record<string, string | undefined>): string | undefined {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    const before = (JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { before?: unknown }).before;
    return typeof before === 'string' && /^[0-9a-f]{40}$/.test(before) && !/^0+$/.test(before) ? before : undefined;
  } catch {
    return undefined;
  }
}

interface PullRequestEvent {
  number?: number;
  pull_request?: { number: number; base: { sha: string; repo?: { full_name?: string } }; head: { sha: string; repo?: { full_name?: string } | null } };
  repository?: { full_name?: string };
}

function readEvent(env: Record<string, string | undefined>): PullRequestEvent {
  try {
    return env.GITHUB_EVENT_PATH ? (JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as PullRequestEvent) : {};
  } catch {
    return {};
  }
}

/** Render base and head, report the difference, keep one sticky comment on the pull request. */
async function runDiff(settings: ActionSettings, { env, reporter }: ActionContext): Promise<void> {
  const event = readEvent(env);
  const pr = event.pull_request;
  const baseRef = settings.base || pr?.base.sha || 'HEAD~1';
  const result = await reporter.group('render base and head', () =>
    diffAgainst({ root: settings.workspace, git: createGit(settings.workspace), baseRef, env, log: (l) => reporter.info(l) }),
  );
  const full = fullMarkdown(result.report);
  reporter.output('changed', String(result.changes.length > 0));
  reporter.output('changed-files', JSON.stringify(result.changes.map((c) => c.path)));
  reporter.output('diff', full);
  reporter.output('commit-sha', '');
  await reporter.summary(full);

  let url = '';
  if (!pr) {
    reporter.info('not a pull_request event: no comment');
  } else if (pr.head.repo?.full_name && pr.base.repo?.full_name && pr.head.repo.full_name !== pr.base.repo.full_name) {
    reporter.warning('pull request from a fork: the token is read-only, so no comment is posted (validation and the diff above still ran). See the README for the workflow_run pattern that comments on fork PRs safely.');
  } else {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo) throw new Error('GITHUB_REPOSITORY is not set');
    const comment = commentMarkdown(result.report);
    if (comment.truncated) reporter.info(`the comment shows ${comment.shownFiles} of ${result.changes.length} changed files; the job summary has all of them`);
    try {
      const api = githubCommentsApi(settings.token, { owner, repo, issueNumber: pr.number }, env.GITHUB_API_URL ?? 'https://api.github.com');
      const sticky = await upsertSticky(api, comment.body, COMMENT_MARKER, settings.commentAuthor);
      reporter.info(`comment ${sticky.action}: ${sticky.url}`);
      url = sticky.url;
    } catch (error) {
      if (!(error instanceof ReadOnlyTokenError)) throw error;
      reporter.warning(`${error.message}: skipping the PR comment (validation and the diff still ran)`);
    }
  }
  reporter.output('comment-url', url);
  if (result.chartProblem) throw new InputError([result.chartProblem]);
}

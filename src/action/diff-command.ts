/** The action's `diff`: render base and head, report the difference, one sticky PR comment. */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diffAgainst } from '../diff/diff.js';
import { COMMENT_MARKER, commentMarkdown, type FullDiffPlace, fullMarkdown, jobSummaryMarkdown } from '../diff/markdown.js';
import { formatProblem, InputError, sortProblems } from '../errors.js';
import { createGit } from '../git/git.js';
import { githubCommentsApi, ReadOnlyTokenError } from '../github/comments-api.js';
import { upsertSticky } from '../github/sticky.js';
import type { ActionContext } from './context.js';
import { type ActionSettings, registryEnv } from './inputs.js';

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
export async function runDiff(settings: ActionSettings, { env, reporter }: ActionContext): Promise<void> {
  const event = readEvent(env);
  const pr = event.pull_request;
  const baseRef = settings.base || pr?.base.sha || 'HEAD~1';
  const result = await reporter.group('render base and head', () =>
    diffAgainst({
      root: settings.workspace,
      git: createGit(settings.workspace),
      baseRef,
      env: registryEnv(settings, env),
      verifyImages: settings.verifyImages,
      allowUnmanaged: settings.allowUnmanaged,
      log: (l) => reporter.info(l),
    }),
  );
  const place = fullDiffPlace(env);
  const diffFile = await writeFullDiff(fullMarkdown(result.report), env);
  // One output holds at most 1 MB and the job summary 1 MiB: both get what fits, and say where the rest is.
  const summary = jobSummaryMarkdown(result.report, place);
  if (summary.truncated) reporter.info(`the job summary was cut to GitHub's 1 MiB; ${diffFile} has the full diff`);
  reporter.output('changed', String(result.changes.length > 0));
  reporter.output('changed-files', JSON.stringify(result.changes.map((c) => c.path)));
  reporter.output('diff', summary.body);
  reporter.output('diff-file', diffFile);
  reporter.output('commit-sha', '');
  await reporter.summary(summary.body);

  let url = '';
  if (!pr) {
    reporter.info('not a pull_request event: no comment');
  } else if (pr.head.repo?.full_name && pr.base.repo?.full_name && pr.head.repo.full_name !== pr.base.repo.full_name) {
    reporter.warning('pull request from a fork: the token is read-only, so no comment is posted (validation and the diff above still ran). See the README for the workflow_run pattern that comments on fork PRs safely.');
  } else {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo) throw new Error('GITHUB_REPOSITORY is not set');
    const comment = commentMarkdown(result.report, place);
    if (comment.truncated) reporter.info(`the comment left out ${comment.leftOut.map((l) => `${l.omitted} of ${l.total} ${l.label}`).join(', ')}; the job summary and ${diffFile} have the rest`);
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
  for (const p of result.safety.stale) reporter.warning(formatProblem(p));
  // After the comment, so the pull request shows why the check fails; main.ts annotates each file.
  const problems = [...result.ownershipProblems, result.chartProblem, result.codeownersProblem].filter((p) => p !== undefined);
  problems.push(...result.safety.reviewProblems);
  if (problems.length) throw new InputError(sortProblems(problems));
}

/** The run's page: its job summary and its artifacts, where the comment sends a reader for the rest. */
function fullDiffPlace(env: Record<string, string | undefined>): FullDiffPlace {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? { runUrl: `${server}/${repo}/actions/runs/${run}` } : {};
}

/** The full diff as a file the workflow uploads as an artifact (the `diff-file` output). */
async function writeFullDiff(markdown: string, env: Record<string, string | undefined>): Promise<string> {
  const dir = path.join(env.RUNNER_TEMP || tmpdir(), 'infraforge-diff');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'diff.md');
  await writeFile(file, markdown);
  return file;
}

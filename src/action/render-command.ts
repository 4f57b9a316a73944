/** The action's `render`: render, commit only what changed, push (see render-and-push.ts). */
import { createGit } from '../git/git.js';
import { INDEX_PATH } from '../io/render-index/index.js';
import { type Rendered, renderRepository } from '../pipeline.js';
import type { ActionContext } from './context.js';
import { type ActionSettings, registryEnv } from './inputs.js';
import { renderAndPush } from './render-and-push.js';
import { renderSummary } from './report.js';

/** refs/heads/main → main; tags and pull-request refs have no branch to push to. */
export function branchOf(ref: string | undefined): string | undefined {
  return ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

export async function runRender(settings: ActionSettings, { env, reporter }: ActionContext): Promise<void> {
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
          env: registryEnv(settings, env),
          verifyImages: settings.verifyImages,
          verifyChart: settings.verifyChart,
          allowUnmanaged: settings.allowUnmanaged,
          useIndex: true,
          log: (line) => reporter.info(line),
        });
        for (const f of r.unmanaged) reporter.warning(`${f}: left alone (allow-unmanaged): no claim produces it and infraforge did not write it`);
        last = { ...r.rendered, written: r.written, deleted: r.deleted };
        reporter.info(`${r.written.length} written, ${r.deleted.length} deleted, ${r.unchanged} unchanged`);
        // The render index is committed with the files it describes.
        return r.indexWritten ? { ...r, written: [...r.written, INDEX_PATH].sort() } : r;
      },
    }),
  );

  // action.yml: "true when the run committed (or would commit) changes" — so commit: false counts too.
  reporter.output('changed', String(result.changedFiles.length > 0));
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
  if (last) await reporter.summary(renderSummary({ written: last.written, deleted: last.deleted, files: [...last.files, ...[...last.kept.keys()].map((p) => ({ path: p, env: '', claim: '' }))] }, headline));
}



/** The action's `publish-chart`: package and publish charts/common when its version is new. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chartVersionAt } from '../chart/bump.js';
import { publish } from '../chart/publish.js';
import { createGit } from '../git/git.js';
import { CHART_DIR, resolveSettings } from '../settings/resolve.js';
import type { ActionContext } from './context.js';
import type { ActionSettings } from './inputs.js';

/** Package and publish charts/common when its version is new; a no-op when it is already there. */
export async function runPublishChart(settings: ActionSettings, { env, reporter }: ActionContext): Promise<void> {
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


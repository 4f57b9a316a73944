/**
 * The action's orchestration, and the one place where its errors become a failed step:
 * invalid input → annotations on the claim lines and exit 2; anything else → exit 3.
 */
import * as core from '@actions/core';
import { runDiff } from './action/diff-command.js';
import { getInputs } from './action/inputs.js';
import { runPublishChart } from './action/publish-command.js';
import { runRender } from './action/render-command.js';
import { actionsReporter, type Reporter } from './action/report.js';
import { errorMessage, exitCodeFor, InputError } from './errors.js';

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

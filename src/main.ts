/**
 * The action's orchestration, and the one place where its errors become a failed step:
 * invalid input → annotations on the claim lines and exit 2; anything else → exit 3. A failed
 * run writes a job summary too (what failed, where, what to do): failures are when people
 * read it.
 */
import * as core from '@actions/core';
import type { ActionContext } from './action/context.js';
import { runDiff } from './action/diff-command.js';
import { runEnvironments } from './action/environments-command.js';
import { getInputs } from './action/inputs.js';
import { runPublishChart } from './action/publish-command.js';
import { runRender } from './action/render-command.js';
import { actionsReporter, failureSummary } from './action/report.js';
import { errorMessage, exitCodeFor, InputError } from './errors.js';

export async function run(context: ActionContext = { env: process.env, reporter: actionsReporter }): Promise<void> {
  const { reporter } = context;
  // Unknown until the inputs are read (reading them can be what fails).
  let command: string | undefined;
  let token = '';
  try {
    const settings = getInputs(context.env);
    command = settings.command;
    token = settings.token;
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
      case 'environments':
        await runEnvironments(settings, context);
        break;
    }
  } catch (error) {
    if (error instanceof InputError) reporter.annotate(error.problems);
    core.setFailed(error instanceof InputError ? `${error.problems.length} problem(s) in the input; nothing was written or pushed` : errorMessage(error));
    process.exitCode = exitCodeFor(error);
    // The summary file is not masked by the runner the way the log is: keep the token out by hand.
    const summary = failureSummary(command, error);
    await reporter.summary(token ? summary.split(token).join('***') : summary).catch((e: unknown) => reporter.warning(`could not write the job summary: ${errorMessage(e)}`));
  }
}

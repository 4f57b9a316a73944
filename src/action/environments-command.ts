/**
 * The action's `environments`: the environment folders a full render covers, as a JSON array
 * output. A workflow's first job runs it and fans out one render job per environment
 * (`matrix.environment: ${{ fromJSON(needs.<job>.outputs.environments) }}`), so a new
 * deployments/<env>/ folder is rendered without editing the workflow.
 */
import { listEnvironments } from '../pipeline.js';
import type { ActionContext } from './context.js';
import type { ActionSettings } from './inputs.js';

export async function runEnvironments(settings: ActionSettings, { reporter }: ActionContext): Promise<void> {
  const envs = await listEnvironments(settings.workspace);
  reporter.info(envs.length ? `environments: ${envs.join(', ')}` : 'no environment folders under deployments/');
  reporter.output('environments', JSON.stringify(envs));
  reporter.output('changed', 'false');
  reporter.output('changed-files', '[]');
  await reporter.summary(`### infraforge environments\n\n${envs.length ? envs.map((e) => `- \`${e}\``).join('\n') : 'No environment folders under `deployments/`.'}\n`);
}

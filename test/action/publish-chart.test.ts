/** The action's publish-chart command, run as a runner runs it, against a real registry. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELMS } from '../support/helm.js';
import { REGISTRY_BIN, type Registry, startRegistry } from '../support/registry.js';
import { CHART_VERSION, REPO_ROOT } from '../support/repo.js';
import { runAction } from '../support/runner.js';

// The action runs whatever `helm` the runner has on PATH (helm lint --strict): each Helm in turn.
describe.each(REGISTRY_BIN ? HELMS : [])('publish-chart, $label on PATH', ({ PATH }) => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(async () => registry?.stop());

  it('publishes the version once; the next run is a no-op', async () => {
    const inputs = { command: 'publish-chart', 'chart-registry': `oci://${registry.host}/charts`, 'plain-http': 'true' };
    const first = await runAction({ workspace: REPO_ROOT, inputs, extraEnv: { PATH } });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.outputs['chart-version']).toBe(CHART_VERSION);
    expect(first.outputs['chart-published']).toBe('true');
    expect(first.stdout).toContain('helm lint --strict passed'); // by this helm, first on the runner's PATH
    expect(first.outputs['chart-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    // The token is registered for masking (::add-mask::) and appears nowhere else.
    expect(first.stdout).toContain('::add-mask::ghs_testtoken0123456789');
    expect(first.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n')).not.toContain('ghs_testtoken0123456789');
    expect(first.summary).toContain(`| \`common\` | ${CHART_VERSION} |`);

    const second = await runAction({ workspace: REPO_ROOT, inputs, extraEnv: { PATH } });
    expect(second.code).toBe(0);
    expect(second.outputs['chart-published']).toBe('false');
    expect(second.outputs['chart-digest']).toBe(first.outputs['chart-digest']);
  });

  it('a registry that is down: exit 3, and the job summary says what failed and what to do', async () => {
    const run = await runAction({ workspace: REPO_ROOT, inputs: { command: 'publish-chart', 'chart-registry': 'oci://127.0.0.1:1/charts', 'plain-http': 'true' }, extraEnv: { PATH } });
    expect(run.code).toBe(3);
    expect(run.summary).toContain('### infraforge publish-chart failed');
    expect(run.summary).toContain('127.0.0.1:1');
    expect(run.summary).toContain('re-run the job');
    expect(run.outputs['chart-published']).toBeUndefined();
  });
});

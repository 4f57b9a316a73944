/**
 * The lifecycle table (README), at the Argo CD level: for each change in the claim repository,
 * render before and after with the real CLI, apply / prune like the root Application, and
 * assert what the real ApplicationSet controller (policy sync), the garbage collector and the
 * application controller do with the Applications and the AppProject. Two clusters, because
 * production has one Argo CD per environment (needed for "claim moved to another env").
 * That the deleted Applications' Deployments go and operator data CRs stay is h-loop's
 * git → Argo CD → cluster test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, type TempRepo, tempRepo } from '../support/repo.js';
import { ARGOCD_NAMESPACE, type ControlPlane, startControlPlane } from './control-plane/index.js';
import { expectedApplications, live, type Live, syncRoot, waitForApplications } from './support/argocd-state.js';
import { generatedClaim, renderOrThrow } from './support/rendered.js';

const RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io';
/** An Application made by hand in the project of a claim the test removes. */
const STRAGGLER = 'remove-claim-straggler';
const results: string[] = [];

const uids = (apps: Map<string, Live>, names: string[]) => names.map((n) => apps.get(n)?.metadata.uid);

describe('lifecycle: what Argo CD does with each change', () => {
  let dev: ControlPlane;
  let staging: ControlPlane;
  let repo: TempRepo;

  const write = (env: string, name: string, text: string) => repo.write(`deployments/${env}/${name}.yaml`, text);
  const claimFile = (env: string, name: string) => generatedClaim(name, env, `Team ${name}`);
  async function renderAndSync(...clusters: [ControlPlane, string][]): Promise<void> {
    await renderOrThrow(repo);
    for (const [cp, env] of clusters) await syncRoot(cp, repo.root, env);
  }

  beforeAll(async () => {
    repo = tempRepo();
    for (const name of ['disable', 'remove-app', 'remove-component', 'remove-claim', 'old-name', 'mover', 'bystander']) write('dev', name, claimFile('dev', name));
    write('staging', 'bystander', claimFile('staging', 'bystander'));
    [dev, staging] = await Promise.all([startControlPlane(), startControlPlane()]);
    await renderAndSync([dev, 'dev'], [staging, 'staging']);
    await waitForApplications(dev, 'dev', expectedApplications(repo.root, 'dev'), 'dev initial');
    await waitForApplications(staging, 'staging', expectedApplications(repo.root, 'staging'), 'staging initial');
  });
  afterAll(async () => {
    console.log(`lifecycle (Argo CD v3.6.1, ApplicationSet policy sync):\n| change | what Argo CD did |\n|---|---|\n${results.join('\n')}`);
    await Promise.all([dev?.stop(), staging?.stop()]);
    repo?.cleanup();
  });

  it('every Application carries the resources finalizer Argo CD added, and the AppProjects theirs', async () => {
    const apps = await live(dev, 'applications', 'dev');
    expect(apps.size).toBe(7 * 4);
    for (const app of apps.values()) expect(app.metadata.finalizers, app.metadata.name).toEqual([RESOURCES_FINALIZER]);
    for (const project of (await live(dev, 'appprojects', 'dev')).values()) expect(project.metadata.finalizers).toEqual([RESOURCES_FINALIZER]);
  });

  it('chart version bumped: every Application is updated in place', async () => {
    const before = await live(dev, 'applications', 'dev');
    const chart = repo.read('charts/common/Chart.yaml');
    const version = /^version:\s*"?([^"\s]+)"?/m.exec(chart)![1]!;
    const bumped = `${version}-e2e.1`;
    repo.write('charts/common/Chart.yaml', chart.replace(/^version:.*$/m, `version: ${bumped}`));
    await renderAndSync([dev, 'dev']);
    const after = await dev.waitFor(async () => {
      const apps = await live(dev, 'applications', 'dev');
      return [...apps.values()].every((a) => a.spec.sources[0].targetRevision === bumped) ? apps : undefined;
    }, { what: `every Application at chart ${bumped}` });
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, app] of after) expect(app.metadata.uid, name).toBe(before.get(name)!.metadata.uid);
    results.push(`| chart version bumped | all ${after.size} Applications updated in place (same uid, new targetRevision) |`);
  });

  /** One change to one claim: which Applications go, which stay untouched (same uid). */
  async function change(row: string, claim: string, edit: () => void, gone: string[], kept: string[]): Promise<void> {
    const before = await live(dev, 'applications', 'dev');
    edit();
    await renderAndSync([dev, 'dev']);
    const after = await waitForApplications(dev, 'dev', expectedApplications(repo.root, 'dev'), row);
    for (const name of gone) expect(after.has(name), name).toBe(false);
    expect(uids(after, kept)).toEqual(uids(before, kept));
    expect((await live(dev, 'appprojects', 'dev')).has(claim)).toBe(true);
    results.push(`| ${row} | Application ${gone.join(', ')} deleted by the ApplicationSet controller (resources finalizer ran); ${kept.join(', ')} kept (same uid); AppProject kept |`);
  }

  it('app `enabled: false`: its Application is deleted, the rest kept', async () => {
    await change('app `enabled: false`', 'disable',
      () => write('dev', 'disable', claimFile('dev', 'disable').replace('    - name: worker\n', '    - name: worker\n      enabled: false\n')),
      ['disable-worker'], ['disable-api', 'disable-db', 'disable-cache']);
  });

  it('app removed: its Application is deleted, the rest kept', async () => {
    await change('app removed', 'remove-app',
      () => write('dev', 'remove-app', claimFile('dev', 'remove-app').replace(/    - name: worker\n      version: "2.1"\n      replicas: 2\n/, '')),
      ['remove-app-worker'], ['remove-app-api', 'remove-app-db', 'remove-app-cache']);
  });

  it('component removed: its Application is deleted, the rest kept', async () => {
    await change('component removed', 'remove-component',
      () => write('dev', 'remove-component', claimFile('dev', 'remove-component').replace('uses: [db, cache]', 'uses: [db]').replace(/    - \{ type: redis, name: cache \}\n/, '')),
      ['remove-component-cache'], ['remove-component-api', 'remove-component-worker', 'remove-component-db']);
  });

  it('claim removed: ApplicationSet and AppProject pruned, Applications deleted, the AppProject goes last', async () => {
    const names = ['remove-claim-api', 'remove-claim-worker', 'remove-claim-db', 'remove-claim-cache'];
    // An Application of the project that no ApplicationSet owns stands for one still being
    // deleted, so "the project waits for its Applications" is observed, not raced. (A finalizer
    // of our own on a generated Application would not do: the ApplicationSet controller resets
    // finalizers to the template's.)
    const template = (await live(dev, 'applications', 'dev')).get('remove-claim-api')!;
    await dev.apply(JSON.stringify({
      apiVersion: 'argoproj.io/v1alpha1', kind: 'Application',
      metadata: { name: STRAGGLER, namespace: ARGOCD_NAMESPACE }, spec: template.spec,
    }));
    repo.remove('deployments/dev/remove-claim.yaml');
    await renderAndSync([dev, 'dev']);
    expect(repo.snapshot()['rendered/dev/remove-claim/applicationset.yaml']).toBeUndefined();

    await dev.waitFor(async () => {
      const apps = await live(dev, 'applications', 'dev');
      const sets = await live(dev, 'applicationsets', 'dev');
      const projectThere = (await live(dev, 'appprojects', 'dev')).has('remove-claim');
      // Never an Application of the claim without its project.
      if (names.some((n) => apps.has(n)) && !projectThere) throw new Error('the AppProject went before its Applications');
      return names.every((n) => !apps.has(n)) && !sets.has('remove-claim');
    }, { what: 'the claim\'s ApplicationSet and its 4 Applications deleted', timeoutMs: 120_000 });
    const project = (await live(dev, 'appprojects', 'dev')).get('remove-claim');
    expect(project?.metadata.deletionTimestamp).toBeDefined();
    expect(project?.metadata.finalizers).toContain(RESOURCES_FINALIZER);

    await dev.kubectl(['delete', 'applications', STRAGGLER, '-n', ARGOCD_NAMESPACE]);
    await dev.waitFor(async () => !(await live(dev, 'appprojects', 'dev')).has('remove-claim'), { what: 'the AppProject to go after its last Application', timeoutMs: 120_000 });
    await waitForApplications(dev, 'dev', expectedApplications(repo.root, 'dev'), 'after claim removal');
    results.push('| claim removed | root prune deleted ApplicationSet + AppProject (foreground); GC deleted the 4 Applications, each through its resources finalizer; the AppProject stayed (deletionTimestamp + finalizer) while an Application still used it, and went after the last one |');
  });

  it('claim renamed: new Applications created, old ones deleted, old AppProject gone', async () => {
    const before = await live(dev, 'applications', 'dev');
    repo.remove('deployments/dev/old-name.yaml');
    write('dev', 'new-name', claimFile('dev', 'new-name').replace('Team new-name', 'Team old-name'));
    await renderAndSync([dev, 'dev']);
    const after = await waitForApplications(dev, 'dev', expectedApplications(repo.root, 'dev'), 'rename');
    for (const unit of ['api', 'worker', 'db', 'cache']) {
      expect(after.has(`old-name-${unit}`)).toBe(false);
      expect(after.get(`new-name-${unit}`)?.metadata.finalizers).toEqual([RESOURCES_FINALIZER]);
    }
    expect(uids(after, ['bystander-api'])).toEqual(uids(before, ['bystander-api']));
    await dev.waitFor(async () => !(await live(dev, 'appprojects', 'dev')).has('old-name'), { what: 'old AppProject gone' });
    expect((await live(dev, 'appprojects', 'dev')).has('new-name')).toBe(true);
    results.push('| claim renamed | Applications new-name-* created; old-name-* deleted; AppProject old-name deleted after them, new-name created |');
  });

  it('claim moved to another environment: deleted in the old cluster, created in the new one', async () => {
    repo.remove('deployments/dev/mover.yaml');
    write('staging', 'mover', claimFile('staging', 'mover'));
    await renderAndSync([dev, 'dev'], [staging, 'staging']);
    const devApps = await waitForApplications(dev, 'dev', expectedApplications(repo.root, 'dev'), 'move: dev');
    const stagingApps = await waitForApplications(staging, 'staging', expectedApplications(repo.root, 'staging'), 'move: staging');
    expect([...devApps.keys()].some((n) => n.startsWith('mover-'))).toBe(false);
    expect(stagingApps.get('mover-api')?.spec.destination.namespace).toBe('team-mover-staging');
    await dev.waitFor(async () => !(await live(dev, 'appprojects', 'dev')).has('mover'), { what: 'mover AppProject gone from dev' });
    expect((await live(staging, 'appprojects', 'staging')).has('mover')).toBe(true);
    results.push('| claim moved dev → staging | dev cluster: mover-* Applications and AppProject deleted; staging cluster: mover-* created (namespace team-mover-staging) |');
  });

  it('the safety net: removing every claim of an environment is refused by render, nothing changes in Argo CD', async () => {
    const before = await live(staging, 'applications', 'staging');
    repo.remove('deployments/staging');
    const run = await cli(repo.root, 'render');
    expect(run.code).toBe(2);
    expect(repo.snapshot()['rendered/staging/mover/applicationset.yaml']).toBeDefined();
    await syncRoot(staging, repo.root, 'staging');
    expect(uids(await live(staging, 'applications', 'staging'), [...before.keys()])).toEqual(uids(before, [...before.keys()]));
    results.push(`| every claim of an environment removed | render refused (exit 2, --allow-deletions needed); the ${before.size} Applications untouched |`);
  });
});

/**
 * `jobs` and `cronJobs` of an app, through the CLI and the real helm: Argo CD sync hooks with
 * the app's image, env (uses: wiring included) and pod security; Jobs named `<app>-<job>`; their
 * pods outside the app's Service selector; names, duplicates and schedules checked at the claim line.
 */
import path from 'node:path';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { afterEach, describe, expect, it } from 'vitest';
import { HELM, helm, helmTemplate, type K8sObject } from '../support/helm.js';
import { cli, type TempRepo, tempRepo } from '../support/repo.js';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const claim = (jobs: string) => `apiVersion: platform.infraforge.io/v1
kind: ApplicationClaim
metadata:
  name: shop
spec:
  environment: dev
  owner: { team: Shop Team, email: shop@example.com }
  applications:
    - name: web
      version: "1.0.0"
      ports: [{ name: http, port: 8080 }]
      env:
        - { name: LOG_LEVEL, value: info }
      uses: [db]
${jobs}  components:
    - { type: postgresql, name: db }
`;

const JOBS = `      jobs:
        - name: migrate
          command: [python, manage.py, migrate]
        - name: notify
          hook: PostSync
          args: [notify, "--channel=deploys"]
      cronJobs:
        - name: cleanup
          schedule: "0 3 * * *"
          command: [python, manage.py, clearsessions]
          env:
            - { name: LOG_LEVEL, value: debug }
          resources: { requests: { memory: 256Mi } }
`;

type Pod = { serviceAccountName: string; securityContext: unknown; restartPolicy: string; containers: { image: string; command?: string[]; args?: string[]; env: { name: string; value?: string; valueFrom?: unknown }[]; securityContext: unknown; resources: { requests: Record<string, string> } }[]; volumes?: unknown[] };
type PodTemplate = { metadata: { labels: Record<string, string> }; spec: Pod };

describe.skipIf(!HELM)('jobs and cronJobs', () => {
  it('render as Argo CD hooks and a CronJob with the app image, env and security', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim(JOBS) });
    const run = await cli(repo.root, 'render');
    expect(run.stderr).toBe('');
    const values = path.join(repo.root, 'rendered/dev/shop/web/values.yaml');
    await helm(['lint', '--strict', path.join(repo.root, 'charts/common'), '-f', values]);
    const { objects } = await helmTemplate(values, 'shop-web', path.join(repo.root, 'charts/common'));
    const byName = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name) as K8sObject;
    const deployment = byName('Deployment', 'web');
    const appPod = deployment.spec.template as PodTemplate;
    const app = appPod.spec.containers[0]!;
    const migrate = byName('Job', 'web-migrate');
    const notify = byName('Job', 'web-notify');
    const cleanup = byName('CronJob', 'web-cleanup');
    new Job(migrate as never).validate();
    new Job(notify as never).validate();
    new CronJob(cleanup as never).validate();

    expect((migrate.metadata as { annotations?: object }).annotations).toEqual({ 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation' });
    expect((notify.metadata as { annotations?: object }).annotations).toEqual({ 'argocd.argoproj.io/hook': 'PostSync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation' });
    expect(migrate.spec.backoffLimit).toBe(1);
    expect(migrate.spec.activeDeadlineSeconds).toBe(600);

    const migratePod = (migrate.spec.template as PodTemplate).spec;
    const notifyPod = (notify.spec.template as PodTemplate).spec;
    const cleanupPod = (cleanup.spec.jobTemplate.spec.template as PodTemplate).spec;
    // A PreSync hook runs before the sync creates the app's ServiceAccount.
    expect(migratePod.serviceAccountName).toBe('default');
    expect(notifyPod.serviceAccountName).toBe(appPod.spec.serviceAccountName);
    expect(cleanupPod.serviceAccountName).toBe(appPod.spec.serviceAccountName);
    for (const pod of [migratePod, notifyPod, cleanupPod]) {
      expect(pod.restartPolicy).toBe('Never');
      expect(pod.securityContext).toEqual(appPod.spec.securityContext);
      expect(pod.containers[0]!.securityContext).toEqual(app.securityContext);
      expect(pod.containers[0]!.image).toBe(app.image);
      expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
    }
    expect(migratePod.containers[0]!.command).toEqual(['python', 'manage.py', 'migrate']);
    expect(migratePod.containers[0]!.args).toBeUndefined();
    expect(notifyPod.containers[0]!.args).toEqual(['notify', '--channel=deploys']);
    // The app's env, uses: wiring included; the cron job's own LOG_LEVEL wins in the app's place.
    expect(migratePod.containers[0]!.env).toEqual(app.env);
    expect(migratePod.containers[0]!.env.find((e) => e.name === 'DATABASE_URL')).toEqual({ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'db-app', key: 'uri' } } });
    expect(cleanupPod.containers[0]!.env.map((e) => `${e.name}=${e.value ?? ''}`)).toEqual(['LOG_LEVEL=debug', 'DATABASE_URL=', 'DB_DATABASE_URL=', 'DB_HOST=db-rw', 'DB_PORT=5432', 'DB_URL=']);
    expect(cleanupPod.containers[0]!.resources.requests.memory).toBe('256Mi');
    expect(cleanup.spec).toMatchObject({ schedule: '0 3 * * *', concurrencyPolicy: 'Forbid', suspend: false });

    // The app's Service selects its pods by name and instance; a job's pods must not match.
    const selector = byName('Service', 'web').spec.selector as Record<string, string>;
    for (const t of [migrate.spec.template, cleanup.spec.jobTemplate.spec.template] as PodTemplate[]) {
      expect(Object.entries(selector).every(([k, v]) => t.metadata.labels[k] === v)).toBe(false);
    }
  });

  it('refuses a CronJob name over 52 characters, a job twice and a schedule that is not cron, at their lines', async () => {
    const bad = `      jobs:
        - name: migrate
        - name: migrate
      cronJobs:
        - name: a-very-long-name-for-a-cleanup-job-of-the-app-web
          schedule: "0 3 * * *"
`;
    const badSchedule = '      cronJobs:\n        - name: nightly\n          schedule: every night\n';
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim(bad), 'deployments/dev/other.yaml': claim(badSchedule).replace('name: shop', 'name: other') });
    const run = await cli(repo.root, 'validate');
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toContain('deployments/dev/shop.yaml:17:17: Job "web-migrate" is already made by deployments/dev/shop.yaml:16:17 (spec.applications[0].jobs[1].name)');
    expect(lines).toContain('deployments/dev/shop.yaml:19:17: "web-a-very-long-name-for-a-cleanup-job-of-the-app-web" (app-job) is 53 characters; a CronJob name allows 52: shorten the job or the app name (spec.applications[0].cronJobs[0].name)');
    expect(lines.find((l) => l.startsWith('deployments/dev/other.yaml:17:21: '))).toContain('"every night" is not a cron schedule: five fields');
    expect(repo.snapshot()).toEqual({});
  });
});

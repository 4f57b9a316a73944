/**
 * --verify-images and spec.image.pinDigests against a real token-auth registry holding images
 * we push ourselves; the render uses the credentials a workflow would give it.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { pushImage } from '../support/images.js';
import { REGISTRY_BIN, type Registry, startRegistry } from '../support/registry.js';
import { CHART_VERSION, tempRepo, type TempRepo } from '../support/repo.js';
import { startTokenServer, TOKEN_USERS, type TokenServer } from '../support/token-server.js';


const PUSHER = { username: 'pusher', password: TOKEN_USERS.pusher.password };
/** What a workflow's read token looks like to the registry: pull only. */
const READER_ENV = { INFRAFORGE_REGISTRY_USERNAME: 'reader', INFRAFORGE_REGISTRY_PASSWORD: TOKEN_USERS.reader.password };

async function infraforge(root: string, env: Record<string, string>, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: root, env });
  return { code, stdout, stderr };
}

function settings(host: string, pin = false): string {
  return `apiVersion: platform.infraforge.io/v1
kind: RenderSettings
spec:
  git:
    repoURL: https://github.com/acme/platform.git
  chart:
    repository: oci://${host}/charts
  image:
    registry: "${host}"
    owner: acme${pin ? '\n    pinDigests: true' : ''}
`;
}

function shop(apps: { name: string; serviceName?: string; version: string }[]): string {
  const list = apps
    .map((a) => `    - name: ${a.name}\n${a.serviceName ? `      serviceName: ${a.serviceName}\n` : ''}      version: "${a.version}"\n      ports: [{ name: http, port: 8080 }]\n`)
    .join('');
  return `apiVersion: platform.infraforge.io/v1
kind: ApplicationClaim
metadata:
  name: shop
spec:
  environment: dev
  owner: { team: Shop Team, email: shop@example.com }
  applications:
${list}`;
}

describe.skipIf(!REGISTRY_BIN)('images that exist, digests pinned', () => {
  let tokens: TokenServer;
  let registry: Registry;
  let v14: string;
  const repos: TempRepo[] = [];
  const repoWith = (claimText: string, pin = false) => {
    const r = tempRepo({ 'deployments/dev/shop.yaml': claimText }, { settings: settings(registry.host, pin) });
    repos.push(r);
    return r;
  };

  beforeAll(async () => {
    tokens = await startTokenServer();
    registry = await startRegistry({ token: tokens });
    v14 = await pushImage(registry.host, 'acme/api', '1.4', 'api 1.4 build 1', PUSHER);
    await pushImage(registry.host, 'acme/worker', '2.0', 'worker 2.0', PUSHER);
  });
  afterAll(async () => {
    for (const r of repos) r.cleanup();
    await registry?.stop();
    await tokens?.stop();
  });

  it('present images pass; each distinct image is asked about once', async () => {
    const repo = repoWith(shop([{ name: 'api', version: '1.4' }, { name: 'api2', serviceName: 'api', version: '1.4' }, { name: 'worker', version: '2.0' }]));
    const r = await infraforge(repo.root, READER_ENV, 'render', '--verify-images', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('about 2 distinct image(s)');
    expect(JSON.parse(r.stdout).written).toContain('rendered/dev/shop/api/values.yaml');
  });

  it('a missing tag is a claim error at the version line: exit 2, nothing written', async () => {
    const repo = repoWith(shop([{ name: 'api', version: '1.4' }, { name: 'worker', version: '2.1' }]));
    const r = await infraforge(repo.root, READER_ENV, 'render', '--verify-images');
    expect(r.code).toBe(2);
    const line = repo.read('deployments/dev/shop.yaml').split('\n').findIndex((l) => l.includes('"2.1"')) + 1;
    expect(r.stderr).toContain(`deployments/dev/shop.yaml:${line}:16: image ${registry.host}/acme/worker:2.1 does not exist: registry ${registry.host} has no tag 2.1 in acme/worker (spec.applications[1].version)`);
    expect(repo.snapshot()).toEqual({});
  });

  it('an image that keeps its own USER must not run as root or a name (runAsNonRoot would refuse it at start)', async () => {
    await pushImage(registry.host, 'acme/named', '1.0', 'named user', PUSHER, 'app');
    await pushImage(registry.host, 'acme/numeric', '1.0', 'numeric user', PUSHER, '10001:10001');
    const text = shop([{ name: 'api', version: '1.4' }, { name: 'named', version: '1.0' }, { name: 'numeric', version: '1.0' }]);
    const imageUser = repoWith(text);
    imageUser.write('deployments/settings.yaml', `${settings(registry.host)}  security:\n    runAsUser: image\n`);
    const r = await infraforge(imageUser.root, READER_ENV, 'validate', '--verify-images');
    expect(r.code).toBe(2);
    const lineOf = (v: string) => text.split('\n').findIndex((l) => l.includes(`name: ${v}`)) + 2;
    // acme/api was pushed without a USER: root
    expect(r.stderr).toContain(`deployments/dev/shop.yaml:${lineOf('api')}:16: image ${registry.host}/acme/api:1.4 would not start: its USER is not set (root), and runAsNonRoot refuses root;`);
    expect(r.stderr).toContain(`deployments/dev/shop.yaml:${lineOf('named')}:16: image ${registry.host}/acme/named:1.0 would not start: its USER is the name "app"`);
    expect(r.stderr).not.toContain('acme/numeric');
    // With a numeric UID rendered (the default 65532, or the claim's own), the image's USER does not matter.
    const defaults = repoWith(text);
    expect((await infraforge(defaults.root, READER_ENV, 'validate', '--verify-images')).code).toBe(0);
  });

  it('a missing repository says so', async () => {
    const repo = repoWith(shop([{ name: 'api', serviceName: 'no-such-service', version: '1.4' }]));
    const r = await infraforge(repo.root, READER_ENV, 'validate', '--verify-images');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`has no repository acme/no-such-service (spec.applications[0].version)`);
  });

  it('an unreachable registry is exit 3 naming it', async () => {
    const down = await startRegistry();
    const host = down.host;
    await down.stop();
    const repo = tempRepo({ 'deployments/dev/shop.yaml': shop([{ name: 'api', version: '1.4' }]) }, { settings: settings(host) });
    repos.push(repo);
    const r = await infraforge(repo.root, {}, 'render', '--verify-images');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`registry ${host} is unreachable: ECONNREFUSED`);
    expect(repo.snapshot()).toEqual({});
  });

  it('without --verify-images nothing asks the registry', async () => {
    const repo = repoWith(shop([{ name: 'api', version: '9.9' }]));
    expect((await infraforge(repo.root, {}, 'render')).code).toBe(0);
  });

  it('--verify-chart refuses to pin a chart version the registry lacks (exit 3), and passes once it is published', async () => {
    const repo = repoWith(shop([{ name: 'api', version: '1.4' }]));
    const r = await infraforge(repo.root, READER_ENV, 'render', '--verify-chart');
    expect(r.code).toBe(3);
    const line = repo.read('charts/common/Chart.yaml').split('\n').findIndex((l) => l.startsWith('version:')) + 1;
    expect(r.stderr).toContain(`charts/common/Chart.yaml:${line}:10: chart oci://${registry.host}/charts/common:${CHART_VERSION} is not published yet`);
    expect(repo.snapshot()).toEqual({});

    const { packageChart } = await import('../../src/chart/package.js');
    const { ociTarget, publishChart } = await import('../../src/chart/oci.js');
    const pkg = await packageChart(`${repo.root}/charts/common`, 'charts/common');
    await publishChart(pkg, ociTarget(`oci://${registry.host}/charts`, 'common', CHART_VERSION, true), PUSHER, () => {});
    const ok = await infraforge(repo.root, READER_ENV, 'render', '--verify-chart');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain(`chart oci://${registry.host}/charts/common:${CHART_VERSION} is published`);
  });

  it('pinDigests: values carry the digest; a moved tag is a one-line change the diff names', async () => {
    const repo = repoWith(shop([{ name: 'api', version: '1.4' }]), true);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo.root, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }).toString();
    const first = await infraforge(repo.root, READER_ENV, 'render');
    expect(first.code, first.stderr).toBe(0);
    const before = repo.read('rendered/dev/shop/api/values.yaml');
    expect(before).toContain(`  digest: "${v14}"\n`);
    // Same registry state → same bytes (and no cache answers for a pinned render).
    expect(JSON.parse((await infraforge(repo.root, READER_ENV, 'render', '--json')).stdout)).toMatchObject({ written: [], cached: false });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'first render');

    const moved = await pushImage(registry.host, 'acme/api', '1.4', 'api 1.4 build 2', PUSHER);
    expect(moved).not.toBe(v14);
    const diff = await infraforge(repo.root, READER_ENV, 'diff', '--base', 'HEAD', '--no-manifests');
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain(`tag 1.4 now points at a different image: ${registry.host}/acme/api:1.4 was ${v14}, is ${moved}`);

    expect((await infraforge(repo.root, READER_ENV, 'render')).code).toBe(0);
    const after = repo.read('rendered/dev/shop/api/values.yaml');
    const changed = before.split('\n').map((l, i) => [l, after.split('\n')[i]]).filter(([a, b]) => a !== b);
    expect(changed).toEqual([[`  digest: "${v14}"`, `  digest: "${moved}"`]]);
    expect(before.split('\n').length).toBe(after.split('\n').length);
  });
});

/**
 * Issue 20's silent wrong renders: each claim below rendered cleanly and would have deployed
 * something other than what it says. Now each is either rendered as written or refused with
 * exit 2 at the line, nothing written. Runs the real CLI on a temporary repository.
 */
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { claim, cli, SETTINGS, type TempRepo, tempRepo } from '../support/repo.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

/** Renders one claim; the values of its units when it passes. */
async function render(env: string, text: string) {
  repo = tempRepo({ [`deployments/${env}/shop.yaml`]: text });
  const run = await cli(repo.root, 'render');
  const values = (unit: string) => parse(repo!.read(`rendered/${env}/shop/${unit}/values.yaml`)) as Record<string, any>;
  return { ...run, values, written: () => repo!.snapshot() };
}

async function expectRefused(env: string, text: string, line: number, col: number, words: RegExp) {
  const run = await render(env, text);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toMatch(new RegExp(`^deployments/${env}/shop\\.yaml:${line}:${col}: `, 'm'));
  expect(run.stderr).toMatch(words);
  expect(run.written()).toEqual({});
  return run;
}

describe('an explicit replica count below the profile floor', () => {
  it('replicas: 1 in prod is refused at its line, with the way out named', async () => {
    await expectRefused('prod', claim('shop', 'prod', '      replicas: 1\n'), 19, 17, /replicas 1 is below the prod floor of 2.*singleton: true/);
  });

  it('autoscaling.minReplicas: 1 in prod is refused too', async () => {
    await expectRefused('prod', claim('shop', 'prod', '      autoscaling:\n        minReplicas: 1\n'), 20, 22, /minReplicas 1 is below the prod floor of 2/);
  });

  it('singleton: true is one pod, no autoscaler, no disruption budget, Recreate', async () => {
    const run = await render('prod', claim('shop', 'prod', '      singleton: true\n'));
    expect(run.code, run.stderr).toBe(0);
    const v = run.values('api');
    expect([v.replicas, v.autoscaling.enabled, v.podDisruptionBudget.enabled, v.strategy]).toEqual([1, false, false, { type: 'Recreate' }]);
  });

  it('singleton with replicas 2 is a contradiction, refused at replicas', async () => {
    await expectRefused('prod', claim('shop', 'prod', '      singleton: true\n      replicas: 2\n'), 20, 17, /singleton: true runs exactly one pod/);
  });

  it('a value at or above the floor is kept as written, not raised', async () => {
    const run = await render('prod', claim('shop', 'prod', '      replicas: 2\n      autoscaling: { enabled: false }\n'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.values('api').replicas).toBe(2);
  });
});

describe('a health check without a path', () => {
  const pathless = (extra = '') => claim().replace('        path: /healthz\n', extra);

  it('is refused at healthCheck, naming path and type: tcp', async () => {
    await expectRefused('dev', pathless(), 16, 7, /healthCheck has no path.*path: \/healthz.*type: tcp/);
  });

  it('type: tcp is the explicit TCP check; type: grpc the gRPC health protocol', async () => {
    let run = await render('dev', pathless('        type: tcp\n'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.values('api').probes.liveness).toMatchObject({ tcpSocket: { port: 8080 } });
    repo!.cleanup();
    run = await render('dev', pathless('        type: grpc\n'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.values('api').probes.readiness).toMatchObject({ grpc: { port: 8080 } });
  });

  it('a misspelt key still gets its did-you-mean', async () => {
    const run = await render('dev', pathless('        pth: /healthz\n'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('did you mean "path"?');
  });
});

describe('$(VAR) references in env', () => {
  const withRedis = (env: string) =>
    `${claim()}${env}      uses: [cache]\n  components:\n    - { type: redis, name: cache, config: { auth: { existingSecret: cache-auth } } }\n`;

  it('a value referencing what uses: injects comes after it, so the kubelet expands it', async () => {
    const run = await render('dev', withRedis('      env:\n        - { name: CACHE_URL, value: "$(REDIS_URL)/0" }\n'));
    expect(run.code, run.stderr).toBe(0);
    const env = run.values('api').env.map((e: { name: string }) => e.name);
    expect(env.indexOf('CACHE_URL')).toBeGreaterThan(env.indexOf('REDIS_URL'));
    expect(env.indexOf('REDIS_URL')).toBeGreaterThan(env.indexOf('CACHE_REDIS_PASSWORD'));
  });

  it('a reference to a variable nobody defines is refused at its value', async () => {
    await expectRefused('dev', withRedis('      env:\n        - name: CACHE_URL\n          value: "$(REDIS_URI)/0"\n'), 21, 18, /refers to \$\(REDIS_URI\), which is not among/);
  });

  it('a cycle is refused', async () => {
    await expectRefused('dev', withRedis('      env:\n        - { name: A, value: "$(B)" }\n        - { name: B, value: "x$(A)" }\n'), 20, 29, /reference cycle \(A → B → A\)/);
  });

  it('$$(VAR) is the literal text and passes', async () => {
    const run = await render('dev', withRedis('      env:\n        - { name: TEMPLATE, value: "$$(NOT_A_VAR)" }\n'));
    expect(run.code, run.stderr).toBe(0);
  });
});

describe('a user ID that works with runAsNonRoot', () => {
  it('every app runs as a numeric non-root UID by default; a claim sets its own', async () => {
    const run = await render('dev', `${claim()}      securityContext: { runAsUser: 1000 }\n    - { name: web, version: "1.0.0" }\n`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.values('web').podSecurityContext).toEqual({ runAsUser: 65532, runAsGroup: 65532 });
    expect(run.values('api').podSecurityContext).toEqual({ runAsUser: 1000, runAsGroup: 65532 });
  });

  it('settings choose another default, or the image USER', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim() }, { settings: `${SETTINGS}  security:\n    runAsUser: 10001\n    runAsGroup: 10001\n` });
    expect((await cli(repo.root, 'render')).code).toBe(0);
    expect(parse(repo.read('rendered/dev/shop/api/values.yaml')).podSecurityContext).toEqual({ runAsUser: 10001, runAsGroup: 10001 });
    repo.cleanup();
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim() }, { settings: `${SETTINGS}  security:\n    runAsUser: image\n` });
    expect((await cli(repo.root, 'render')).code).toBe(0);
    expect(parse(repo.read('rendered/dev/shop/api/values.yaml')).podSecurityContext).toBeUndefined();
  });
});

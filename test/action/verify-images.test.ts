/**
 * The action's verify-images and verify-chart inputs, run as a runner runs them, with the
 * workflow's token as the registry credential (a pull-only user of a token-auth registry).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Origin, makeOrigin } from '../support/git.js';
import { pushImage } from '../support/images.js';
import { REGISTRY_BIN, type Registry, startRegistry } from '../support/registry.js';
import { CHART_VERSION, claim } from '../support/repo.js';
import { runAction } from '../support/runner.js';
import { startTokenServer, TOKEN_USERS, type TokenServer } from '../support/token-server.js';


describe.skipIf(!REGISTRY_BIN)('render with verify-images / verify-chart', () => {
  let tokens: TokenServer;
  let registry: Registry;
  let origin: Origin | undefined;
  beforeAll(async () => {
    tokens = await startTokenServer();
    registry = await startRegistry({ token: tokens });
    await pushImage(registry.host, 'acme/api', '1.0.0', 'api', { username: 'pusher', password: TOKEN_USERS.pusher.password });
  });
  afterAll(async () => {
    await registry?.stop();
    await tokens?.stop();
  });
  afterEach(() => origin?.cleanup());

  const settings = () => `apiVersion: platform.infraforge.io/v1
kind: RenderSettings
spec:
  git:
    repoURL: https://github.com/acme/platform.git
  chart:
    repository: oci://${registry.host}/charts
  image:
    registry: "${registry.host}"
    owner: acme
`;
  const asReader = { GITHUB_ACTOR: 'reader' };

  it('a missing tag fails the step with an annotation on the claim line; nothing is pushed', async () => {
    origin = makeOrigin({ 'deployments/settings.yaml': settings(), 'deployments/dev/shop.yaml': claim('shop').replace('"1.0.0"', '"1.0.1"') });
    const before = origin.tip();
    const run = await runAction({ workspace: origin.clone(), inputs: { 'verify-images': 'true', token: TOKEN_USERS.reader.password }, extraEnv: asReader });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`::error title=image-missing,file=deployments/dev/shop.yaml,line=12,col=16::image ${registry.host}/acme/api:1.0.1 does not exist`);
    // The runner masks what ::add-mask:: names; nothing else may print the token.
    expect((run.stdout + run.stderr).replace(/^::add-mask::.*$/m, '')).not.toContain(TOKEN_USERS.reader.password);
    expect(origin.tip()).toBe(before);
  });

  it('present images pass; verify-chart stops the render until the chart is published', async () => {
    origin = makeOrigin({ 'deployments/settings.yaml': settings(), 'deployments/dev/shop.yaml': claim('shop') });
    const before = origin.tip();
    const run = await runAction({ workspace: origin.clone(), inputs: { 'verify-images': 'true', 'verify-chart': 'true', token: TOKEN_USERS.reader.password }, extraEnv: asReader });
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(new RegExp(`charts/common/Chart\\.yaml:5:10: chart oci://127\\.0\\.0\\.1:\\d+/charts/common:${CHART_VERSION.replace(/\./g, '\\.')} is not published yet`));
    expect(origin.tip()).toBe(before);

    const images = await runAction({ workspace: origin.clone(), inputs: { 'verify-images': 'true', token: TOKEN_USERS.reader.password }, extraEnv: asReader });
    expect(images.code, images.stdout).toBe(0);
    expect(images.outputs.changed).toBe('true');
  });
});

/**
 * Publishing to a registry that authenticates the way GHCR and Docker Hub do: Debian's
 * docker-registry with `auth: token`, validating JWTs from our loopback token server against a
 * certificate generated for this run. The registry itself decides what each token allows.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/oci/client.js';
import { REGISTRY_BIN, type Registry, startRegistry } from '../support/registry.js';
import { CHART_VERSION, REPO_ROOT } from '../support/repo.js';
import { startTokenServer, TOKEN_USERS, type TokenServer } from '../support/token-server.js';

const run = promisify(execFile);
const CLI = path.join(REPO_ROOT, 'dist/cli.js');

async function publish(registry: Registry, repoPath: string, user?: keyof typeof TOKEN_USERS, cwd = REPO_ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
  if (user) Object.assign(env, { INFRAFORGE_REGISTRY_USERNAME: user, INFRAFORGE_REGISTRY_PASSWORD: TOKEN_USERS[user].password });
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, 'chart', 'publish', '--chart', 'charts/common', '--registry', `oci://${registry.host}/${repoPath}`, '--plain-http', '--json'], { cwd, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}


describe.skipIf(!REGISTRY_BIN)('a registry with Docker token auth', () => {
  let tokens: TokenServer;
  let registry: Registry;
  beforeAll(async () => {
    tokens = await startTokenServer();
    registry = await startRegistry({ token: tokens });
  });
  afterAll(async () => {
    await registry?.stop();
    await tokens?.stop();
  });

  const pusher = () => new RegistryClient({ host: registry.host, plainHttp: true, credentials: { username: 'pusher', password: TOKEN_USERS.pusher.password } });

  it('a push-capable user publishes: a pull token first, then a new challenge and a pull,push token', async () => {
    tokens.requests.length = 0;
    const r = await publish(registry, 'charts', 'pusher');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'published', version: CHART_VERSION });
    const scopes = tokens.requests.map((q) => q.scopes.join(' '));
    expect(scopes[0]).toBe('repository:charts/common:pull');
    expect(scopes).toContain('repository:charts/common:pull,push');
    expect(tokens.requests.every((q) => q.user === 'pusher')).toBe(true);
    // Tokens are cached per scope: one per scope for the whole publish, not one per request.
    expect(new Set(scopes).size).toBe(scopes.length);
    expect(r.stdout + r.stderr).not.toContain(TOKEN_USERS.pusher.password);
    expect(await pusher().getManifest('charts/common', CHART_VERSION)).toBeDefined();

    const again = await publish(registry, 'charts', 'pusher');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'unchanged' });
  });

  it('a pull-only user gets exit 3 naming the missing push scope, and nothing is published', async () => {
    const r = await publish(registry, 'readonly', 'reader');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`registry ${registry.host} refused to start a blob upload to readonly/common: HTTP 401`);
    expect(r.stderr).toContain('the credentials of "reader" do not grant scope repository:readonly/common:push');
    expect(await pusher().getManifest('readonly/common', CHART_VERSION)).toBeUndefined();
  });

  it('wrong credentials are refused by the token server: exit 3, the registry named', async () => {
    const env = { PATH: process.env.PATH ?? '', INFRAFORGE_REGISTRY_USERNAME: 'pusher', INFRAFORGE_REGISTRY_PASSWORD: 'not-the-password' };
    const r = await run(process.execPath, [CLI, 'chart', 'publish', '--registry', `oci://${registry.host}/charts`, '--plain-http'], { cwd: REPO_ROOT, env }).catch((e: { code: number; stderr: string }) => e);
    expect((r as { code: number }).code).toBe(3);
    expect((r as { stderr: string }).stderr).toMatch(/token server http:\/\/127\.0\.0\.1:\d+ for registry 127\.0\.0\.1:\d+ refused the credentials of "pusher" for repository:charts\/common:pull: HTTP 401/);
    expect((r as { stderr: string }).stderr).not.toContain('not-the-password');
  });

  it('anonymous pull works where the token server allows it, and only there', async () => {
    expect((await publish(registry, 'public/charts', 'pusher')).code).toBe(0);
    const anonymous = new RegistryClient({ host: registry.host, plainHttp: true });
    const manifest = await anonymous.getManifest('public/charts/common', CHART_VERSION);
    expect(manifest?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const layer = (JSON.parse(manifest!.bytes.toString('utf8')) as { layers: { digest: string }[] }).layers[0]!;
    expect((await anonymous.getBlob('public/charts/common', layer.digest)).length).toBeGreaterThan(100);
    expect(tokens.requests.some((q) => q.user === 'anonymous' && q.scopes.includes('repository:public/charts/common:pull'))).toBe(true);

    await expect(anonymous.getManifest('charts/common', CHART_VERSION)).rejects.toThrow(`refused to read manifest charts/common:${CHART_VERSION}: HTTP 401 UNAUTHORIZED: anonymous access does not grant scope repository:charts/common:pull`);
  });

  it('content identity survives another gzip level: the same chart re-packed is "unchanged"', async () => {
    const { packageChart } = await import('../../src/chart/package.js');
    const { ociTarget, publishChart } = await import('../../src/chart/oci.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'infraforge-chart-'));
    try {
      cpSync(path.join(REPO_ROOT, 'charts/common'), path.join(dir, 'common'), { recursive: true });
      const best = await packageChart(path.join(dir, 'common'), 'charts/common', { gzipLevel: 9 });
      const fast = await packageChart(path.join(dir, 'common'), 'charts/common', { gzipLevel: 1 });
      expect(fast.digest).not.toBe(best.digest); // the gzip bytes differ …
      expect(fast.contentDigest).toBe(best.contentDigest); // … the chart does not
      const target = ociTarget(`oci://${registry.host}/levels`, 'common', CHART_VERSION, true);
      const credentials = { username: 'pusher', password: TOKEN_USERS.pusher.password };
      const log: string[] = [];
      expect((await publishChart(best, target, credentials, (l) => log.push(l))).status).toBe('published');
      expect((await publishChart(fast, target, credentials, (l) => log.push(l))).status).toBe('unchanged');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

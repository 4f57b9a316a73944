/**
 * Packaging and publishing charts/common with real peers: Debian's docker-registry on
 * loopback, and the real helm binary pulling and templating what was pushed.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helm, HELMS, helmTemplate } from '../support/helm.js';
import { REGISTRY_BIN, type Registry, startRegistry } from '../support/registry.js';
import { CHART_VERSION, REPO_ROOT } from '../support/repo.js';

const run = promisify(execFile);
const CLI = path.join(REPO_ROOT, 'dist/cli.js');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function infraforge(cwd: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A scratch copy of charts/common to change without touching the repository. */
function chartCopy(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'infraforge-chart-'));
  cpSync(path.join(REPO_ROOT, 'charts/common'), path.join(dir, 'common'), { recursive: true });
  return { dir: path.join(dir, 'common'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function manifestDigest(registry: Registry, repo: string, tag: string, auth?: string): Promise<string | null> {
  const res = await fetch(`${registry.url}/v2/${repo}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { accept: 'application/vnd.oci.image.manifest.v1+json', ...(auth ? { authorization: auth } : {}) },
  });
  return res.status === 200 ? res.headers.get('docker-content-digest') : null;
}

describe('chart package', () => {
  it('is byte-identical whatever the mtimes and the TZ', async () => {
    const a = chartCopy();
    const b = chartCopy();
    try {
      for (const f of ['Chart.yaml', 'values.yaml', 'templates/deployment.yaml']) utimesSync(path.join(b.dir, f), new Date('2001-02-03T04:05:06Z'), new Date('2001-02-03T04:05:06Z'));
      const out = mkdtempSync(path.join(tmpdir(), 'infraforge-pkg-'));
      const ra = await infraforge(a.dir, ['chart', 'package', '--chart', '.', '--out', path.join(out, 'a'), '--json'], { TZ: 'Pacific/Kiritimati' });
      const rb = await infraforge(b.dir, ['chart', 'package', '--chart', '.', '--out', path.join(out, 'b'), '--json'], { TZ: 'America/Anchorage', LC_ALL: 'C' });
      expect(ra.code, ra.stderr).toBe(0);
      expect(rb.code, rb.stderr).toBe(0);
      const da = JSON.parse(ra.stdout) as { digest: string };
      expect(da.digest).toBe((JSON.parse(rb.stdout) as { digest: string }).digest);
      expect(readFileSync(path.join(out, `a/common-${CHART_VERSION}.tgz`))).toEqual(readFileSync(path.join(out, `b/common-${CHART_VERSION}.tgz`)));
      // Laid out as Helm lays it out, .helmignore respected.
      const { stdout: listing } = await run('tar', ['-tzf', path.join(out, `a/common-${CHART_VERSION}.tgz`)]);
      const names = listing.trim().split('\n');
      expect(names).toContain('common/Chart.yaml');
      expect(names).toContain('common/values.schema.json');
      expect(names.every((n) => n.startsWith('common/'))).toBe(true);
      expect(names.some((n) => n.startsWith('common/ci/'))).toBe(false);
      for (const h of HELMS) {
        const { stdout } = await helm(['show', 'chart', path.join(out, `a/common-${CHART_VERSION}.tgz`)], REPO_ROOT, h.bin);
        expect(stdout, h.label).toContain(`version: ${CHART_VERSION}`);
      }
      rmSync(out, { recursive: true, force: true });
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });

  it('refuses an invalid version before anything leaves', async () => {
    const c = chartCopy();
    try {
      writeFileSync(path.join(c.dir, 'Chart.yaml'), readFileSync(path.join(c.dir, 'Chart.yaml'), 'utf8').replace(`version: ${CHART_VERSION}`, 'version: 2.0'));
      const r = await infraforge(c.dir, ['chart', 'package', '--chart', '.']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Chart\.yaml:\d+:\d+: version .* is not a semantic version/);
    } finally {
      c.cleanup();
    }
  });
});


// Under each Helm: the CLI finds it first on PATH (helm lint --strict), and it pulls, templates and pushes.
describe.each(REGISTRY_BIN ? HELMS : [])('chart publish to a real registry, $label on PATH', ({ bin, PATH }) => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(async () => registry?.stop());

  it('publishes, helm pulls and templates it; a re-publish is a no-op', async () => {
    const target = `oci://${registry.host}/charts`;
    const first = await infraforge(REPO_ROOT, ['chart', 'publish', '--registry', target, '--plain-http', '--json'], { PATH });
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as { status: string; manifestDigest: string; digest: string };
    expect(report.status).toBe('published');
    expect(first.stderr).toContain('helm lint --strict passed'); // by this helm, first on the CLI's PATH
    expect(await manifestDigest(registry, 'charts/common', CHART_VERSION)).toBe(report.manifestDigest);

    const pullDir = mkdtempSync(path.join(tmpdir(), 'infraforge-pull-'));
    try {
      await helm(['pull', `${target}/common`, '--version', CHART_VERSION, '--plain-http', '--destination', pullDir], REPO_ROOT, bin);
      const pulled = readFileSync(path.join(pullDir, `common-${CHART_VERSION}.tgz`));
      const { createHash } = await import('node:crypto');
      expect(`sha256:${createHash('sha256').update(pulled).digest('hex')}`).toBe(report.digest);
      const { objects } = await helmTemplate(path.join(REPO_ROOT, 'rendered/dev/ecommerce/ecommerce-api/values.yaml'), 'ecommerce-ecommerce-api', path.join(pullDir, `common-${CHART_VERSION}.tgz`), bin);
      expect(objects.find((o) => o.kind === 'Deployment')?.metadata.name).toBe('ecommerce-api');
    } finally {
      rmSync(pullDir, { recursive: true, force: true });
    }

    const again = await infraforge(REPO_ROOT, ['chart', 'publish', '--registry', target, '--plain-http', '--json'], { PATH });
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as { status: string }).status).toBe('unchanged');
    expect(await manifestDigest(registry, 'charts/common', CHART_VERSION)).toBe(report.manifestDigest);
  });

  it('refuses different content under a published version, and leaves the registry as it was', async () => {
    const target = `oci://${registry.host}/refuse`;
    const c = chartCopy();
    try {
      expect((await infraforge(c.dir, ['chart', 'publish', '--chart', '.', '--registry', target, '--plain-http'], { PATH })).code).toBe(0);
      const before = await manifestDigest(registry, 'refuse/common', CHART_VERSION);
      writeFileSync(path.join(c.dir, 'values.yaml'), `${readFileSync(path.join(c.dir, 'values.yaml'), 'utf8')}# a change\n`);
      const r = await infraforge(c.dir, ['chart', 'publish', '--chart', '.', '--registry', target, '--plain-http'], { PATH });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('already published with different content');
      expect(r.stderr).toContain('bump version in Chart.yaml');
      expect(await manifestDigest(registry, 'refuse/common', CHART_VERSION)).toBe(before);
    } finally {
      c.cleanup();
    }
  });

  it('a version helm pushed (no content annotation) is compared by its un-gzipped layer', async () => {
    const { packageChart } = await import('../../src/chart/package.js');
    const { ociTarget, publishChart } = await import('../../src/chart/oci.js');
    const out = mkdtempSync(path.join(tmpdir(), 'infraforge-helm-push-'));
    const c = chartCopy();
    try {
      const fast = await packageChart(c.dir, 'charts/common', { gzipLevel: 1 });
      writeFileSync(path.join(out, fast.fileName), fast.bytes);
      await helm(['push', path.join(out, fast.fileName), `oci://${registry.host}/helmpushed`, '--plain-http'], REPO_ROOT, bin);
      const target = ociTarget(`oci://${registry.host}/helmpushed`, 'common', CHART_VERSION, true);
      const best = await packageChart(c.dir, 'charts/common');
      expect(best.digest).not.toBe(fast.digest);
      expect((await publishChart(best, target, undefined, () => {})).status).toBe('unchanged');
      writeFileSync(path.join(c.dir, 'values.yaml'), `${readFileSync(path.join(c.dir, 'values.yaml'), 'utf8')}# a change\n`);
      const changed = await packageChart(c.dir, 'charts/common');
      await expect(publishChart(changed, target, undefined, () => {})).rejects.toThrow(/already published with different content/);
    } finally {
      c.cleanup();
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('--dry-run checks and reports but pushes nothing', async () => {
    const r = await infraforge(REPO_ROOT, ['chart', 'publish', '--registry', `oci://${registry.host}/dry`, '--plain-http', '--dry-run', '--json'], { PATH });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'dry-run', version: CHART_VERSION, manifestDigest: null });
    expect(r.stderr).toContain(`would publish common-2.3.0.tgz`);
    expect((await fetch(`${registry.url}/v2/dry/common/tags/list`)).status).toBe(404);
  });

  it('tags 1.2.3+b1 as 1.2.3_b1', async () => {
    const c = chartCopy();
    try {
      writeFileSync(path.join(c.dir, 'Chart.yaml'), readFileSync(path.join(c.dir, 'Chart.yaml'), 'utf8').replace(`version: ${CHART_VERSION}`, 'version: 1.2.3+b1'));
      const r = await infraforge(c.dir, ['chart', 'publish', '--chart', '.', '--registry', `oci://${registry.host}/build`, '--plain-http', '--json'], { PATH });
      expect(r.code, r.stderr).toBe(0);
      const tags = (await (await fetch(`${registry.url}/v2/build/common/tags/list`)).json()) as { tags: string[] };
      expect(tags.tags).toEqual(['1.2.3_b1']);
    } finally {
      c.cleanup();
    }
  });

  it('a helm lint --strict failure publishes nothing', async () => {
    const c = chartCopy();
    try {
      writeFileSync(path.join(c.dir, 'templates/broken.yaml'), '{{ .Values.nope.deeper }}\n');
      const r = await infraforge(c.dir, ['chart', 'publish', '--chart', '.', '--registry', `oci://${registry.host}/lint`, '--plain-http'], { PATH });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('helm lint --strict failed');
      const res = await fetch(`${registry.url}/v2/lint/common/tags/list`);
      expect(res.status).toBe(404);
    } finally {
      c.cleanup();
    }
  });

  it('a registry that is down is exit 3, and a re-run completes', async () => {
    const down = await startRegistry();
    const target = `oci://${down.host}/charts`;
    await down.stop();
    const r = await infraforge(REPO_ROOT, ['chart', 'publish', '--registry', target, '--plain-http'], { PATH });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/unreachable/);
  });
});

describe.each(REGISTRY_BIN ? HELMS : [])('chart publish with registry auth, $label on PATH', ({ PATH }) => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry({ auth: true });
  });
  afterAll(async () => registry?.stop());

  it('without credentials: exit 3, a clear message, nothing published', async () => {
    const r = await infraforge(REPO_ROOT, ['chart', 'publish', '--registry', `oci://${registry.host}/charts`, '--plain-http'], { PATH });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/HTTP 401 UNAUTHORIZED: anonymous access does not grant scope repository:charts\/common:pull/);
  });

  it('with credentials: published, and the token never printed', async () => {
    const r = await infraforge(REPO_ROOT, ['chart', 'publish', '--registry', `oci://${registry.host}/charts`, '--plain-http'], {
      PATH,
      INFRAFORGE_REGISTRY_USERNAME: 'ci',
      INFRAFORGE_REGISTRY_PASSWORD: 'ci-password',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('ci-password');
    const auth = `Basic ${Buffer.from('ci:ci-password').toString('base64')}`;
    expect(await manifestDigest(registry, 'charts/common', CHART_VERSION, auth)).toMatch(/^sha256:/);
  });
});

/**
 * Every example unit templated three ways must print the same bytes: `helm template` as users
 * run it (the reference), the Go helper on Helm's packages (.ci/helm-engine), and the pool of
 * `helm template` processes the diff falls back to — under Helm 3 and under Helm 4 (the helper
 * is built on Helm 3's packages: with a Helm 4 on PATH the diff uses the pool, proven here). The examples are every values file the
 * repository renders: rendered/ (from deployments/), the real applications and the all-component
 * claim of test/fixtures, rendered here by the CLI, and charts/common/ci. A unit the chart
 * refuses is an error for that unit alone, worded as helm words it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTrees } from '../../src/diff/compare.js';
import { templatedUnits, type TemplatedUnit } from '../../src/diff/manifests.js';
import { engineProcess } from '../../src/helm-engine/engine-process.js';
import { helmPool } from '../../src/helm-engine/helm-pool.js';
import { openTemplater } from '../../src/helm-engine/open.js';
import type { Templated, Templater } from '../../src/helm-engine/templater.js';
import { git, makeOrigin } from '../support/git.js';
import { HELM, helm, HELMS, type HelmUnderTest, KUBE_VERSION, withoutHelm4BlankLines } from '../support/helm.js';
import { claim, cli, REPO_ROOT, type TempRepo, tempRepo } from '../support/repo.js';
import { TOOLS, toolOrSkip } from '../support/tools.js';

const ENGINE = toolOrSkip(TOOLS.helmEngine);
/** The Helm major the helper is built on (`helm.sh/helm/v3 v3.22.0` → 3). */
const ENGINE_MAJOR = ENGINE ? Number(/^helm\.sh\/helm\/v(\d+) /.exec(execFileSync(ENGINE, ['--version'], { encoding: 'utf8' }))?.[1]) : undefined;
const CHART = path.join(REPO_ROOT, 'charts/common');
const CPUS = availableParallelism();
const CLI = path.join(REPO_ROOT, 'dist/cli.js');

interface Unit {
  /** Where the values file is, for messages. */
  label: string;
  release: string;
  file: string;
}

/** rendered/<env>/<claim>/<unit>/values.yaml under `root`, each with its release `<claim>-<unit>`. */
function renderedUnits(root: string, label: string): Unit[] {
  const out: Unit[] = [];
  const dirs = (d: string) =>
    readdirSync(d)
      .filter((n) => statSync(path.join(d, n)).isDirectory())
      .sort();
  for (const env of dirs(path.join(root, 'rendered'))) {
    for (const claim of dirs(path.join(root, 'rendered', env))) {
      for (const unit of dirs(path.join(root, 'rendered', env, claim))) {
        out.push({ label: `${label}/${env}/${claim}/${unit}`, release: `${claim}-${unit}`, file: path.join(root, 'rendered', env, claim, unit, 'values.yaml') });
      }
    }
  }
  return out;
}

async function renderedFixture(dir: string): Promise<TempRepo> {
  const files: Record<string, string> = {};
  for (const env of readdirSync(dir)) for (const f of readdirSync(path.join(dir, env))) files[`deployments/${env}/${f}`] = readFileSync(path.join(dir, env, f), 'utf8');
  const repo = tempRepo(files);
  const r = await cli(repo.root, 'render');
  if (r.code !== 0) throw new Error(`rendering ${dir} failed: ${r.stderr}`);
  return repo;
}

/** What users run, as the brief of the diff says it: no namespace, the values from a file. */
async function reference(unit: Unit, bin: string): Promise<string> {
  return (await helm(['template', unit.release, CHART, '--kube-version', KUBE_VERSION, '-f', unit.file], REPO_ROOT, bin)).stdout;
}

const manifestOf = (t: Templated, label: string): string => {
  if ('error' in t) throw new Error(`${label}: ${t.error}`);
  return t.manifest;
};

const repos: TempRepo[] = [];
let units: Unit[] = [];
/** helm template's own output for every unit, per Helm major, made once (CPUS processes at a time). */
const expectedBy = new Map<number, Promise<Map<string, string>>>();
function expectedFor(h: HelmUnderTest): Promise<Map<string, string>> {
  if (!expectedBy.has(h.major)) {
    expectedBy.set(h.major, (async () => {
      const out = new Map<string, string>();
      let next = 0;
      const worker = async () => {
        while (next < units.length) {
          const u = units[next++]!;
          out.set(u.label, await reference(u, h.bin));
        }
      };
      await Promise.all(Array.from({ length: CPUS }, worker));
      return out;
    })());
  }
  return expectedBy.get(h.major)!;
}

beforeAll(async () => {
  if (!HELMS.length) return;
  const realApps = await renderedFixture(path.join(REPO_ROOT, 'test/fixtures/real-apps/deployments'));
  const allComponents = await renderedFixture(path.join(REPO_ROOT, 'test/fixtures/all-components'));
  repos.push(realApps, allComponents);
  const ci = readdirSync(path.join(CHART, 'ci'))
    .sort()
    .map((f) => ({ label: `charts/common/ci/${f}`, release: `ci-${f.replace(/-values\.yaml$/, '')}`, file: path.join(CHART, 'ci', f) }));
  units = [...renderedUnits(REPO_ROOT, 'repo'), ...renderedUnits(realApps.root, 'real-apps'), ...renderedUnits(allComponents.root, 'all-components'), ...ci];
});
afterAll(() => {
  for (const r of repos) r.cleanup();
});

/** Every unit through `templater` at once (answers arrive out of order), each against helm's own bytes. */
async function agreesWithHelm(templater: Templater, expected: Map<string, string>) {
  const got = await Promise.all(units.map(async (u) => manifestOf(await templater.template({ chartDir: CHART, release: u.release, values: readFileSync(u.file, 'utf8') }), u.label)));
  const differing = units.filter((u, i) => got[i] !== expected.get(u.label)).map((u) => u.label);
  expect(differing).toEqual([]);
}

/** Whether the helper is built on this helm's major, so the diff uses it when this helm is on PATH. */
const engineMatches = (h: HelmUnderTest) => ENGINE !== undefined && ENGINE_MAJOR === h.major;

describe.each(HELMS)('helm-engine and the helm template pool print what $label template prints', (h) => {
  let references = new Map<string, string>();
  beforeAll(async () => {
    references = await expectedFor(h);
  });
  const expected = () => references;

  it('covers every example unit: apps and all six component types, in three environments', () => {
    expect(units.length).toBeGreaterThan(60);
    const kinds = new Set([...expected().values()].flatMap((m) => [...m.matchAll(/^kind: (\S+)$/gm)].map((x) => x[1])));
    for (const k of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'Cluster', 'RabbitmqCluster', 'MongoDBCommunity', 'Elasticsearch', 'Kafka', 'StatefulSet']) expect(kinds).toContain(k);
  });

  // Only for the Helm it is built on (no test at all for the other: .ci/run fails on a skip); the
  // last test of this group proves the diff picks it only then.
  if (engineMatches(h)) {
    it('the Go helper, byte for byte, on every example unit', async () => {
      const engine = engineProcess(ENGINE!, CPUS);
      try {
        await agreesWithHelm(engine, expected());
      } finally {
        await engine.close();
      }
    });
  }

  it('the pool of helm template processes, byte for byte, on every example unit', async () => {
    await agreesWithHelm(helmPool(h.bin, CPUS), expected());
  });

  it('the templater the diff opens with this helm first on PATH (the helper installed too) agrees byte for byte', async () => {
    const dirs = [path.dirname(h.bin), ...(ENGINE ? [path.dirname(ENGINE)] : []), process.env.PATH ?? ''];
    const t = (await openTemplater({ ...process.env, PATH: dirs.join(path.delimiter) }))!;
    try {
      // The helper only for the Helm major it is built on; otherwise the pool of the helm on PATH.
      expect(t.name).toMatch(engineMatches(h) ? /^helm-engine \(/ : /^helm template \(/);
      await agreesWithHelm(t, expected());
    } finally {
      await t.close();
    }
  });
});

describe.skipIf(HELMS.length < 2)('Helm 3 and Helm 4 on our chart', () => {
  // Found when Helm 4.3.1 was added: one difference, a blank line ending each document but the
  // last (withoutHelm4BlankLines says why). Any other fails here until it is understood and recorded.
  it('print the same bytes for every example unit but Helm 4’s blank line before each ---', async () => {
    const [three, four] = await Promise.all(HELMS.map(expectedFor));
    if (!three || !four) throw new Error('needs both Helms');
    expect(three.size).toBe(units.length);
    expect(units.filter((u) => withoutHelm4BlankLines(four.get(u.label)!) !== three.get(u.label)).map((u) => u.label)).toEqual([]);
    // The difference is real (every unit of more than one object has it), and only blank lines.
    const multi = units.filter((u) => three.get(u.label)!.split('\n---\n').length > 1);
    expect(multi.length).toBeGreaterThan(30);
    for (const u of multi) expect(four.get(u.label), u.label).not.toBe(three.get(u.label));
    console.log(`Helm 3 vs Helm 4: ${units.length} example units compared; ${multi.length} differ, by Helm 4's blank line before each --- only`);
  });
});

describe.each(HELMS)('a unit the chart refuses ($label)', (h) => {
  const good = path.join(REPO_ROOT, 'rendered/prod/ecommerce/ecommerce-api/values.yaml');
  const text = readFileSync(good, 'utf8');
  const cases = [
    // values.schema.json refuses it before any template runs
    { name: 'a schema violation', values: text.replace(/^replicas: .*$/m, 'replicas: many'), says: /\/replicas/ },
    // a template calls fail
    { name: 'a template failure', values: text.replace(/^  minReplicas: \d+$/m, '  minReplicas: 30'), says: /minReplicas must not exceed/ },
  ];

  it.each(cases)('$name: helm’s own message for that unit, the same from both templaters; the others still render', async ({ values, says }) => {
    expect(values).not.toBe(text);
    const file = path.join(repos[0]!.root, 'refused-values.yaml');
    repos[0]!.write('refused-values.yaml', values);
    const direct = await helm(['template', 'shop-api', CHART, '--kube-version', KUBE_VERSION, '-f', file], REPO_ROOT, h.bin).then(
      () => undefined,
      (e: { stderr: string }) => e.stderr,
    );
    expect(direct, 'helm itself refuses these values').toBeDefined();

    // The helper answers only for the Helm it is built on (the diff uses it only then).
    const engine = engineMatches(h) ? engineProcess(ENGINE!, CPUS) : undefined;
    try {
      for (const templater of [...(engine ? [engine] : []), helmPool(h.bin, CPUS)]) {
        const [before, refused, after] = await Promise.all([text, values, text].map((v) => templater.template({ chartDir: CHART, release: 'shop-api', values: v })));
        expect('error' in refused!, templater.name).toBe(true);
        const error = (refused as { error: string }).error;
        expect(error).toMatch(says);
        expect(direct).toContain(`Error: ${error}`);
        expect(error).not.toContain('--debug');
        expect(manifestOf(before!, 'before')).toContain('kind: Deployment');
        expect(manifestOf(after!, 'after')).toContain('kind: Deployment');
      }
      const fromPool = await helmPool(h.bin, 1).template({ chartDir: CHART, release: 'shop-api', values });
      if (engine) expect(await engine.template({ chartDir: CHART, release: 'shop-api', values })).toEqual(fromPool);
    } finally {
      await engine?.close();
    }
  });
});

describe.skipIf(!HELM || !ENGINE)('the object diff of every changed unit', () => {
  // More units than the 25 the diff used to stop at; one team each, so each has its own namespace.
  const CLAIMS = 30;
  const claims = (version: string) => Object.fromEntries(Array.from({ length: CLAIMS }, (_, i) => [`deployments/dev/c${i}.yaml`, claim(`c${i}`).replace('version: "1.0.0"', `version: "${version}"`).replace('team: Shop Team', `team: Team ${i}`)]));
  let before: TempRepo;
  let after: TempRepo;
  beforeAll(async () => {
    before = tempRepo(claims('1.0.0'));
    after = tempRepo(claims('1.1.0'));
    repos.push(before, after);
    for (const repo of [before, after]) {
      const r = await cli(repo.root, 'render');
      expect(r.code, r.stderr).toBe(0);
    }
  });

  async function all(templater: Templater): Promise<TemplatedUnit[]> {
    const tree = (repo: TempRepo) => new Map(Object.entries(repo.snapshot()));
    const changes = compareTrees(tree(before), tree(after));
    const out: TemplatedUnit[] = [];
    try {
      for await (const d of templatedUnits(changes, { chartDir: path.join(before.root, 'charts/common'), files: tree(before) }, { chartDir: path.join(after.root, 'charts/common'), files: tree(after) }, templater)) out.push(d);
    } finally {
      await templater.close();
    }
    return out;
  }

  it('templates all of them, in order, the same with the helper and with the pool', async () => {
    const fromEngine = await all(engineProcess(ENGINE!, CPUS));
    const fromPool = await all(helmPool(HELM!, CPUS));
    const expected = Array.from({ length: CLAIMS }, (_, i) => `rendered/dev/c${i}/api/values.yaml`).sort();
    expect(fromEngine.map((d) => d.change.path)).toEqual(expected);
    for (const d of fromEngine) {
      expect(d.before && 'manifest' in d.before ? d.before.manifest : d.before).toMatch(/image: "?\S+\/api:1\.0\.0"?$/m);
      expect(d.after && 'manifest' in d.after ? d.after.manifest : d.after).toMatch(/image: "?\S+\/api:1\.1\.0"?$/m);
    }
    expect(fromPool).toEqual(fromEngine);
  });

  it.each(HELMS)('infraforge diff with $label first on PATH shows the objects of every one of them', (h) => {
    const origin = makeOrigin(claims('1.0.0'));
    try {
      const ws = origin.clone();
      execFileSync(process.execPath, [CLI, 'render'], { cwd: ws });
      git(ws, 'add', '-A');
      git(ws, 'commit', '-qm', 'render');
      for (const [file, text] of Object.entries(claims('1.1.0'))) writeFileSync(path.join(ws, file), text);
      const env = { ...process.env, PATH: [path.dirname(h.bin), path.dirname(ENGINE!), process.env.PATH].join(path.delimiter) };
      const r = spawnSync(process.execPath, [CLI, 'diff', '--base', 'HEAD'], { cwd: ws, env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain(`templating ${CLAIMS} changed unit(s) with ${engineMatches(h) ? 'helm-engine' : 'helm template'}`);
      // One image change in every unit: said once, every unit named in its list.
      expect(r.stdout).toContain(`${CLAIMS} changed unit(s) templated`);
      for (let i = 0; i < CLAIMS; i++) expect(r.stdout).toContain(`dev/c${i}/api`);
      expect(r.stdout).toMatch(/^\+.*image: "?\S+\/api:1\.1\.0"?$/m);
      expect(r.stdout).not.toContain('not templated');
    } finally {
      origin.cleanup();
    }
  });
});

describe.skipIf(!HELM)('choosing and running a templater', () => {
  it('INFRAFORGE_HELM_ENGINE=off chooses the helm template pool, one process per CPU', async () => {
    const t = await openTemplater({ ...process.env, INFRAFORGE_HELM_ENGINE: 'off' });
    expect(t?.name).toBe(`helm template (${CPUS} processes at a time)`);
    await t?.close();
  });

  it.skipIf(!ENGINE)('the helper, found on PATH or in .ci/.tools/bin, is chosen when present', async () => {
    const t = await openTemplater({ ...process.env, PATH: [path.dirname(ENGINE!), path.dirname(HELM!), process.env.PATH].join(path.delimiter) });
    expect(t?.name).toMatch(/^helm-engine \(/);
    await t?.close();
  });

  it('a helper that dies answers every pending request with an error naming it, not a hang', async () => {
    const broken = engineProcess('/bin/false', 1);
    await expect(broken.template({ chartDir: CHART, release: 'x', values: '' })).rejects.toThrow(/\/bin\/false exited \(code 1\)/);
    await broken.close();
  });
});

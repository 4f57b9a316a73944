// npm run bench — measures the built CLI (dist/cli.js) on a synthetic repository and reports
// every figure next to an I/O floor measured in the same run: a bare script that reads the same
// claim files and writes the same output bytes. Ratios, not absolute times, are what compare
// across machines. Nothing here asserts a time; it prints a table. Then the PR diff
// (pr-diff.mjs): a change to --pr-claims claims, every changed unit's objects templated, with the
// Go helper and with one helm template process per unit.
//
//   node test/bench/bench.mjs [--claims 1000] [--apps 10] [--db-every 10] [--runs 3] [--pr-claims 100]
//   [--chart-bump]   (--runs 0 or --pr-claims 0 skips that part; --chart-bump adds the chart bump,
//   every unit templated: minutes on two cores)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchChartBump } from './chart-bump.mjs';
import { benchPrDiff } from './pr-diff.mjs';

const { values: args } = parseArgs({
  options: {
    claims: { type: 'string', default: '1000' },
    apps: { type: 'string', default: '10' },
    'db-every': { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    'pr-claims': { type: 'string', default: '100' },
    keep: { type: 'boolean', default: false },
    'chart-bump': { type: 'boolean', default: false },
  },
});
const CLAIMS = Number(args.claims);
const APPS = Number(args.apps);
const DB_EVERY = Number(args['db-every']);
const RUNS = Number(args.runs);
const PR_CLAIMS = Number(args['pr-claims']);
const ENVS = ['dev', 'staging', 'prod'];
const REPO = path.resolve(new URL('../..', import.meta.url).pathname);
const CLI = path.join(REPO, 'dist/cli.js');

function claimText(i, env) {
  const apps = [];
  for (let a = 0; a < APPS; a++) {
    apps.push(`    - name: app-${a}
      serviceName: svc-${i}-${a}
      version: "1.${a}.${i % 7}"
      replicas: ${(env === 'prod' ? 2 : 1) + (a % 3)}
      ports:
        - name: http
          port: 8080
        - name: metrics
          port: 9090
      healthCheck:
        path: /healthz
        port: 8080
        initialDelaySeconds: 10
        periodSeconds: 15
      resources:
        requests:
          cpu: ${100 + a * 10}m
          memory: ${128 + a * 16}Mi
      env:
        - name: LOG_LEVEL
          value: info
        - name: REGION
          value: eu-west-1
        - name: API_KEY
          valueFrom:
            secretKeyRef:
              name: svc-${i}-${a}-secrets
              key: api-key
${i % DB_EVERY === 0 && a === 0 ? '      uses:\n        - db\n' : ''}`);
  }
  const db = i % DB_EVERY === 0 ? `  components:\n    - type: postgresql\n      name: db\n      version: "16"\n      size: small\n` : '';
  return `apiVersion: platform.infraforge.io/v1
kind: ApplicationClaim
metadata:
  name: claim-${i}
spec:
  environment: ${env}
  owner:
    team: Team ${i}
    email: team-${i}@example.com
  applications:
${apps.join('')}${db}`;
}

function makeRepo() {
  const root = mkdtempSync(path.join(tmpdir(), 'infraforge-bench-'));
  cpSync(path.join(REPO, 'charts/common'), path.join(root, 'charts/common'), { recursive: true });
  mkdirSync(path.join(root, 'deployments'), { recursive: true });
  // A git checkout, as users have: the no-op cache lives in .git/.
  spawnSync('git', ['init', '--quiet', root]);
  writeFileSync(
    path.join(root, 'deployments/settings.yaml'),
    'apiVersion: platform.infraforge.io/v1\nkind: RenderSettings\nspec:\n  git:\n    repoURL: https://github.com/acme/platform.git\n  image:\n    owner: acme\n  deletion:\n    maxDeletedApps: 100000\n',
  );
  let bytes = 0;
  for (let i = 0; i < CLAIMS; i++) {
    const env = ENVS[i % ENVS.length];
    mkdirSync(path.join(root, 'deployments', env), { recursive: true });
    const text = claimText(i, env);
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(root, 'deployments', env, `claim-${i}.yaml`), text);
  }
  return { root, bytes };
}

/** Runs the CLI in a child and reads its wall time and peak RSS. */
function timeCli(root, ...argv) {
  const wrapper = `process.argv = [process.argv[0], ${JSON.stringify(CLI)}, ...${JSON.stringify(argv)}];
process.on('exit', () => process.stderr.write('\\nBENCH_MAXRSS_KB ' + process.resourceUsage().maxRSS + '\\n'));
await import(${JSON.stringify(CLI)});`;
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', wrapper], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`render failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  const rss = Number(/BENCH_MAXRSS_KB (\d+)/.exec(r.stderr)?.[1] ?? 0);
  return { ms, rssMb: rss / 1024, out: JSON.parse(r.stdout) };
}

function listFiles(dir, rel = '') {
  const out = [];
  for (const name of readdirSync(path.join(dir, rel)).sort()) {
    const child = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, child)).isDirectory()) out.push(...listFiles(dir, child));
    else out.push(child);
  }
  return out;
}

/** The I/O floor: read every claim file, write every output byte (same tree), in a fresh process. */
function timeFloor(root) {
  const outputs = listFiles(path.join(root, 'rendered')).map((rel) => [rel, readFileSync(path.join(root, 'rendered', rel))]);
  const manifest = path.join(root, 'floor-manifest.json');
  writeFileSync(manifest, JSON.stringify(outputs.map(([rel, b]) => [rel, b.toString('base64')])));
  const script = `import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
const root = ${JSON.stringify(root)};
const outputs = JSON.parse(readFileSync(${JSON.stringify(manifest)}, 'utf8')).map(([r, b]) => [r, Buffer.from(b, 'base64')]);
const t0 = process.hrtime.bigint();
let n = 0;
for (const env of readdirSync(path.join(root, 'deployments'), { withFileTypes: true })) {
  if (!env.isDirectory()) continue;
  for (const f of readdirSync(path.join(root, 'deployments', env.name))) n += readFileSync(path.join(root, 'deployments', env.name, f)).length;
}
const dest = path.join(root, 'floor-out');
for (const [rel, bytes] of outputs) {
  mkdirSync(path.dirname(path.join(dest, rel)), { recursive: true });
  writeFileSync(path.join(dest, rel), bytes);
}
process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6));`;
  spawnSync('sync');
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  rmSync(path.join(root, 'floor-out'), { recursive: true, force: true });
  if (r.status !== 0) throw new Error(r.stderr);
  return { ms, inner: Number(r.stdout), files: outputs.length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { root, bytes } = makeRepo();
console.log(`synthetic repo: ${CLAIMS} claims × ${APPS} apps, a database every ${DB_EVERY} claims, ${ENVS.length} environments, ${(bytes / 1e6).toFixed(1)} MB of YAML`);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`node ${process.version}, ${root}; load average at start: ${load()}\n`);

const cold = [];
const floor = [];
const noopFull = [];
const noopCached = [];
const change = [];
const freshChange = [];
let fromIndex = 0;
let written = 0;
let rss = 0;
for (let r = 0; r < RUNS; r++) {
  rmSync(path.join(root, 'rendered'), { recursive: true, force: true });
  rmSync(path.join(root, '.git/infraforge-render'), { recursive: true, force: true });
  // Both timed writers start from a flushed disk, so neither pays for the other's (or the rm's) writeback.
  spawnSync('sync');
  const c = timeCli(root, 'render', '--json');
  cold.push(c.ms);
  rss = Math.max(rss, c.rssMb);
  written = c.out.written.length;
  floor.push(timeFloor(root).ms);
  // As in a real repository, rendered/ is committed (the action does it).
  spawnSync('git', ['add', '-A'], { cwd: root });
  spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '--quiet', '-m', `render ${r}`], { cwd: root });
  const n = timeCli(root, 'render', '--json', '--no-cache');
  if (n.out.written.length || n.out.deleted.length) throw new Error('no-op render wrote files');
  noopFull.push(n.ms);
  rss = Math.max(rss, n.rssMb);
  timeCli(root, 'render', '--json'); // a full run that records the cache
  const cached = timeCli(root, 'render', '--json');
  if (!cached.out.cached || cached.out.written.length) throw new Error('steady-state no-op did not use the cache');
  noopCached.push(cached.ms);
  // One value in one claim on a fresh clone, as CI checks out: nothing in .git/ survives, only what
  // is committed (rendered/ and its render index, rendered/.infraforge/index.json).
  const clone = mkdtempSync(path.join(tmpdir(), 'infraforge-bench-clone-'));
  spawnSync('git', ['clone', '--quiet', root, clone]);
  const cloneFile = path.join(clone, 'deployments/dev/claim-3.yaml');
  writeFileSync(cloneFile, readFileSync(cloneFile, 'utf8').replace(/version: "1\.4\.[0-9]+"/, `version: "1.4.${200 + r}"`));
  const fc = timeCli(clone, 'render', '--json');
  if (fc.out.written.length !== 1) throw new Error(`fresh-clone one-value change wrote ${fc.out.written.length} files: ${fc.out.written.join(', ')}`);
  if (!fc.out.fromIndex) throw new Error('fresh-clone one-value change did not use the render index');
  fromIndex = fc.out.fromIndex;
  freshChange.push(fc.ms);
  rss = Math.max(rss, fc.rssMb);
  rmSync(clone, { recursive: true, force: true });
  // one value in one claim, in place (the snapshot cache misses; the render index holds)
  const file = path.join(root, 'deployments/dev/claim-3.yaml');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/version: "1\.4\.[0-9]+"/, `version: "1.4.${100 + r}"`));
  const o = timeCli(root, 'render', '--json');
  if (o.out.written.length !== 1) throw new Error(`one-value change wrote ${o.out.written.length} files: ${o.out.written.join(', ')}`);
  change.push(o.ms);
  rss = Math.max(rss, o.rssMb);
}

if (RUNS > 0) {
  const f = median(floor);
  const rows = [
    ['I/O floor (read claims, write outputs)', f, 1],
    ['cold render', median(cold), median(cold) / f],
    ['no-op render, full verification (--no-cache; writes nothing)', median(noopFull), median(noopFull) / f],
    ['no-op render, steady state (snapshot cache hit; writes nothing)', median(noopCached), median(noopCached) / f],
    ['one-value change in place (writes 1 file)', median(change), median(change) / f],
    ['one-value change on a fresh clone (git clone, edit, render; writes 1 file)', median(freshChange), median(freshChange) / f],
  ];
  console.log(`| measurement | median of ${RUNS} (ms) | × floor |`);
  console.log('|---|---:|---:|');
  for (const [name, ms, ratio] of rows) console.log(`| ${name} | ${ms.toFixed(0)} | ${ratio.toFixed(2)} |`);
  console.log(`\nfiles rendered: ${written}; taken from the render index on a one-value change: ${fromIndex}; peak RSS: ${rss.toFixed(0)} MB; load average at end: ${load()}`);
  console.log('targets: cold ≤ 1.5× floor; no-op ≤ 300 ms and writes nothing; a one-value change writes exactly one file, ≤ 300 ms on a fresh clone; peak RSS ≤ 300 MB');
}
if (PR_CLAIMS > 0) await benchPrDiff({ root, cli: CLI, claims: CLAIMS, apps: APPS, prClaims: PR_CLAIMS, envs: ENVS, load });
if (args['chart-bump']) {
  const git = (cwd, ...a) => spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...a], { cwd, encoding: 'utf8' });
  if (PR_CLAIMS === 0) {
    // The bump is diffed against a commit holding the render.
    spawnSync(process.execPath, [CLI, 'render'], { cwd: root });
    git(root, 'add', '-A');
    git(root, 'commit', '--quiet', '--allow-empty', '-m', 'the base of the chart bump');
  }
  await benchChartBump({ root, cli: CLI, git, load });
}
if (!args.keep) rmSync(root, { recursive: true, force: true });
else console.log(`kept ${root}`);

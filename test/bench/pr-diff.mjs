// The PR diff on the synthetic repository: a change to `prClaims` claims (every app's version, so
// every app of each is a changed unit) diffed by the built CLI three ways in one run: without the
// object diff (the floor: rendering base and head), with the Go helper (helm-engine), and with one
// `helm template` process per unit (INFRAFORGE_HELM_ENGINE=off). Per-unit cost is each run's
// excess over the floor divided by the units, two templates per unit (base and head). The base
// commits its render index, so both sides render only the changed claims; two more rows remove
// the index from the base to show the full renders it saves.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { measure } from './tree-usage.mjs';

const git = (root, ...args) => {
  const r = spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

/** The summary line says how many units were templated and how many helm could not template. */
function objectDiffsIn(file) {
  const text = readFileSync(file, 'utf8');
  const m = /in ([\d,]+) templated unit\(s\)(?:, ([\d,]+) that helm could not template)?/.exec(text);
  const n = (s) => Number((s ?? '0').replaceAll(',', ''));
  return { units: n(m?.[1]), failed: n(m?.[2]), bytes: Buffer.byteLength(text) };
}

export async function benchPrDiff({ root, cli, claims, apps, prClaims, envs, load }) {
  const render = spawnSync(process.execPath, [cli, 'render'], { cwd: root, encoding: 'utf8' });
  if (render.status !== 0) throw new Error(`render failed (${render.status}): ${render.stderr.slice(0, 2000)}`);
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '--allow-empty', '-m', 'the base of the PR');
  const changed = Math.min(prClaims, claims);
  for (let i = 0; i < changed; i++) {
    const file = path.join(root, 'deployments', envs[i % envs.length], `claim-${i}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/version: "1\.(\d+)\.(\d+)"/g, 'version: "2.$1.$2"'));
  }
  const units = changed * apps;
  const stdoutFile = path.join(root, '..', `${path.basename(root)}-diff.md`);
  const diff = async (name, extraArgs, extraEnv) => {
    const m = await measure([process.execPath, cli, 'diff', '--base', 'HEAD', ...extraArgs], { cwd: root, env: { ...process.env, ...extraEnv }, stdoutFile });
    if (m.code !== 0) throw new Error(`${name}: diff exited ${m.code}: ${m.stderr.slice(0, 2000)}`);
    const templater = /templating \d+ changed unit\(s\) with (.*)/.exec(m.stderr)?.[1] ?? 'none';
    return { name, templater, ...m, ...objectDiffsIn(stdoutFile), size: statSync(stdoutFile).size };
  };
  console.log(`\nPR diff: ${changed} claims changed (${units} units); load average before: ${load()}`);
  const rows = [];
  rows.push(await diff('render base and head only (--no-manifests)', ['--no-manifests'], {}));
  rows.push(await diff('objects by helm-engine (when installed)', [], {}));
  rows.push(await diff('objects by one helm template process per unit', [], { INFRAFORGE_HELM_ENGINE: 'off' }));
  // The same base without its render index: both sides rendered in full, as before the index.
  git(root, 'rm', '--quiet', 'rendered/.infraforge/index.json');
  git(root, 'commit', '--quiet', '-m', 'the base of the PR, without its render index');
  rows.push(await diff('render base and head only, no render index at the base (full renders)', ['--no-manifests'], {}));
  rows.push(await diff('objects by helm-engine, no render index at the base', [], {}));
  git(root, 'reset', '--quiet', '--hard', 'HEAD~1');
  rmSync(stdoutFile, { force: true });

  const floor = rows[0];
  console.log('| run | templater | wall (s) | CPU (s) | peak RSS, process tree (MB) | largest process (MB) | units templated | templating failed | output (KB) | wall per unit over floor (ms) | CPU per template (ms) |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const excess = r === floor ? '' : ((r.ms - floor.ms) / units).toFixed(1);
    const cpu = r === floor ? '' : (((r.cpuS - floor.cpuS) * 1000) / (2 * units)).toFixed(1);
    console.log(`| ${r.name} | ${r.templater} | ${(r.ms / 1000).toFixed(1)} | ${r.cpuS.toFixed(1)} | ${r.treeRssMb.toFixed(0)} | ${r.largestRssMb.toFixed(0)} | ${r.units} | ${r.failed} | ${(r.size / 1024).toFixed(0)} | ${excess} | ${cpu} |`);
  }
  console.log(`load average after: ${load()}`);
  console.log(`targets: every one of the ${units} changed units has its object diff; ≤ 60 s and ≤ 400 MB for 1,000 units on two cores`);
  return rows;
}

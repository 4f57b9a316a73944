// The chart bump on the synthetic repository (npm run bench -- --chart-bump): charts/common's
// version moves one patch, so every ApplicationSet of every claim pins the new version and every
// unit's objects change (their helm.sh/chart label) — the largest PR the product sees. The built
// CLI's `diff --format comment` prints the sticky comment exactly as the action posts it; the
// figures are its wall time, CPU, peak memory of the process tree, the comment's length and the
// distinct object changes it states, against GitHub's 65,536-character limit.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { measure } from './tree-usage.mjs';

export async function benchChartBump({ root, cli, git, load }) {
  const chartFile = path.join(root, 'charts/common/Chart.yaml');
  const original = readFileSync(chartFile, 'utf8');
  const bumped = original.replace(/^version:\s*"?(\d+)\.(\d+)\.(\d+)"?\s*$/m, (_, major, minor, patch) => `version: ${major}.${minor}.${Number(patch) + 1}`);
  if (bumped === original) throw new Error('charts/common/Chart.yaml has no version line to bump');
  writeFileSync(chartFile, bumped);
  const stdoutFile = path.join(root, '..', `${path.basename(root)}-comment.md`);
  console.log(`\nchart bump (every unit of every claim); load average before: ${load()}`);
  const m = await measure([process.execPath, cli, 'diff', '--base', 'HEAD', '--format', 'comment'], { cwd: root, env: process.env, stdoutFile });
  writeFileSync(chartFile, original);
  git(root, 'checkout', '--quiet', '--', 'charts');
  if (m.code !== 0) throw new Error(`chart bump: diff exited ${m.code}: ${m.stderr.slice(0, 2000)}`);
  const comment = readFileSync(stdoutFile, 'utf8');
  const counts = /\*\*([\d,]+) unit\(s\)\*\*.*?\*\*([\d,]+) distinct object change\(s\)\*\* in ([\d,]+) templated unit\(s\)/.exec(comment);
  const templater = /templating \d+ changed unit\(s\) with (.*)/.exec(m.stderr)?.[1] ?? 'none';
  console.log('| run | templater | wall (s) | CPU (s) | peak RSS, process tree (MB) | units with changed values | units templated | distinct object changes | comment (characters) | cut to fit |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---|');
  console.log(
    `| chart bump, diff --format comment | ${templater} | ${(m.ms / 1000).toFixed(1)} | ${m.cpuS.toFixed(1)} | ${m.treeRssMb.toFixed(0)} | ${counts?.[1] ?? '?'} | ${counts?.[3] ?? '?'} | ${counts?.[2] ?? '?'} | ${comment.length} | ${comment.includes('Cut to fit') ? 'yes' : 'no'} |`,
  );
  console.log(`load average after: ${load()}; target: the distinct changes stated in under 65,536 characters (${statSync(stdoutFile).size} bytes written)`);
  rmSync(stdoutFile, { force: true });
}

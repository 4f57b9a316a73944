/** What the chart's version was one commit ago: for "bumped from X to Y" and PR checks. */
import path from 'node:path';
import { parseChartYaml } from './chart-yaml.js';
import type { Git } from '../git/git.js';

const SAFE_PATH = /^[A-Za-z0-9._][A-Za-z0-9._/-]*$/;

export async function chartVersionAt(git: Git, rev: string, repoRelativeChartDir: string): Promise<string | undefined> {
  const file = `${repoRelativeChartDir}/Chart.yaml`;
  if (!SAFE_PATH.test(file) || file.includes('..')) return undefined;
  const text = await git.show(rev, file);
  if (text === undefined) return undefined;
  return parseChartYaml(file, text).meta?.version;
}

export async function previousChartVersion(git: Git, repoRoot: string, chartDir: string): Promise<string | undefined> {
  return chartVersionAt(git, 'HEAD~1', path.relative(repoRoot, chartDir).split(path.sep).join('/'));
}

/**
 * The publish flow shared by `infraforge chart publish` and the action's publish-chart:
 * package (gates included) → helm lint --strict with the chart's ci/ values when helm is on
 * PATH → push to the OCI registry, idempotently. Also tells what the version was bumped from.
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { InputError } from '../errors.js';
import { type ChartPackage, packageChart } from './package.js';
import { type Credentials, ociTarget, type PublishResult, publishChart } from './oci.js';

const run = promisify(execFile);

export interface PublishOptions {
  chartDir: string;
  displayDir: string;
  registry: string;
  plainHttp: boolean;
  dryRun: boolean;
  credentials: Credentials | undefined;
  log: (line: string) => void;
  /** Skips helm lint (tests of the registry half); the default runs it when helm exists. */
  lint?: boolean;
}

export interface PublishOutcome {
  pkg: ChartPackage;
  result: PublishResult | undefined;
  linted: boolean;
}

export async function lintChart(chartDir: string, displayDir: string, log: (line: string) => void): Promise<boolean> {
  try {
    await run('helm', ['version', '--short']);
  } catch {
    log('helm is not on PATH: skipping helm lint --strict (the schema and Chart.yaml gates still ran)');
    return false;
  }
  const ciDir = path.join(chartDir, 'ci');
  const valueFiles = (await readdir(ciDir).catch(() => [] as string[])).filter((f) => f.endsWith('.yaml')).sort();
  const sets = valueFiles.length ? valueFiles.map((f) => ['-f', path.join(ciDir, f)]) : [[]];
  for (const set of sets) {
    try {
      await run('helm', ['lint', '--strict', chartDir, ...set]);
    } catch (error) {
      const out = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`.trim();
      throw new InputError([{ file: `${displayDir}/${set[1] ? path.relative(chartDir, set[1]) : 'Chart.yaml'}`, code: 'chart-lint', message: `helm lint --strict failed: ${out.split('\n').slice(-5).join(' | ')}` }]);
    }
  }
  log(`helm lint --strict passed with ${valueFiles.length || 'the default'} values file(s)`);
  return true;
}

export async function publish(options: PublishOptions): Promise<PublishOutcome> {
  const pkg = await packageChart(options.chartDir, options.displayDir);
  const linted = options.lint === false ? false : await lintChart(options.chartDir, options.displayDir, options.log);
  const target = ociTarget(options.registry, pkg.meta.name, pkg.meta.version, options.plainHttp);
  if (options.dryRun) {
    options.log(`dry run: would publish ${pkg.fileName} (${pkg.digest}) to ${target.display}`);
    return { pkg, result: undefined, linted };
  }
  const result = await publishChart(pkg, target, options.credentials, options.log);
  return { pkg, result, linted };
}

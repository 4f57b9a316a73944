/** `infraforge chart package|publish`: deterministic packages, idempotent OCI publishing. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ExitCode, InputError } from '../errors.js';
import { createGit } from '../git/git.js';
import { packageChart } from '../chart/package.js';
import { publish } from '../chart/publish.js';
import { previousChartVersion } from '../chart/bump.js';
import type { CliIO, Command } from './command.js';
import { CHART_HELP, PACKAGE_HELP, PUBLISH_HELP } from './help.js';
import { parseFlags } from './options.js';
import { resolveSettings } from '../settings/resolve.js';
import { registryCredentials } from '../oci/images.js';


export const chart: Command = {
  help: CHART_HELP,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'package') return packageCommand(rest, io);
    if (sub === 'publish') return publishCommand(rest, io);
    if (sub === '--help' || sub === '-h') {
      io.stdout(`usage: infraforge chart package|publish [flags]\n\n${CHART_HELP.description}\n`);
      return ExitCode.ok;
    }
    throw new InputError([{ code: 'usage', message: `infraforge chart needs package or publish${sub ? `, got ${JSON.stringify(sub)}` : ''}` }]);
  },
};

async function packageCommand(args: string[], io: CliIO): Promise<ExitCode> {
  const values = parseFlags(PACKAGE_HELP, args, io.stdout);
  if (!values) return ExitCode.ok;
  const chartDir = path.resolve(io.cwd, (values.chart as string | undefined) ?? 'charts/common');
  const pkg = await packageChart(chartDir, path.relative(io.cwd, chartDir) || '.');
  // Not the work tree by default: a .tgz dropped there is an untracked file waiting to be committed.
  const outDir = typeof values.out === 'string' ? path.resolve(io.cwd, values.out) : await mkdtemp(path.join(tmpdir(), 'infraforge-chart-'));
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, pkg.fileName);
  await writeFile(file, pkg.bytes);
  const shown = typeof values.out === 'string' ? path.relative(io.cwd, file) || file : file;
  if (values.json) io.stdout(`${JSON.stringify({ file: shown, digest: pkg.digest, name: pkg.meta.name, version: pkg.meta.version })}\n`);
  else io.stdout(`wrote ${shown} ${pkg.digest}\n`);
  return ExitCode.ok;
}

async function publishCommand(args: string[], io: CliIO): Promise<ExitCode> {
  const values = parseFlags(PUBLISH_HELP, args, io.stdout);
  if (!values) return ExitCode.ok;
  const chartDir = path.resolve(io.cwd, (values.chart as string | undefined) ?? 'charts/common');
  const displayDir = path.relative(io.cwd, chartDir) || '.';
  // Default: the location the rendered ApplicationSets pin (deployments/settings.yaml, else ghcr.io/<owner>/charts).
  const registry = (values.registry as string | undefined) ?? (await resolveSettings(io.cwd, {}, io.env)).chart.repository;
  const credentials = registryCredentials(io.env);
  const log = (line: string) => io.stderr(`${line}\n`);
  const outcome = await publish({ chartDir, displayDir, registry, plainHttp: values['plain-http'] === true, dryRun: values['dry-run'] === true, credentials, log });
  const previous = await previousChartVersion(createGit(io.cwd), io.cwd, chartDir).catch(() => undefined);
  const bump = previous && previous !== outcome.pkg.meta.version ? `bumped from ${previous} to ${outcome.pkg.meta.version}` : previous ? `version ${previous} unchanged` : 'no previous version';
  const report = {
    name: outcome.pkg.meta.name,
    version: outcome.pkg.meta.version,
    digest: outcome.pkg.digest,
    manifestDigest: outcome.result?.manifestDigest ?? null,
    status: outcome.result?.status ?? 'dry-run',
    target: outcome.result?.target.display ?? null,
    previousVersion: previous ?? null,
    bump,
  };
  if (values.json) io.stdout(`${JSON.stringify(report)}\n`);
  else io.stdout(`${report.status}: ${report.name} ${report.version} (${bump}) ${report.digest}${report.target ? ` → ${report.target}` : ''}\n`);
  return ExitCode.ok;
}

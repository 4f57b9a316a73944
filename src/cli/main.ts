/**
 * The CLI as a function: argv and streams in, an exit code out. The bin entry (src/cli.ts)
 * only wires it to the process; tests call it directly.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { errorMessage, ExitCode, exitCodeFor, formatProblems, InputError } from '../errors.js';
import { cachedNoOp, cacheKey, fingerprint, saveCache } from '../io/render-cache.js';
import type { SettingsOverrides } from '../settings/resolve.js';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

export interface Command {
  summary: string;
  run(args: string[], io: CliIO): Promise<ExitCode>;
}

const USAGE = `usage:
  infraforge render   [--root DIR] [--env ENV]... [--check] [--json] [--allow-deletions] [--no-cache]
  infraforge validate [--root DIR] [--json]
  infraforge diff     [--root DIR] [--base GIT-REF] [--format markdown|unified]
  infraforge chart package [--chart DIR] [--out DIR]
  infraforge chart publish [--chart DIR] [--registry oci://HOST/PATH] [--dry-run]
  infraforge environments [--root DIR] [--json]

settings flags (render, validate, diff): --repo-url URL  --target-revision REV
  --chart-repository oci://HOST/PATH  --image-registry HOST  --image-owner NAME
registry checks (render, validate, diff): --verify-images  --verify-chart

exit codes: 0 ok, 1 --check found rendered/ out of date, 2 invalid input, 3 other failure`;

export const SETTINGS_FLAGS = {
  'repo-url': { type: 'string' },
  'target-revision': { type: 'string' },
  'chart-repository': { type: 'string' },
  'image-registry': { type: 'string' },
  'image-owner': { type: 'string' },
} as const;

/** Checks that ask the registries (see src/oci/render-checks.ts). */
export const REGISTRY_FLAGS = {
  'verify-images': { type: 'boolean' },
  'verify-chart': { type: 'boolean' },
} as const;

export function registryChecksFrom(values: Record<string, unknown>): { verifyImages?: true; verifyChart?: true } {
  return { ...(values['verify-images'] === true ? { verifyImages: true as const } : {}), ...(values['verify-chart'] === true ? { verifyChart: true as const } : {}) };
}

export function overridesFrom(values: Record<string, unknown>): SettingsOverrides {
  const o: SettingsOverrides = {};
  if (typeof values['repo-url'] === 'string') o.gitRepoURL = values['repo-url'];
  if (typeof values['target-revision'] === 'string') o.targetRevision = values['target-revision'];
  if (typeof values['chart-repository'] === 'string') o.chartRepository = values['chart-repository'];
  if (typeof values['image-registry'] === 'string') o.imageRegistry = values['image-registry'];
  if (typeof values['image-owner'] === 'string') o.imageOwner = values['image-owner'];
  if (values['allow-deletions'] === true) o.allowDeletions = true;
  return o;
}

const render: Command = {
  summary: 'render deployments/ into rendered/',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        root: { type: 'string' },
        env: { type: 'string', multiple: true },
        check: { type: 'boolean' },
        json: { type: 'boolean' },
        'allow-deletions': { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        ...SETTINGS_FLAGS,
        ...REGISTRY_FLAGS,
      },
      strict: true,
      allowPositionals: false,
    });
    const root = path.resolve(io.cwd, values.root ?? '.');
    const check = values.check ?? false;
    const envs = [...(values.env ?? [])].sort();
    const overrides = overridesFrom(values);
    const { allowDeletions: _allow, ...renderingOverrides } = overrides;
    // Everything besides the files that decides the output: a different value is a different cache entry.
    const key = cacheKey({ root, envs, overrides: renderingOverrides, owner: io.env.GITHUB_REPOSITORY_OWNER, repository: io.env.GITHUB_REPOSITORY, server: io.env.GITHUB_SERVER_URL });
    const checks = registryChecksFrom(values);
    // A registry check asks about the registry's state now, which no fingerprint of files can vouch for.
    const useCache = !values['no-cache'] && !checks.verifyImages && !checks.verifyChart;
    const hit = useCache ? cachedNoOp(root, key, fingerprint(root)) : undefined;
    // The pipeline (parsers, validators) loads only when there is work: a cache hit stays light.
    const result = hit !== undefined ? { written: [], deleted: [], unchanged: hit, pinned: false } : await renderNow({ root, envs, check, overrides, env: io.env, ...checks, log: (l) => io.stderr(`${l}\n`) });
    const changed = result.written.length + result.deleted.length > 0;
    // With pinDigests the output depends on where tags point today: never answer from the cache.
    if (useCache && hit === undefined && !result.pinned && (!check || !changed)) saveCache(root, key, result.unchanged + result.written.length);
    if (values.json) {
      io.stdout(`${JSON.stringify({ written: result.written, deleted: result.deleted, unchanged: result.unchanged, check, upToDate: !changed, cached: hit !== undefined })}\n`);
    } else {
      for (const f of result.written) io.stdout(`${check ? 'would write' : 'wrote'}   ${f}\n`);
      for (const f of result.deleted) io.stdout(`${check ? 'would delete' : 'deleted'} ${f}\n`);
      io.stdout(`${result.written.length} written, ${result.deleted.length} deleted, ${result.unchanged} unchanged${check ? ' (check: nothing was written)' : ''}\n`);
    }
    if (check && changed) {
      io.stderr('rendered/ is out of date: run `infraforge render` and commit the result\n');
      return ExitCode.outOfDate;
    }
    return ExitCode.ok;
  },
};

const validate: Command = {
  summary: 'validate every claim without writing anything',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { root: { type: 'string' }, json: { type: 'boolean' }, ...SETTINGS_FLAGS, ...REGISTRY_FLAGS }, strict: true, allowPositionals: false });
    const root = path.resolve(io.cwd, values.root ?? '.');
    try {
      const { buildPlan } = await import('../pipeline.js');
      const rendered = await buildPlan({ root, overrides: overridesFrom(values), env: io.env, ...registryChecksFrom(values), log: (l) => io.stderr(`${l}\n`) });
      if (values.json) io.stdout(`${JSON.stringify({ valid: true, problems: [], claims: rendered.claims.length })}\n`);
      else io.stdout(`${rendered.claims.length} claims valid\n`);
      return ExitCode.ok;
    } catch (error) {
      if (values.json && error instanceof InputError) io.stdout(`${JSON.stringify({ valid: false, problems: error.problems })}\n`);
      throw error;
    }
  },
};

async function renderNow(options: import('../pipeline.js').RenderOptions) {
  const result = await (await import('../pipeline.js')).renderRepository(options);
  return { ...result, pinned: result.rendered.settings.image.pinDigests === true };
}

const environments: Command = {
  summary: 'list the environments a full render covers (deployments/<env>/ and rendered/<env>/)',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { root: { type: 'string' }, json: { type: 'boolean' } }, strict: true, allowPositionals: false });
    const { listEnvironments } = await import('../pipeline.js');
    const envs = await listEnvironments(path.resolve(io.cwd, values.root ?? '.'));
    io.stdout(values.json ? `${JSON.stringify(envs)}\n` : envs.map((e) => `${e}\n`).join(''));
    return ExitCode.ok;
  },
};

/** A command whose code loads when it runs. */
function lazy(summary: string, load: () => Promise<Command>): Command {
  return { summary, run: async (args, io) => (await load()).run(args, io) };
}

export const COMMANDS: Record<string, Command> = {
  render,
  validate,
  environments,
  diff: lazy('show what the work tree changes in rendered/', async () => (await import('./diff.js')).diff),
  chart: lazy('package or publish charts/common', async () => (await import('./chart.js')).chart),
};

export async function runCli(argv: string[], io: CliIO, commands: Record<string, Command> = COMMANDS): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${USAGE}\n`);
    return name ? ExitCode.ok : ExitCode.invalidInput;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr(`infraforge: unknown command ${JSON.stringify(name)}\n${USAGE}\n`);
    return ExitCode.invalidInput;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

/** The one place the CLI turns a failure into output and an exit code. */
function reportFailure(error: unknown, io: CliIO): ExitCode {
  if (error instanceof InputError) {
    for (const line of formatProblems(error.problems)) io.stderr(`${line}\n`);
    io.stderr(`infraforge: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}; nothing was written\n`);
    return ExitCode.invalidInput;
  }
  if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    io.stderr(`infraforge: ${error.message}\n${USAGE}\n`);
    return ExitCode.invalidInput;
  }
  io.stderr(`infraforge: ${errorMessage(error)}\n`);
  return exitCodeFor(error);
}

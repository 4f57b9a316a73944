/**
 * The CLI as a function: argv and streams in, an exit code out. The bin entry (src/cli.ts)
 * only wires it to the process; tests call it directly.
 */
import packageJson from '../../package.json' with { type: 'json' };
import { errorMessage, ExitCode, exitCodeFor, formatProblems, InputError } from '../errors.js';
import { ALL_HELP, CHART_HELP, CODEOWNERS_HELP, DIFF_HELP, ENVIRONMENTS_HELP } from './help.js';
import type { CliIO, Command } from './command.js';
import { type CommandHelp, usageLine } from './options.js';
import { render, validate } from './render.js';

export const VERSION: string = packageJson.version;

/** A command whose code loads when it runs; its help is known without loading it. */
function lazy(help: CommandHelp, load: () => Promise<Command>): Command {
  return { help, run: async (args, io) => (await load()).run(args, io) };
}

export const COMMANDS: Record<string, Command> = {
  render,
  validate,
  environments: lazy(ENVIRONMENTS_HELP, async () => (await import('./environments.js')).environments),
  diff: lazy(DIFF_HELP, async () => (await import('./diff.js')).diff),
  codeowners: lazy(CODEOWNERS_HELP, async () => (await import('./codeowners.js')).codeowners),
  chart: lazy(CHART_HELP, async () => (await import('./chart.js')).chart),
};

export function overview(): string {
  const width = Math.max(...ALL_HELP.map((h) => h.name.length));
  return [
    `infraforge ${VERSION}: render ApplicationClaims (deployments/<env>/) into Helm values and Argo CD ApplicationSets (rendered/)`,
    '',
    'commands:',
    ...ALL_HELP.map((h) => `  ${h.name.padEnd(width)}  ${h.summary}`),
    '',
    'usage:',
    ...ALL_HELP.map((h) => `  ${usageLine(h)}`),
    '',
    'Run infraforge <command> --help for what a command does and each flag with its default.',
    'exit codes: 0 ok, 1 a generated file is out of date (render --check: rendered/; validate, codeowners --check: .github/CODEOWNERS), 2 invalid input (nothing written), 3 other failure',
    '',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIO, commands: Record<string, Command> = COMMANDS): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(overview());
    return name ? ExitCode.ok : ExitCode.invalidInput;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.stdout(`${VERSION}\n`);
    return ExitCode.ok;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr(`infraforge: unknown command ${JSON.stringify(name)}\n\n${overview()}`);
    return ExitCode.invalidInput;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportFailure(error, name, io);
  }
}

/** The one place the CLI turns a failure into output and an exit code. */
function reportFailure(error: unknown, command: string, io: CliIO): ExitCode {
  if (error instanceof InputError) {
    for (const line of formatProblems(error.problems)) io.stderr(`${line}\n`);
    const count = `${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}`;
    // Only render (and chart package) write; saying "nothing was written" elsewhere would suggest they might have.
    io.stderr(`infraforge ${command}: ${count}${command === 'render' ? '; nothing was written' : ''}\n`);
    return ExitCode.invalidInput;
  }
  if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    io.stderr(`infraforge ${command}: ${error.message}\nRun infraforge ${command} --help for its flags.\n`);
    return ExitCode.invalidInput;
  }
  io.stderr(`infraforge ${command}: ${errorMessage(error)}\n`);
  return exitCodeFor(error);
}

/**
 * What a CLI command is, and the streams it runs with. Its own module so that the commands and
 * the dispatcher (main.ts) both depend on it, and neither on the other.
 */
import type { ExitCode } from '../errors.js';
import type { CommandHelp } from './options.js';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

export interface Command {
  help: CommandHelp;
  run(args: string[], io: CliIO): Promise<ExitCode>;
}

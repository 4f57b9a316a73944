/** `infraforge environments`: what render.yml fans out over. */
import { ExitCode } from '../errors.js';
import { listEnvironments } from '../pipeline.js';
import { ENVIRONMENTS_HELP } from './help.js';
import type { Command } from './command.js';
import { parseFlags, rootDir } from './options.js';

export const environments: Command = {
  help: ENVIRONMENTS_HELP,
  async run(args, io) {
    const values = parseFlags(ENVIRONMENTS_HELP, args, io.stdout);
    if (!values) return ExitCode.ok;
    const envs = await listEnvironments(rootDir(io.cwd, values.root));
    io.stdout(values.json ? `${JSON.stringify(envs)}\n` : envs.map((e) => `${e}\n`).join(''));
    return ExitCode.ok;
  },
};

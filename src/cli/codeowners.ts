/** `infraforge codeowners`: writes .github/CODEOWNERS from the team registry, or checks it. */
import { ExitCode, InputError } from '../errors.js';
import { codeownersState, expectedCodeowners, writeCodeowners } from '../io/codeowners-file.js';
import { buildPlan } from '../pipeline.js';
import { CODEOWNERS_FILE } from '../tenancy/codeowners.js';
import { CODEOWNERS_HELP } from './help.js';
import type { Command } from './command.js';
import { parseFlags, rootDir } from './options.js';

export const codeowners: Command = {
  help: CODEOWNERS_HELP,
  async run(args, io) {
    const values = parseFlags(CODEOWNERS_HELP, args, io.stdout);
    if (!values) return ExitCode.ok;
    const root = rootDir(io.cwd, values.root);
    // The claims must be valid first: a file of an unregistered team has no owner to write.
    const rendered = await buildPlan({ root, env: io.env, log: (l) => io.stderr(`${l}\n`) });
    const expected = expectedCodeowners(rendered);
    if (expected === undefined) {
      throw new InputError([{ file: 'deployments/settings.yaml', code: 'codeowners-no-registry', message: 'infraforge codeowners needs a team registry: spec.tenancy.teams and spec.tenancy.platformOwners' }]);
    }
    const check = values.check === true;
    const before = check ? await codeownersState(root, expected) : await writeCodeowners(root, expected);
    const upToDate = before === 'up to date';
    if (values.json) io.stdout(`${JSON.stringify({ file: CODEOWNERS_FILE, upToDate, written: !check && !upToDate })}\n`);
    else if (upToDate) io.stdout(`${CODEOWNERS_FILE} is up to date\n`);
    else io.stdout(check ? `${CODEOWNERS_FILE} is ${before}; nothing was written\n` : `wrote   ${CODEOWNERS_FILE}\n`);
    if (check && !upToDate) {
      io.stderr(`${CODEOWNERS_FILE} is ${before}: run \`infraforge codeowners\` and commit it\n`);
      return ExitCode.outOfDate;
    }
    return ExitCode.ok;
  },
};

/** `infraforge diff`: what this work tree would change in rendered/, against a base commit. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fullMarkdown } from '../diff/markdown.js';
import { diffAgainst } from '../diff/diff.js';
import { ExitCode, InputError } from '../errors.js';
import { createGit } from '../git/git.js';
import { type CliIO, type Command, overridesFrom, REGISTRY_FLAGS, registryChecksFrom, SETTINGS_FLAGS } from './main.js';

export const diff: Command = {
  summary: 'show what the work tree changes in rendered/ against a base commit',
  async run(args: string[], io: CliIO): Promise<ExitCode> {
    const { values } = parseArgs({
      args,
      options: { root: { type: 'string' }, base: { type: 'string' }, format: { type: 'string' }, 'no-manifests': { type: 'boolean' }, ...SETTINGS_FLAGS, ...REGISTRY_FLAGS },
      strict: true,
      allowPositionals: false,
    });
    const format = values.format ?? 'markdown';
    if (format !== 'markdown' && format !== 'unified') {
      throw new InputError([{ file: '.', line: 1, col: 1, code: 'usage', message: `--format must be markdown or unified, got ${JSON.stringify(format)}` }]);
    }
    const root = path.resolve(io.cwd, values.root ?? '.');
    const result = await diffAgainst({
      root,
      git: createGit(root),
      baseRef: values.base ?? 'HEAD',
      overrides: overridesFrom(values),
      env: io.env,
      ...registryChecksFrom(values),
      manifests: !values['no-manifests'] && format === 'markdown',
      log: (l) => io.stderr(`${l}\n`),
    });
    io.stdout(format === 'unified' ? result.changes.map((c) => c.patch).join('') : fullMarkdown(result.report));
    if (result.chartProblem) throw new InputError([result.chartProblem]);
    return ExitCode.ok;
  },
};

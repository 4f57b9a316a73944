/** `infraforge diff`: what this work tree would change in rendered/, against a base commit. */
import { commentMarkdown, fullMarkdown } from '../diff/markdown.js';
import { diffAgainst } from '../diff/diff.js';
import { ExitCode, formatProblem, InputError, sortProblems } from '../errors.js';
import { createGit, isSafeRef } from '../git/git.js';
import type { CliIO, Command } from './command.js';
import { DIFF_HELP } from './help.js';
import { overridesFrom, parseFlags, registryChecksFrom, rootDir } from './options.js';

export const diff: Command = {
  help: DIFF_HELP,
  async run(args: string[], io: CliIO): Promise<ExitCode> {
    const values = parseFlags(DIFF_HELP, args, io.stdout);
    if (!values) return ExitCode.ok;
    const format = (values.format as string | undefined) ?? 'markdown';
    if (format !== 'markdown' && format !== 'unified' && format !== 'comment') {
      throw new InputError([{ code: 'usage', message: `--format must be markdown, comment or unified, got ${JSON.stringify(format)}` }]);
    }
    const root = rootDir(io.cwd, values.root);
    const git = createGit(root);
    const baseRef = (values.base as string | undefined) ?? 'HEAD';
    if (!isSafeRef(baseRef)) {
      throw new InputError([{ code: 'base-invalid', message: `--base ${JSON.stringify(baseRef)}: name a branch, a tag, a commit id, HEAD~N or origin/<branch>` }]);
    }
    const baseSha = await git.localCommit(baseRef);
    if (!baseSha) {
      throw new InputError([
        { code: 'base-unknown', message: `--base ${JSON.stringify(baseRef)} is not a commit, branch or tag in ${root}; diff does not fetch (run git fetch first, or name another commit)` },
      ]);
    }
    const result = await diffAgainst({
      root,
      git,
      baseRef: baseSha,
      headIsWorkTree: true,
      overrides: overridesFrom(values),
      env: io.env,
      ...registryChecksFrom(values),
      manifests: !values['no-manifests'] && format !== 'unified',
      allowUnmanaged: values['allow-unmanaged'] === true,
      log: (l) => io.stderr(`${l}\n`),
    });
    // `comment`: the pull request comment as the action posts it, cut to GitHub's limit.
    const text = { unified: () => result.changes.map((c) => c.patch).join(''), comment: () => commentMarkdown(result.report).body, markdown: () => fullMarkdown(result.report) };
    io.stdout(text[format]());
    for (const p of result.safety.stale) io.stderr(`warning: ${formatProblem(p)}\n`);
    const problems = [...result.ownershipProblems, result.chartProblem, result.codeownersProblem].filter((p) => p !== undefined);
    problems.push(...result.safety.reviewProblems);
    if (problems.length) throw new InputError(sortProblems(problems));
    return ExitCode.ok;
  },
};

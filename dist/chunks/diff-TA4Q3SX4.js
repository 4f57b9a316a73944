import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  commentMarkdown,
  diffAgainst,
  fullMarkdown
} from "./chunk-BTF6NQHZ.js";
import "./chunk-I5PNQMXV.js";
import "./chunk-S5MSHGIY.js";
import "./chunk-VEAVCBDV.js";
import "./chunk-YRF63MWK.js";
import "./chunk-QKHAPBJ3.js";
import {
  DIFF_HELP,
  overridesFrom,
  parseFlags,
  registryChecksFrom,
  rootDir
} from "./chunk-MK3YC6NL.js";
import {
  createGit,
  isSafeRef
} from "./chunk-7DMIJNEK.js";
import "./chunk-VVC7TDTM.js";
import {
  ExitCode,
  InputError,
  formatProblem,
  sortProblems
} from "./chunk-T4QEYBET.js";

// src/cli/diff.ts
var diff = {
  help: DIFF_HELP,
  async run(args, io) {
    const values = parseFlags(DIFF_HELP, args, io.stdout);
    if (!values) return ExitCode.ok;
    const format = values.format ?? "markdown";
    if (format !== "markdown" && format !== "unified" && format !== "comment") {
      throw new InputError([{ code: "usage", message: `--format must be markdown, comment or unified, got ${JSON.stringify(format)}` }]);
    }
    const root = rootDir(io.cwd, values.root);
    const git = createGit(root);
    const baseRef = values.base ?? "HEAD";
    if (!isSafeRef(baseRef)) {
      throw new InputError([{ code: "base-invalid", message: `--base ${JSON.stringify(baseRef)}: name a branch, a tag, a commit id, HEAD~N or origin/<branch>` }]);
    }
    const baseSha = await git.localCommit(baseRef);
    if (!baseSha) {
      throw new InputError([
        { code: "base-unknown", message: `--base ${JSON.stringify(baseRef)} is not a commit, branch or tag in ${root}; diff does not fetch (run git fetch first, or name another commit)` }
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
      manifests: !values["no-manifests"] && format !== "unified",
      allowUnmanaged: values["allow-unmanaged"] === true,
      log: (l) => io.stderr(`${l}
`)
    });
    const text = { unified: () => result.changes.map((c) => c.patch).join(""), comment: () => commentMarkdown(result.report).body, markdown: () => fullMarkdown(result.report) };
    io.stdout(text[format]());
    for (const p of result.safety.stale) io.stderr(`warning: ${formatProblem(p)}
`);
    const problems = [...result.ownershipProblems, result.chartProblem, result.codeownersProblem].filter((p) => p !== void 0);
    problems.push(...result.safety.reviewProblems);
    if (problems.length) throw new InputError(sortProblems(problems));
    return ExitCode.ok;
  }
};
export {
  diff
};

import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  diffAgainst,
  fullMarkdown
} from "./chunk-QU2JNDNL.js";
import "./chunk-WUKBA73Z.js";
import "./chunk-NNG4ZKK2.js";
import {
  DIFF_HELP,
  overridesFrom,
  parseFlags,
  registryChecksFrom,
  rootDir
} from "./chunk-VFE4JGV2.js";
import {
  createGit,
  isSafeRef
} from "./chunk-6AM3FN3L.js";
import {
  ExitCode,
  InputError
} from "./chunk-SOMP4Y6R.js";

// src/cli/diff.ts
var diff = {
  help: DIFF_HELP,
  async run(args, io) {
    const values = parseFlags(DIFF_HELP, args, io.stdout);
    if (!values) return ExitCode.ok;
    const format = values.format ?? "markdown";
    if (format !== "markdown" && format !== "unified") {
      throw new InputError([{ code: "usage", message: `--format must be markdown or unified, got ${JSON.stringify(format)}` }]);
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
      manifests: !values["no-manifests"] && format === "markdown",
      log: (l) => io.stderr(`${l}
`)
    });
    io.stdout(format === "unified" ? result.changes.map((c) => c.patch).join("") : fullMarkdown(result.report));
    if (result.chartProblem) throw new InputError([result.chartProblem]);
    return ExitCode.ok;
  }
};
export {
  diff
};

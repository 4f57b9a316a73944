import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  SETTINGS_FLAGS,
  overridesFrom
} from "./chunk-O6HOTHHR.js";
import {
  diffAgainst,
  fullMarkdown
} from "./chunk-6EQOZ4QU.js";
import "./chunk-A7CABFNQ.js";
import {
  createGit
} from "./chunk-CVTD6R2G.js";
import "./chunk-KW3ACKEJ.js";
import {
  ExitCode,
  InputError
} from "./chunk-SVZWPUGU.js";

// src/cli/diff.ts
import path from "node:path";
import { parseArgs } from "node:util";
var diff = {
  summary: "show what the work tree changes in rendered/ against a base commit",
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { root: { type: "string" }, base: { type: "string" }, format: { type: "string" }, "no-manifests": { type: "boolean" }, ...SETTINGS_FLAGS },
      strict: true,
      allowPositionals: false
    });
    const format = values.format ?? "markdown";
    if (format !== "markdown" && format !== "unified") {
      throw new InputError([{ file: ".", line: 1, col: 1, code: "usage", message: `--format must be markdown or unified, got ${JSON.stringify(format)}` }]);
    }
    const root = path.resolve(io.cwd, values.root ?? ".");
    const result = await diffAgainst({
      root,
      git: createGit(root),
      baseRef: values.base ?? "HEAD",
      overrides: overridesFrom(values),
      env: io.env,
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

import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  listEnvironments
} from "./chunk-WUKBA73Z.js";
import {
  ENVIRONMENTS_HELP,
  parseFlags,
  rootDir
} from "./chunk-VFE4JGV2.js";
import "./chunk-6AM3FN3L.js";
import {
  ExitCode
} from "./chunk-SOMP4Y6R.js";

// src/cli/environments.ts
var environments = {
  help: ENVIRONMENTS_HELP,
  async run(args, io) {
    const values = parseFlags(ENVIRONMENTS_HELP, args, io.stdout);
    if (!values) return ExitCode.ok;
    const envs = await listEnvironments(rootDir(io.cwd, values.root));
    io.stdout(values.json ? `${JSON.stringify(envs)}
` : envs.map((e) => `${e}
`).join(""));
    return ExitCode.ok;
  }
};
export {
  environments
};

import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  listEnvironments
} from "./chunk-NZFAGSHO.js";
import "./chunk-X6OGTWYN.js";
import {
  ENVIRONMENTS_HELP,
  parseFlags,
  rootDir
} from "./chunk-EMX6GCDN.js";
import "./chunk-ACHWKVYP.js";
import "./chunk-L3QWIUZL.js";
import {
  ExitCode
} from "./chunk-T4QEYBET.js";

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

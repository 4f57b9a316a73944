import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  listEnvironments
} from "./chunk-HK6HYPFU.js";
import "./chunk-UI5ALF2D.js";
import {
  ENVIRONMENTS_HELP,
  parseFlags,
  rootDir
} from "./chunk-T247RSNQ.js";
import "./chunk-CYEO3Y4K.js";
import "./chunk-VVC7TDTM.js";
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

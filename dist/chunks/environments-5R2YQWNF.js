import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  listEnvironments
} from "./chunk-S5MSHGIY.js";
import "./chunk-VEAVCBDV.js";
import "./chunk-YRF63MWK.js";
import {
  ENVIRONMENTS_HELP,
  parseFlags,
  rootDir
} from "./chunk-MK3YC6NL.js";
import "./chunk-7DMIJNEK.js";
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

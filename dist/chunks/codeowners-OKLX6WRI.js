import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  CODEOWNERS_FILE,
  codeownersState,
  expectedCodeowners,
  writeCodeowners
} from "./chunk-I5PNQMXV.js";
import {
  buildPlan
} from "./chunk-S5MSHGIY.js";
import "./chunk-VEAVCBDV.js";
import "./chunk-YRF63MWK.js";
import {
  CODEOWNERS_HELP,
  parseFlags,
  rootDir
} from "./chunk-MK3YC6NL.js";
import "./chunk-7DMIJNEK.js";
import "./chunk-VVC7TDTM.js";
import {
  ExitCode,
  InputError
} from "./chunk-T4QEYBET.js";

// src/cli/codeowners.ts
var codeowners = {
  help: CODEOWNERS_HELP,
  async run(args, io) {
    const values = parseFlags(CODEOWNERS_HELP, args, io.stdout);
    if (!values) return ExitCode.ok;
    const root = rootDir(io.cwd, values.root);
    const rendered = await buildPlan({ root, env: io.env, log: (l) => io.stderr(`${l}
`) });
    const expected = expectedCodeowners(rendered);
    if (expected === void 0) {
      throw new InputError([{ file: "deployments/settings.yaml", code: "codeowners-no-registry", message: "infraforge codeowners needs a team registry: spec.tenancy.teams and spec.tenancy.platformOwners" }]);
    }
    const check = values.check === true;
    const before = check ? await codeownersState(root, expected) : await writeCodeowners(root, expected);
    const upToDate = before === "up to date";
    if (values.json) io.stdout(`${JSON.stringify({ file: CODEOWNERS_FILE, upToDate, written: !check && !upToDate })}
`);
    else if (upToDate) io.stdout(`${CODEOWNERS_FILE} is up to date
`);
    else io.stdout(check ? `${CODEOWNERS_FILE} is ${before}; nothing was written
` : `wrote   ${CODEOWNERS_FILE}
`);
    if (check && !upToDate) {
      io.stderr(`${CODEOWNERS_FILE} is ${before}: run \`infraforge codeowners\` and commit it
`);
      return ExitCode.outOfDate;
    }
    return ExitCode.ok;
  }
};
export {
  codeowners
};

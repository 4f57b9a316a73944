import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  ExitCode,
  InputError,
  errorMessage,
  exitCodeFor,
  formatProblems
} from "./chunk-SVZWPUGU.js";

// src/cli/main.ts
import path2 from "node:path";
import { parseArgs } from "node:util";

// src/io/render-cache.ts
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
var FORMAT = 2;
var MAX_DIRTY = 500;
var INPUT_PATHS = ["deployments", "charts/common/Chart.yaml", "charts/common/values.schema.json"];
var PATHS = [...INPUT_PATHS, "rendered"];
function cachePath(root) {
  try {
    return statSync(path.join(root, ".git")).isDirectory() ? path.join(root, ".git", "infraforge-render", "render-cache.json") : void 0;
  } catch {
    return void 0;
  }
}
function git(root, args) {
  return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 << 20 });
}
function fingerprint(root) {
  if (!cachePath(root)) return void 0;
  try {
    const tree = git(root, ["ls-tree", "-z", "HEAD", "--", ...PATHS]);
    const inputs = git(root, ["--no-optional-locks", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignored=matching", "--", ...INPUT_PATHS]);
    const outputs = git(root, ["--no-optional-locks", "status", "--porcelain=v1", "-z", "--untracked-files=no", "--", "rendered"]);
    const dirty = `${inputs}${outputs}`.split("\0").filter(Boolean);
    if (dirty.length > MAX_DIRTY) return void 0;
    const hashes = dirty.map((entry) => {
      const file = entry.slice(3);
      try {
        const st = lstatSync(path.join(root, file));
        const content = st.isFile() ? readFileSync(path.join(root, file)) : Buffer.from(`${st.mode}`);
        return `${entry}	${createHash("sha256").update(content).digest("hex")}`;
      } catch {
        return `${entry}	missing`;
      }
    });
    const origin = (() => {
      try {
        return git(root, ["config", "--get", "remote.origin.url"]).trim();
      } catch {
        return "";
      }
    })();
    return createHash("sha256").update([tree, ...hashes, origin, codeFingerprint()].join("\n")).digest("hex");
  } catch {
    return void 0;
  }
}
function codeFingerprint() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const lines = [];
  for (const dir of [here, path.dirname(here)]) {
    for (const name of readdirSync(dir).sort()) {
      const st = statSync(path.join(dir, name));
      if (st.isFile()) lines.push(`${dir}/${name}:${st.size}:${st.mtimeMs}:${st.ino}`);
    }
  }
  return lines.join("\n");
}
function cacheKey(options) {
  return createHash("sha256").update(JSON.stringify(options)).digest("hex");
}
function cachedNoOp(root, key, current) {
  const file = cachePath(root);
  if (!file || !current) return void 0;
  try {
    const cached = JSON.parse(readFileSync(file, "utf8"));
    if (cached.format === FORMAT && cached.key === key && cached.fingerprint === current) return cached.unchanged;
  } catch {
  }
  return void 0;
}
function saveCache(root, key, unchanged) {
  const file = cachePath(root);
  const current = fingerprint(root);
  if (!file || !current) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ format: FORMAT, key, fingerprint: current, unchanged }));
  renameSync(temp, file);
}

// src/cli/main.ts
var USAGE = `usage:
  infraforge render   [--root DIR] [--env ENV]... [--check] [--json] [--allow-deletions] [--no-cache]
  infraforge validate [--root DIR] [--json]
  infraforge diff     [--root DIR] [--base GIT-REF] [--format markdown|unified]
  infraforge chart package [--chart DIR] [--out DIR]
  infraforge chart publish [--chart DIR] [--registry oci://HOST/PATH] [--dry-run]

settings flags (render, validate, diff): --repo-url URL  --target-revision REV
  --chart-repository oci://HOST/PATH  --image-registry HOST  --image-owner NAME

exit codes: 0 ok, 1 --check found rendered/ out of date, 2 invalid input, 3 other failure`;
var SETTINGS_FLAGS = {
  "repo-url": { type: "string" },
  "target-revision": { type: "string" },
  "chart-repository": { type: "string" },
  "image-registry": { type: "string" },
  "image-owner": { type: "string" }
};
function overridesFrom(values) {
  const o = {};
  if (typeof values["repo-url"] === "string") o.gitRepoURL = values["repo-url"];
  if (typeof values["target-revision"] === "string") o.targetRevision = values["target-revision"];
  if (typeof values["chart-repository"] === "string") o.chartRepository = values["chart-repository"];
  if (typeof values["image-registry"] === "string") o.imageRegistry = values["image-registry"];
  if (typeof values["image-owner"] === "string") o.imageOwner = values["image-owner"];
  if (values["allow-deletions"] === true) o.allowDeletions = true;
  return o;
}
var render = {
  summary: "render deployments/ into rendered/",
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        root: { type: "string" },
        env: { type: "string", multiple: true },
        check: { type: "boolean" },
        json: { type: "boolean" },
        "allow-deletions": { type: "boolean" },
        "no-cache": { type: "boolean" },
        ...SETTINGS_FLAGS
      },
      strict: true,
      allowPositionals: false
    });
    const root = path2.resolve(io.cwd, values.root ?? ".");
    const check = values.check ?? false;
    const envs = [...values.env ?? []].sort();
    const overrides = overridesFrom(values);
    const { allowDeletions: _allow, ...renderingOverrides } = overrides;
    const key = cacheKey({ root, envs, overrides: renderingOverrides, owner: io.env.GITHUB_REPOSITORY_OWNER, repository: io.env.GITHUB_REPOSITORY, server: io.env.GITHUB_SERVER_URL });
    const useCache = !values["no-cache"];
    const hit = useCache ? cachedNoOp(root, key, fingerprint(root)) : void 0;
    const result = hit !== void 0 ? { written: [], deleted: [], unchanged: hit } : await (await import("./pipeline-KJOTBQ72.js")).renderRepository({ root, envs, check, overrides, env: io.env });
    const changed = result.written.length + result.deleted.length > 0;
    if (useCache && hit === void 0 && (!check || !changed)) saveCache(root, key, result.unchanged + result.written.length);
    if (values.json) {
      io.stdout(`${JSON.stringify({ written: result.written, deleted: result.deleted, unchanged: result.unchanged, check, upToDate: !changed, cached: hit !== void 0 })}
`);
    } else {
      for (const f of result.written) io.stdout(`${check ? "would write" : "wrote"}   ${f}
`);
      for (const f of result.deleted) io.stdout(`${check ? "would delete" : "deleted"} ${f}
`);
      io.stdout(`${result.written.length} written, ${result.deleted.length} deleted, ${result.unchanged} unchanged${check ? " (check: nothing was written)" : ""}
`);
    }
    if (check && changed) {
      io.stderr("rendered/ is out of date: run `infraforge render` and commit the result\n");
      return ExitCode.outOfDate;
    }
    return ExitCode.ok;
  }
};
var validate = {
  summary: "validate every claim without writing anything",
  async run(args, io) {
    const { values } = parseArgs({ args, options: { root: { type: "string" }, json: { type: "boolean" }, ...SETTINGS_FLAGS }, strict: true, allowPositionals: false });
    const root = path2.resolve(io.cwd, values.root ?? ".");
    try {
      const { buildPlan } = await import("./pipeline-KJOTBQ72.js");
      const rendered = await buildPlan({ root, overrides: overridesFrom(values), env: io.env });
      if (values.json) io.stdout(`${JSON.stringify({ valid: true, problems: [], claims: rendered.claims.length })}
`);
      else io.stdout(`${rendered.claims.length} claims valid
`);
      return ExitCode.ok;
    } catch (error) {
      if (values.json && error instanceof InputError) io.stdout(`${JSON.stringify({ valid: false, problems: error.problems })}
`);
      throw error;
    }
  }
};
function lazy(summary, load) {
  return { summary, run: async (args, io) => (await load()).run(args, io) };
}
var COMMANDS = {
  render,
  validate,
  diff: lazy("show what the work tree changes in rendered/", async () => (await import("./diff-LE2BXHDU.js")).diff),
  chart: lazy("package or publish charts/common", async () => (await import("./chart-IHXZ2LHL.js")).chart)
};
async function runCli(argv, io, commands = COMMANDS) {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(`${USAGE}
`);
    return name ? ExitCode.ok : ExitCode.invalidInput;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : void 0;
  if (!command) {
    io.stderr(`infraforge: unknown command ${JSON.stringify(name)}
${USAGE}
`);
    return ExitCode.invalidInput;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}
function reportFailure(error, io) {
  if (error instanceof InputError) {
    for (const line of formatProblems(error.problems)) io.stderr(`${line}
`);
    io.stderr(`infraforge: ${error.problems.length} problem${error.problems.length === 1 ? "" : "s"}; nothing was written
`);
    return ExitCode.invalidInput;
  }
  if (error instanceof TypeError && error.code?.startsWith("ERR_PARSE_ARGS")) {
    io.stderr(`infraforge: ${error.message}
${USAGE}
`);
    return ExitCode.invalidInput;
  }
  io.stderr(`infraforge: ${errorMessage(error)}
`);
  return exitCodeFor(error);
}

export {
  SETTINGS_FLAGS,
  overridesFrom,
  runCli
};

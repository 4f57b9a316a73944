#!/usr/bin/env node
import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildDir
} from "./chunks/chunk-VEAVCBDV.js";
import {
  ALL_HELP,
  CHART_HELP,
  CODEOWNERS_HELP,
  DIFF_HELP,
  ENVIRONMENTS_HELP,
  RENDER_HELP,
  VALIDATE_HELP,
  overridesFrom,
  parseFlags,
  registryChecksFrom,
  rootDir,
  usageLine
} from "./chunks/chunk-MK3YC6NL.js";
import {
  ExitCode,
  InputError,
  errorMessage,
  exitCodeFor,
  formatProblems
} from "./chunks/chunk-T4QEYBET.js";

// package.json
var package_default = {
  name: "infraforge-render",
  version: "0.1.0",
  description: "Render ApplicationClaims into Helm values and Argo CD ApplicationSets, as a GitHub Action and a CLI.",
  license: "MIT",
  private: true,
  type: "module",
  engines: {
    node: ">=24"
  },
  bin: {
    infraforge: "dist/cli.js"
  },
  scripts: {
    build: "node .ci/build.mjs",
    typecheck: "tsc --noEmit -p tsconfig.json",
    render: "node dist/cli.js render",
    test: "tsc --noEmit -p tsconfig.json && vitest run --config test/vitest.config.ts",
    e2e: "vitest run --config test/e2e/vitest.config.ts",
    "e2e:loop": "vitest run --config test/e2e/vitest.config.ts test/e2e/loop.e2e.test.ts",
    bench: "node test/bench/bench.mjs"
  },
  dependencies: {
    "@actions/core": "3.0.1",
    "@actions/github": "9.1.1",
    ajv: "8.20.0",
    diff: "9.0.0",
    "js-yaml": "5.5.0",
    "simple-git": "4.0.2",
    yaml: "2.9.1"
  },
  devDependencies: {
    "@cdktf/hcl2json": "0.21.0",
    "@octokit/openapi": "23.0.2",
    "@types/node": "24.19.2",
    esbuild: "0.28.2",
    "kubernetes-models": "5.1.0",
    typescript: "7.0.2",
    vitest: "5.1.1"
  }
};

// src/io/render-cache.ts
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
var FORMAT = 3;
var INPUT_DIRS = ["deployments", "charts", "infrastructure"];
var OUTPUT_DIR = "rendered";
var RACY_MS = 1e3;
var MAX_RACY = 256;
function openRenderCache(root, options) {
  const file = cachePath(root);
  if (!file || hasConfigIncludes(root)) return void 0;
  const key = sha256(JSON.stringify({ root, options, code: codeFingerprint() }));
  return {
    lookup: () => lookup(root, file, key),
    save: (unchanged, written) => save(root, file, key, unchanged, written)
  };
}
function lookup(root, file, key) {
  let cached;
  try {
    cached = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return void 0;
  }
  if (cached.format !== FORMAT || cached.key !== key) return void 0;
  const now = snapshot(root);
  if (now.stats !== cached.stats) return void 0;
  for (const [rel, hash] of Object.entries(cached.racy)) {
    if (contentHash(root, rel) !== hash) return void 0;
  }
  if (Object.keys(cached.racy).length > 0 && now.recent.length === 0) write(file, { ...cached, racy: {} });
  return cached.unchanged;
}
function save(root, file, key, unchanged, written) {
  const snap = written > MAX_RACY ? void 0 : snapshot(root);
  if (!snap || snap.recent.length > MAX_RACY) {
    rmSync(file, { force: true });
    return;
  }
  const racy = {};
  for (const rel of snap.recent) racy[rel] = contentHash(root, rel) ?? "missing";
  write(file, { format: FORMAT, key, stats: snap.stats, racy, unchanged });
}
function snapshot(root) {
  const taken = Date.now();
  const base = `${root}${path.sep}`;
  const lines = [];
  const recent = [];
  const visit = (rel, entries) => {
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const entry of entries) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        lines.push(`d ${child}`);
        visit(child, readdirSync(base + child, { withFileTypes: true }));
        continue;
      }
      const st = lstatSync(base + child);
      lines.push(`${entry.isFile() ? "f" : "o"} ${child} ${st.size} ${st.mtimeMs} ${st.ctimeMs} ${st.ino} ${st.mode}`);
      if (entry.isFile() && (st.mtimeMs > taken - RACY_MS || st.ctimeMs > taken - RACY_MS)) recent.push(child);
    }
  };
  for (const dir of [...INPUT_DIRS, OUTPUT_DIR]) {
    let entries;
    try {
      entries = readdirSync(base + dir, { withFileTypes: true });
    } catch {
      lines.push(`- ${dir}`);
      continue;
    }
    lines.push(`d ${dir}`);
    visit(dir, entries);
  }
  lines.push(`config ${contentHash(root, ".git/config") ?? "-"}`);
  return { stats: sha256(lines.join("\n")), recent };
}
function hasConfigIncludes(root) {
  try {
    return /^\s*\[include/im.test(readFileSync(path.join(root, ".git", "config"), "utf8"));
  } catch {
    return false;
  }
}
function contentHash(root, rel) {
  try {
    return sha256(readFileSync(path.join(root, rel)));
  } catch {
    return void 0;
  }
}
function cachePath(root) {
  try {
    return statSync(path.join(root, ".git")).isDirectory() ? path.join(root, ".git", "infraforge-render", "render-cache.json") : void 0;
  } catch {
    return void 0;
  }
}
function write(file, content) {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(content));
    renameSync(temp, file);
  } catch {
  }
}
function codeFingerprint() {
  const dir = buildDir();
  const lines = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1)) {
      const abs = path.join(d, entry.name);
      if (entry.isDirectory()) walk(abs);
      else {
        const st = statSync(abs);
        lines.push(`${abs} ${st.size} ${st.mtimeMs} ${st.ino}`);
      }
    }
  };
  walk(dir);
  return sha256(lines.join("\n"));
}
function sha256(data) {
  return createHash("sha256").update(data).digest("hex");
}

// src/cli/render.ts
async function renderNow(options) {
  const result = await (await import("./chunks/pipeline-B3ICESGO.js")).renderRepository(options);
  return { ...result, pinned: result.rendered.settings.image.pinDigests === true, fromIndex: result.rendered.kept.size };
}
var render = {
  help: RENDER_HELP,
  async run(args, io) {
    const values = parseFlags(RENDER_HELP, args, io.stdout);
    if (!values) return ExitCode.ok;
    const root = rootDir(io.cwd, values.root);
    const check = values.check === true;
    const envs = [...values.env ?? []].sort();
    const overrides = overridesFrom(values);
    const { allowDeletions: _allow, ...renderingOverrides } = overrides;
    const checks = registryChecksFrom(values);
    const cache = check || values["no-cache"] === true || checks.verifyImages || checks.verifyChart ? void 0 : openRenderCache(root, { envs, overrides: renderingOverrides, owner: io.env.GITHUB_REPOSITORY_OWNER, repository: io.env.GITHUB_REPOSITORY, server: io.env.GITHUB_SERVER_URL });
    const hit = cache?.lookup();
    const result = hit !== void 0 ? { written: [], deleted: [], unchanged: hit, unmanaged: [], pinned: false, indexWritten: false, fromIndex: 0 } : await renderNow({
      root,
      envs,
      check,
      overrides,
      allowUnmanaged: values["allow-unmanaged"] === true,
      env: io.env,
      ...checks,
      // The committed index is a way to do less (every claim is still parsed and checked), never to answer a check.
      useIndex: !check && values["no-cache"] !== true,
      log: (l) => io.stderr(`${l}
`)
    });
    if (cache && hit === void 0 && !result.pinned && result.unmanaged.length === 0) cache.save(result.unchanged + result.written.length, result.written.length);
    const changed = result.written.length + result.deleted.length > 0;
    for (const f of result.unmanaged) io.stderr(`${f}: left alone (--allow-unmanaged): no claim produces it and infraforge did not write it
`);
    if (values.json) {
      io.stdout(`${JSON.stringify({ written: result.written, deleted: result.deleted, unchanged: result.unchanged, unmanaged: result.unmanaged, check, upToDate: !changed, cached: hit !== void 0, indexWritten: result.indexWritten, fromIndex: result.fromIndex })}
`);
    } else if (check) {
      for (const f of result.written) io.stdout(`out of date: ${f}
`);
      for (const f of result.deleted) io.stdout(`would delete: ${f}
`);
      io.stdout(changed ? `${result.written.length} to write, ${result.deleted.length} to delete, ${result.unchanged} up to date; nothing was written
` : `rendered/ is up to date (${result.unchanged} files)
`);
    } else {
      for (const f of result.written) io.stdout(`wrote   ${f}
`);
      for (const f of result.deleted) io.stdout(`deleted ${f}
`);
      io.stdout(`${result.written.length} written, ${result.deleted.length} deleted, ${result.unchanged} unchanged${hit !== void 0 ? " (nothing changed since the last render)" : ""}
`);
    }
    if (check && changed) {
      io.stderr("rendered/ is out of date: run `infraforge render` and commit the result\n");
      return ExitCode.outOfDate;
    }
    return ExitCode.ok;
  }
};
async function codeownersCheck(root, rendered) {
  const { codeownersState, expectedCodeowners } = await import("./chunks/codeowners-file-NDFDOP4Z.js");
  const expected = expectedCodeowners(rendered);
  return expected === void 0 ? void 0 : codeownersState(root, expected);
}
var validate = {
  help: VALIDATE_HELP,
  async run(args, io) {
    const values = parseFlags(VALIDATE_HELP, args, io.stdout);
    if (!values) return ExitCode.ok;
    const root = rootDir(io.cwd, values.root);
    try {
      const { buildPlan } = await import("./chunks/pipeline-B3ICESGO.js");
      const rendered = await buildPlan({ root, overrides: overridesFrom(values), env: io.env, ...registryChecksFrom(values), log: (l) => io.stderr(`${l}
`) });
      const codeowners = await codeownersCheck(root, rendered);
      if (values.json) io.stdout(`${JSON.stringify({ valid: true, problems: [], claims: rendered.claims.length, ignored: rendered.ignored, ...codeowners ? { codeowners } : {} })}
`);
      else {
        for (const file of rendered.ignored) io.stdout(`ignored ${file} (not a claim: only *.yaml and *.yml files with lowercase names are read)
`);
        io.stdout(`${rendered.claims.length} claims valid
`);
      }
      if (codeowners && codeowners !== "up to date") {
        io.stderr(`.github/CODEOWNERS is ${codeowners}: run \`infraforge codeowners\` and commit it
`);
        return ExitCode.outOfDate;
      }
      return ExitCode.ok;
    } catch (error) {
      if (values.json && error instanceof InputError) io.stdout(`${JSON.stringify({ valid: false, problems: error.problems })}
`);
      throw error;
    }
  }
};

// src/cli/main.ts
var VERSION = package_default.version;
function lazy(help, load) {
  return { help, run: async (args, io) => (await load()).run(args, io) };
}
var COMMANDS = {
  render,
  validate,
  environments: lazy(ENVIRONMENTS_HELP, async () => (await import("./chunks/environments-5R2YQWNF.js")).environments),
  diff: lazy(DIFF_HELP, async () => (await import("./chunks/diff-TA4Q3SX4.js")).diff),
  codeowners: lazy(CODEOWNERS_HELP, async () => (await import("./chunks/codeowners-OKLX6WRI.js")).codeowners),
  chart: lazy(CHART_HELP, async () => (await import("./chunks/chart-QUNR36NI.js")).chart)
};
function overview() {
  const width = Math.max(...ALL_HELP.map((h) => h.name.length));
  return [
    `infraforge ${VERSION}: render ApplicationClaims (deployments/<env>/) into Helm values and Argo CD ApplicationSets (rendered/)`,
    "",
    "commands:",
    ...ALL_HELP.map((h) => `  ${h.name.padEnd(width)}  ${h.summary}`),
    "",
    "usage:",
    ...ALL_HELP.map((h) => `  ${usageLine(h)}`),
    "",
    "Run infraforge <command> --help for what a command does and each flag with its default.",
    "exit codes: 0 ok, 1 a generated file is out of date (render --check: rendered/; validate, codeowners --check: .github/CODEOWNERS), 2 invalid input (nothing written), 3 other failure",
    ""
  ].join("\n");
}
async function runCli(argv, io, commands = COMMANDS) {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    (name ? io.stdout : io.stderr)(overview());
    return name ? ExitCode.ok : ExitCode.invalidInput;
  }
  if (name === "--version" || name === "-V" || name === "version") {
    io.stdout(`${VERSION}
`);
    return ExitCode.ok;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : void 0;
  if (!command) {
    io.stderr(`infraforge: unknown command ${JSON.stringify(name)}

${overview()}`);
    return ExitCode.invalidInput;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportFailure(error, name, io);
  }
}
function reportFailure(error, command, io) {
  if (error instanceof InputError) {
    for (const line of formatProblems(error.problems)) io.stderr(`${line}
`);
    const count = `${error.problems.length} problem${error.problems.length === 1 ? "" : "s"}`;
    io.stderr(`infraforge ${command}: ${count}${command === "render" ? "; nothing was written" : ""}
`);
    return ExitCode.invalidInput;
  }
  if (error instanceof TypeError && error.code?.startsWith("ERR_PARSE_ARGS")) {
    io.stderr(`infraforge ${command}: ${error.message}
Run infraforge ${command} --help for its flags.
`);
    return ExitCode.invalidInput;
  }
  io.stderr(`infraforge ${command}: ${errorMessage(error)}
`);
  return exitCodeFor(error);
}

// src/cli.ts
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env
});

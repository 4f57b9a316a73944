#!/usr/bin/env node
import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  ExitCode,
  InputError,
  buildPlan,
  createGit,
  diffAgainst,
  errorMessage,
  exitCodeFor,
  formatProblems,
  fullMarkdown,
  packageChart,
  previousChartVersion,
  publish,
  renderRepository,
  resolveSettings
} from "./chunks/chunk-2S42MQIF.js";

// src/cli/main.ts
import path3 from "node:path";
import { parseArgs as parseArgs3 } from "node:util";

// src/cli/chart.ts
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
var chart = {
  summary: "package or publish charts/common",
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === "package") return packageCommand(rest, io);
    if (sub === "publish") return publishCommand(rest, io);
    throw new InputError([{ file: "charts/common", line: 1, col: 1, code: "usage", message: "usage: infraforge chart package|publish [options]" }]);
  }
};
async function packageCommand(args, io) {
  const { values } = parseArgs({ args, options: { chart: { type: "string" }, out: { type: "string" }, json: { type: "boolean" } }, strict: true, allowPositionals: false });
  const chartDir = path.resolve(io.cwd, values.chart ?? "charts/common");
  const pkg = await packageChart(chartDir, path.relative(io.cwd, chartDir) || ".");
  const outDir = path.resolve(io.cwd, values.out ?? ".");
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, pkg.fileName);
  await writeFile(file, pkg.bytes);
  if (values.json) io.stdout(`${JSON.stringify({ file: path.relative(io.cwd, file), digest: pkg.digest, name: pkg.meta.name, version: pkg.meta.version })}
`);
  else io.stdout(`${path.relative(io.cwd, file)} ${pkg.digest}
`);
  return ExitCode.ok;
}
async function publishCommand(args, io) {
  const { values } = parseArgs({
    args,
    options: {
      chart: { type: "string" },
      registry: { type: "string" },
      "plain-http": { type: "boolean" },
      "dry-run": { type: "boolean" },
      json: { type: "boolean" }
    },
    strict: true,
    allowPositionals: false
  });
  const chartDir = path.resolve(io.cwd, values.chart ?? "charts/common");
  const displayDir = path.relative(io.cwd, chartDir) || ".";
  const registry = values.registry ?? (await resolveSettings(io.cwd, {}, io.env)).chart.repository;
  const password = io.env.INFRAFORGE_REGISTRY_PASSWORD ?? io.env.GITHUB_TOKEN;
  const credentials = password ? { username: io.env.INFRAFORGE_REGISTRY_USERNAME ?? io.env.GITHUB_ACTOR ?? "infraforge", password } : void 0;
  const log = (line) => io.stderr(`${line}
`);
  const outcome = await publish({ chartDir, displayDir, registry, plainHttp: values["plain-http"] ?? false, dryRun: values["dry-run"] ?? false, credentials, log });
  const previous = await previousChartVersion(createGit(io.cwd), io.cwd, chartDir).catch(() => void 0);
  const bump = previous && previous !== outcome.pkg.meta.version ? `bumped from ${previous} to ${outcome.pkg.meta.version}` : previous ? `version ${previous} unchanged` : "no previous version";
  const report = {
    name: outcome.pkg.meta.name,
    version: outcome.pkg.meta.version,
    digest: outcome.pkg.digest,
    manifestDigest: outcome.result?.manifestDigest ?? null,
    status: outcome.result?.status ?? "dry-run",
    target: outcome.result?.target.display ?? null,
    previousVersion: previous ?? null,
    bump
  };
  if (values.json) io.stdout(`${JSON.stringify(report)}
`);
  else io.stdout(`${report.status}: ${report.name} ${report.version} (${bump}) ${report.digest}${report.target ? ` \u2192 ${report.target}` : ""}
`);
  return ExitCode.ok;
}

// src/cli/diff.ts
import path2 from "node:path";
import { parseArgs as parseArgs2 } from "node:util";
var diff = {
  summary: "show what the work tree changes in rendered/ against a base commit",
  async run(args, io) {
    const { values } = parseArgs2({
      args,
      options: { root: { type: "string" }, base: { type: "string" }, format: { type: "string" }, "no-manifests": { type: "boolean" }, ...SETTINGS_FLAGS },
      strict: true,
      allowPositionals: false
    });
    const format = values.format ?? "markdown";
    if (format !== "markdown" && format !== "unified") {
      throw new InputError([{ file: ".", line: 1, col: 1, code: "usage", message: `--format must be markdown or unified, got ${JSON.stringify(format)}` }]);
    }
    const root = path2.resolve(io.cwd, values.root ?? ".");
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

// src/cli/main.ts
var USAGE = `usage:
  infraforge render   [--root DIR] [--env ENV]... [--check] [--json] [--allow-deletions]
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
    const { values } = parseArgs3({
      args,
      options: {
        root: { type: "string" },
        env: { type: "string", multiple: true },
        check: { type: "boolean" },
        json: { type: "boolean" },
        "allow-deletions": { type: "boolean" },
        ...SETTINGS_FLAGS
      },
      strict: true,
      allowPositionals: false
    });
    const root = path3.resolve(io.cwd, values.root ?? ".");
    const check = values.check ?? false;
    const result = await renderRepository({ root, envs: values.env ?? [], check, overrides: overridesFrom(values), env: io.env });
    const changed = result.written.length + result.deleted.length > 0;
    if (values.json) {
      io.stdout(`${JSON.stringify({ written: result.written, deleted: result.deleted, unchanged: result.unchanged, check, upToDate: !changed })}
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
    const { values } = parseArgs3({ args, options: { root: { type: "string" }, json: { type: "boolean" }, ...SETTINGS_FLAGS }, strict: true, allowPositionals: false });
    const root = path3.resolve(io.cwd, values.root ?? ".");
    try {
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
var COMMANDS = { render, validate, diff, chart };
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

// src/cli.ts
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env
});

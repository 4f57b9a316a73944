import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  previousChartVersion,
  publish
} from "./chunk-AG2NK6K2.js";
import {
  packageChart
} from "./chunk-UQU3I4CC.js";
import {
  CHART_HELP,
  PACKAGE_HELP,
  PUBLISH_HELP,
  parseFlags
} from "./chunk-EMX6GCDN.js";
import {
  createGit,
  registryCredentials,
  resolveSettings
} from "./chunk-ACHWKVYP.js";
import "./chunk-L3QWIUZL.js";
import {
  ExitCode,
  InputError
} from "./chunk-T4QEYBET.js";

// src/cli/chart.ts
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
var chart = {
  help: CHART_HELP,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === "package") return packageCommand(rest, io);
    if (sub === "publish") return publishCommand(rest, io);
    if (sub === "--help" || sub === "-h") {
      io.stdout(`usage: infraforge chart package|publish [flags]

${CHART_HELP.description}
`);
      return ExitCode.ok;
    }
    throw new InputError([{ code: "usage", message: `infraforge chart needs package or publish${sub ? `, got ${JSON.stringify(sub)}` : ""}` }]);
  }
};
async function packageCommand(args, io) {
  const values = parseFlags(PACKAGE_HELP, args, io.stdout);
  if (!values) return ExitCode.ok;
  const chartDir = path.resolve(io.cwd, values.chart ?? "charts/common");
  const pkg = await packageChart(chartDir, path.relative(io.cwd, chartDir) || ".");
  const outDir = typeof values.out === "string" ? path.resolve(io.cwd, values.out) : await mkdtemp(path.join(tmpdir(), "infraforge-chart-"));
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, pkg.fileName);
  await writeFile(file, pkg.bytes);
  const shown = typeof values.out === "string" ? path.relative(io.cwd, file) || file : file;
  if (values.json) io.stdout(`${JSON.stringify({ file: shown, digest: pkg.digest, name: pkg.meta.name, version: pkg.meta.version })}
`);
  else io.stdout(`wrote ${shown} ${pkg.digest}
`);
  return ExitCode.ok;
}
async function publishCommand(args, io) {
  const values = parseFlags(PUBLISH_HELP, args, io.stdout);
  if (!values) return ExitCode.ok;
  const chartDir = path.resolve(io.cwd, values.chart ?? "charts/common");
  const displayDir = path.relative(io.cwd, chartDir) || ".";
  const registry = values.registry ?? (await resolveSettings(io.cwd, {}, io.env)).chart.repository;
  const credentials = registryCredentials(io.env);
  const log = (line) => io.stderr(`${line}
`);
  const outcome = await publish({ chartDir, displayDir, registry, plainHttp: values["plain-http"] === true, dryRun: values["dry-run"] === true, credentials, log });
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
export {
  chart
};

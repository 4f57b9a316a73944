import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  previousChartVersion,
  publish
} from "./chunk-VWGUHBVI.js";
import {
  createGit,
  packageChart
} from "./chunk-CVTD6R2G.js";
import {
  resolveSettings
} from "./chunk-KW3ACKEJ.js";
import {
  ExitCode,
  InputError
} from "./chunk-SVZWPUGU.js";

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
export {
  chart
};

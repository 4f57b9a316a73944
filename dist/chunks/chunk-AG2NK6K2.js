import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  packageChart
} from "./chunk-UQU3I4CC.js";
import {
  ociTarget,
  parseChartYaml,
  publishChart
} from "./chunk-ACHWKVYP.js";
import {
  InputError
} from "./chunk-T4QEYBET.js";

// src/chart/publish.ts
import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
var run = promisify(execFile);
async function lintChart(chartDir, displayDir, log) {
  try {
    await run("helm", ["version", "--short"]);
  } catch {
    log("helm is not on PATH: skipping helm lint --strict (the schema and Chart.yaml gates still ran)");
    return false;
  }
  const ciDir = path.join(chartDir, "ci");
  const valueFiles = (await readdir(ciDir).catch(() => [])).filter((f) => f.endsWith(".yaml")).sort();
  const sets = valueFiles.length ? valueFiles.map((f) => ["-f", path.join(ciDir, f)]) : [[]];
  for (const set of sets) {
    try {
      await run("helm", ["lint", "--strict", chartDir, ...set]);
    } catch (error) {
      const out = `${error.stdout ?? ""}${error.stderr ?? ""}`.trim();
      throw new InputError([{ file: `${displayDir}/${set[1] ? path.relative(chartDir, set[1]) : "Chart.yaml"}`, code: "chart-lint", message: `helm lint --strict failed: ${out.split("\n").slice(-5).join(" | ")}` }]);
    }
  }
  log(`helm lint --strict passed with ${valueFiles.length || "the default"} values file(s)`);
  return true;
}
async function publish(options) {
  const pkg = await packageChart(options.chartDir, options.displayDir);
  const linted = options.lint === false ? false : await lintChart(options.chartDir, options.displayDir, options.log);
  const target = ociTarget(options.registry, pkg.meta.name, pkg.meta.version, options.plainHttp);
  if (options.dryRun) {
    options.log(`dry run: would publish ${pkg.fileName} (${pkg.digest}) to ${target.display}`);
    return { pkg, result: void 0, linted };
  }
  const result = await publishChart(pkg, target, options.credentials, options.log);
  return { pkg, result, linted };
}

// src/chart/bump.ts
import path2 from "node:path";
var SAFE_PATH = /^[A-Za-z0-9._][A-Za-z0-9._/-]*$/;
async function chartVersionAt(git, rev, repoRelativeChartDir) {
  const file = `${repoRelativeChartDir}/Chart.yaml`;
  if (!SAFE_PATH.test(file) || file.includes("..")) return void 0;
  const text = await git.show(rev, file);
  if (text === void 0) return void 0;
  return parseChartYaml(file, text).meta?.version;
}
async function previousChartVersion(git, repoRoot, chartDir) {
  return chartVersionAt(git, "HEAD~1", path2.relative(repoRoot, chartDir).split(path2.sep).join("/"));
}

export {
  publish,
  chartVersionAt,
  previousChartVersion
};

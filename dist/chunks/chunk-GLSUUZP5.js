import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  RegistryClient,
  packageChart,
  sha256
} from "./chunk-LFMLHJFU.js";
import {
  parseChartYaml
} from "./chunk-XS4GNXRB.js";
import {
  InputError
} from "./chunk-SVZWPUGU.js";

// src/chart/publish.ts
import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

// src/chart/oci.ts
import { gunzipSync } from "node:zlib";
var HELM_CONFIG_MEDIA_TYPE = "application/vnd.cncf.helm.config.v1+json";
var HELM_LAYER_MEDIA_TYPE = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
var OCI_MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
var CONTENT_DIGEST_ANNOTATION = "io.infraforge.chart.content.digest";
function ociTarget(registry, chartName, version, plainHttp, file = "charts/common/Chart.yaml") {
  const m = /^oci:\/\/([A-Za-z0-9.-]+(?::[0-9]+)?)((?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*)\/?$/.exec(registry);
  if (!m) {
    throw new InputError([{ file, line: 1, col: 1, code: "chart-registry", message: `registry ${JSON.stringify(registry)} is not an oci://HOST/PATH reference` }]);
  }
  const host = m[1];
  const repository = `${m[2].replace(/^\//, "")}${m[2] ? "/" : ""}${chartName}`;
  const tag = version.replace(/\+/g, "_");
  return { host, plainHttp, repository, tag, display: `oci://${host}/${repository}:${tag}` };
}
function manifestFor(pkg) {
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    config: { mediaType: HELM_CONFIG_MEDIA_TYPE, digest: sha256(pkg.config), size: pkg.config.length },
    layers: [{ mediaType: HELM_LAYER_MEDIA_TYPE, digest: pkg.digest, size: pkg.bytes.length }],
    annotations: {
      [CONTENT_DIGEST_ANNOTATION]: pkg.contentDigest,
      "org.opencontainers.image.title": pkg.meta.name,
      "org.opencontainers.image.version": pkg.meta.version
    }
  };
  return Buffer.from(JSON.stringify(manifest));
}
function chartClient(target, credentials, log) {
  return new RegistryClient({ host: target.host, plainHttp: target.plainHttp, credentials, log });
}
async function publishChart(pkg, target, credentials, log) {
  const client = chartClient(target, credentials, log);
  const existing = await client.getManifest(target.repository, target.tag);
  if (existing) {
    const published = await publishedContentDigest(client, target, JSON.parse(existing.bytes.toString("utf8")));
    if (published === pkg.contentDigest) {
      log(`${target.display} already holds this chart (content ${pkg.contentDigest}); nothing to push`);
      return { status: "unchanged", manifestDigest: existing.digest, target };
    }
    throw new InputError([
      {
        file: "charts/common/Chart.yaml",
        line: 1,
        col: 1,
        code: "chart-version-exists",
        message: `${target.display} is already published with different content (${published ?? "unknown"}, this chart is ${pkg.contentDigest}); published versions are immutable: bump version in Chart.yaml`
      }
    ]);
  }
  for (const blob of [pkg.config, pkg.bytes]) await client.pushBlob(target.repository, blob);
  const digest = await client.putManifest(target.repository, target.tag, manifestFor(pkg), OCI_MANIFEST_MEDIA_TYPE);
  log(`pushed ${target.display} (${digest})`);
  return { status: "published", manifestDigest: digest, target };
}
async function publishedContentDigest(client, target, manifest) {
  const annotated = manifest.annotations?.[CONTENT_DIGEST_ANNOTATION];
  if (typeof annotated === "string") return annotated;
  const layer = manifest.layers?.find((l) => l.mediaType === HELM_LAYER_MEDIA_TYPE);
  if (!layer) return void 0;
  const blob = await client.getBlob(target.repository, layer.digest);
  try {
    return sha256(gunzipSync(blob));
  } catch {
    return void 0;
  }
}

// src/chart/publish.ts
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
      throw new InputError([{ file: `${displayDir}/${set[1] ? path.relative(chartDir, set[1]) : "Chart.yaml"}`, line: 1, col: 1, code: "chart-lint", message: `helm lint --strict failed: ${out.split("\n").slice(-5).join(" | ")}` }]);
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

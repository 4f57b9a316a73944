import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  packageChart,
  sha256
} from "./chunk-CVTD6R2G.js";
import {
  parseClaimFile
} from "./chunk-KW3ACKEJ.js";
import {
  InfraError,
  InputError
} from "./chunk-SVZWPUGU.js";

// src/chart/publish.ts
import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

// src/chart/oci.ts
var HELM_CONFIG_MEDIA_TYPE = "application/vnd.cncf.helm.config.v1+json";
var HELM_LAYER_MEDIA_TYPE = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
var OCI_MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
function ociTarget(registry, chartName, version, plainHttp) {
  const m = /^oci:\/\/([A-Za-z0-9.-]+(?::[0-9]+)?)((?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*)\/?$/.exec(registry);
  if (!m) {
    throw new InputError([{ file: "charts/common/Chart.yaml", line: 1, col: 1, code: "chart-registry", message: `registry ${JSON.stringify(registry)} is not an oci://HOST/PATH reference` }]);
  }
  const host = m[1];
  const repository = `${m[2].replace(/^\//, "")}${m[2] ? "/" : ""}${chartName}`;
  const tag = version.replace(/\+/g, "_");
  return { baseUrl: `${plainHttp ? "http" : "https"}://${host}`, repository, tag, display: `oci://${host}/${repository}:${tag}` };
}
function manifestFor(pkg) {
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    config: { mediaType: HELM_CONFIG_MEDIA_TYPE, digest: sha256(pkg.config), size: pkg.config.length },
    layers: [{ mediaType: HELM_LAYER_MEDIA_TYPE, digest: pkg.digest, size: pkg.bytes.length }],
    annotations: {
      "org.opencontainers.image.title": pkg.meta.name,
      "org.opencontainers.image.version": pkg.meta.version
    }
  };
  return Buffer.from(JSON.stringify(manifest));
}
async function publishChart(pkg, target, credentials, log) {
  const client = new RegistryClient(target, credentials);
  const existing = await client.getManifest();
  if (existing) {
    const layer = existing.manifest.layers?.find((l) => l.mediaType === HELM_LAYER_MEDIA_TYPE);
    if (layer?.digest === pkg.digest) {
      log(`${target.display} already holds this exact chart (${pkg.digest}); nothing to push`);
      return { status: "unchanged", manifestDigest: existing.digest, target };
    }
    throw new InputError([
      {
        file: "charts/common/Chart.yaml",
        line: 1,
        col: 1,
        code: "chart-version-exists",
        message: `${target.display} is already published with different content (${layer?.digest ?? "unknown"}, this chart is ${pkg.digest}); published versions are immutable: bump version in Chart.yaml`
      }
    ]);
  }
  for (const blob of [pkg.config, pkg.bytes]) await client.pushBlob(blob);
  const manifest = manifestFor(pkg);
  const digest = await client.putManifest(manifest);
  log(`pushed ${target.display} (${digest})`);
  return { status: "published", manifestDigest: digest, target };
}
var RegistryClient = class {
  constructor(target, credentials) {
    this.target = target;
    this.credentials = credentials;
  }
  target;
  credentials;
  authorization;
  async getManifest() {
    const res = await this.request("GET", `/v2/${this.target.repository}/manifests/${this.target.tag}`, { accept: OCI_MANIFEST_MEDIA_TYPE });
    if (res.status === 404) return void 0;
    await this.expect(res, [200], "read the manifest");
    const body = Buffer.from(await res.arrayBuffer());
    return { manifest: JSON.parse(body.toString("utf8")), digest: res.headers.get("docker-content-digest") ?? sha256(body) };
  }
  async pushBlob(blob) {
    const digest = sha256(blob);
    const head = await this.request("HEAD", `/v2/${this.target.repository}/blobs/${digest}`);
    if (head.status === 200) return;
    const start = await this.request("POST", `/v2/${this.target.repository}/blobs/uploads/`);
    await this.expect(start, [202], "start a blob upload");
    const location = start.headers.get("location");
    if (!location) throw new InfraError("the registry did not say where to upload");
    const url = new URL(location, this.target.baseUrl);
    url.searchParams.set("digest", digest);
    const put = await this.request("PUT", url.toString(), { "content-type": "application/octet-stream" }, blob);
    await this.expect(put, [201], "upload a blob");
  }
  async putManifest(manifest) {
    const res = await this.request("PUT", `/v2/${this.target.repository}/manifests/${this.target.tag}`, { "content-type": OCI_MANIFEST_MEDIA_TYPE }, manifest);
    await this.expect(res, [201], "push the manifest");
    return res.headers.get("docker-content-digest") ?? sha256(manifest);
  }
  async expect(res, ok, what) {
    if (ok.includes(res.status)) return;
    const detail = (await res.text().catch(() => "")).slice(0, 300);
    const hint = res.status === 401 || res.status === 403 ? " (check the registry credentials and that the token may write packages)" : "";
    throw new InfraError(`registry refused to ${what}: HTTP ${res.status}${hint}${detail ? `: ${detail}` : ""}`);
  }
  async request(method, pathOrUrl, headers = {}, body) {
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${this.target.baseUrl}${pathOrUrl}`;
    const send = () => fetch(url, {
      method,
      headers: { ...headers, ...this.authorization ? { authorization: this.authorization } : {} },
      ...body ? { body: new Uint8Array(body) } : {},
      redirect: "follow",
      signal: AbortSignal.timeout(6e4)
    });
    let res;
    try {
      res = await send();
      if (res.status === 401 && await this.authenticate(res)) res = await send();
    } catch (error) {
      if (error instanceof InfraError) throw error;
      throw new InfraError(`registry ${this.target.baseUrl} is unreachable: ${error.cause ?? error.message}`, { cause: error });
    }
    return res;
  }
  /** Answers a 401 challenge once: Basic with the credentials, or a Bearer token from the realm. */
  async authenticate(res) {
    if (this.authorization?.startsWith("Bearer") || this.authorization?.startsWith("Basic")) return false;
    const challenge = res.headers.get("www-authenticate") ?? "";
    const basic = this.credentials ? `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString("base64")}` : void 0;
    if (/^basic/i.test(challenge)) {
      if (!basic) return false;
      this.authorization = basic;
      return true;
    }
    if (!/^bearer/i.test(challenge)) return false;
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1].toLowerCase(), m[2]]));
    if (!params.realm) return false;
    const tokenUrl = new URL(params.realm);
    if (params.service) tokenUrl.searchParams.set("service", params.service);
    tokenUrl.searchParams.set("scope", params.scope ?? `repository:${this.target.repository}:pull,push`);
    const tokenRes = await fetch(tokenUrl, { headers: basic ? { authorization: basic } : {}, signal: AbortSignal.timeout(3e4) });
    if (!tokenRes.ok) return false;
    const json = await tokenRes.json();
    const token = json.token ?? json.access_token;
    if (!token) return false;
    this.authorization = `Bearer ${token}`;
    return true;
  }
};

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
  const version = parseClaimFile(file, text).docs[0]?.data?.version;
  return typeof version === "string" ? version : void 0;
}
async function previousChartVersion(git, repoRoot, chartDir) {
  return chartVersionAt(git, "HEAD~1", path2.relative(repoRoot, chartDir).split(path2.sep).join("/"));
}

export {
  publish,
  chartVersionAt,
  previousChartVersion
};

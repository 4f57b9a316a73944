import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  parseChartYaml,
  sha256
} from "./chunk-ACHWKVYP.js";
import {
  makeAjv
} from "./chunk-L3QWIUZL.js";
import {
  InputError,
  cmp
} from "./chunk-T4QEYBET.js";

// src/chart/package.ts
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

// src/chart/helmignore.ts
function helmIgnoreMatcher(text) {
  const rules = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const negate = line.startsWith("!");
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith("/");
    if (dirOnly) line = line.slice(0, -1);
    if (line.startsWith("/")) line = line.slice(1);
    if (!line) continue;
    rules.push({ negate, dirOnly, anchored: line.includes("/"), re: globToRegExp(line) });
  }
  return (file) => {
    const parts = file.split("/");
    let ignored = false;
    for (const rule of rules) {
      if (matches(rule, parts)) ignored = !rule.negate;
    }
    return ignored;
  };
}
function matches(rule, parts) {
  for (let i = 1; i <= parts.length; i++) {
    const isDir = i < parts.length;
    if (rule.dirOnly && !isDir) continue;
    const candidate = rule.anchored ? parts.slice(0, i).join("/") : parts[i - 1];
    if (rule.re.test(candidate)) return true;
  }
  return false;
}
function globToRegExp(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end < 0) re += "\\[";
      else {
        const body = glob.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\");
        re += `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

// src/chart/package.ts
async function packageChart(chartDir, displayDir = chartDir, options = {}) {
  const problems = [];
  const at = (file, message, code, line = 1, col = 1) => ({ file: `${displayDir}/${file}`, line, col, code, message });
  let chartText;
  try {
    chartText = await readFile(path.join(chartDir, "Chart.yaml"), "utf8");
  } catch {
    throw new InputError([at("Chart.yaml", "Chart.yaml not found", "chart-missing")]);
  }
  const chartYaml = parseChartYaml(`${displayDir}/Chart.yaml`, chartText);
  if (!chartYaml.meta) throw new InputError(chartYaml.problems);
  const meta = chartYaml.meta;
  const ignored = helmIgnoreMatcher(await readFile(path.join(chartDir, ".helmignore"), "utf8").catch(() => ""));
  const files = (await listFiles(chartDir)).filter((f) => !ignored(f)).sort(cmp);
  if (!files.some((f) => f.startsWith("templates/") && !f.endsWith("/NOTES.txt"))) problems.push(at("templates", "the chart has no templates", "chart-templates"));
  if (files.includes("values.schema.json")) {
    try {
      makeAjv().compile(JSON.parse(await readFile(path.join(chartDir, "values.schema.json"), "utf8")));
    } catch (error) {
      problems.push(at("values.schema.json", `not a valid JSON Schema: ${error.message}`, "chart-values-schema"));
    }
  }
  if (problems.length) throw new InputError(problems);
  const entries = await Promise.all(files.map(async (f) => ({ name: `${meta.name}/${f}`, data: await readFile(path.join(chartDir, f)) })));
  const archive = tar(entries);
  const bytes = gzipDeterministic(archive, options.gzipLevel);
  return {
    meta,
    fileName: `${meta.name}-${meta.version}.tgz`,
    bytes,
    digest: sha256(bytes),
    contentDigest: sha256(archive),
    config: Buffer.from(JSON.stringify(chartConfig(meta)))
  };
}
function chartConfig(meta) {
  const out = {};
  for (const key of Object.keys(meta).sort(cmp)) out[key] = meta[key];
  return out;
}
async function listFiles(root, rel = "") {
  const out = [];
  for (const entry of await readdir(path.join(root, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isSymbolicLink()) throw new InputError([{ file: child, code: "symlink", message: `${child} is a symlink; charts are packed without them` }]);
    if (entry.isDirectory()) out.push(...await listFiles(root, child));
    else if (entry.isFile()) out.push(child);
  }
  return out;
}
function tar(entries) {
  const blocks = [];
  for (const { name, data, mode } of entries) {
    blocks.push(header(name, data.length, mode ?? 420), data, Buffer.alloc((512 - data.length % 512) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}
function header(name, size, mode) {
  const h = Buffer.alloc(512);
  let prefix = "";
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf("/", 155);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new InputError([{ file: name, code: "chart-path", message: `path too long for a chart archive: ${name}` }]);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  h.write(base, 0, 100, "utf8");
  h.write(`${mode.toString(8).padStart(7, "0")}\0`, 100, "ascii");
  h.write("0000000\0", 108, "ascii");
  h.write("0000000\0", 116, "ascii");
  h.write(`${size.toString(8).padStart(11, "0")}\0`, 124, "ascii");
  h.write("00000000000\0", 136, "ascii");
  h.write("        ", 148, "ascii");
  h.write("0", 156, "ascii");
  h.write("ustar\0", 257, "ascii");
  h.write("00", 263, "ascii");
  h.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return h;
}
function gzipDeterministic(data, level = 9) {
  const gz = gzipSync(data, { level });
  gz.writeUInt32LE(0, 4);
  gz[9] = 255;
  return gz;
}

export {
  packageChart
};

import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildDir
} from "./chunk-VEAVCBDV.js";
import {
  COLLECTION_STYLE,
  CORE_SCHEMA,
  DEFAULT_POSTGRES_VERSION,
  DEFAULT_REDIS_VERSION,
  EVENT_ID,
  GENERATED_MARKER,
  POSTGRES_IMAGE,
  REDIS_IMAGE,
  SCALAR_STYLE,
  claimNamespace,
  claimNamespace2,
  classifyEntry,
  envIssues,
  getScalarValue,
  imageRepository,
  ingressIssues,
  jobObjectName,
  load,
  metricsIssues,
  namespaceFiles,
  parseEvents,
  parseImage,
  parseQuantity,
  probeIssues,
  renderPlan,
  replicaIssues,
  resolveComponent,
  resolveProfile,
  runAs,
  teamNamespace,
  teamOf,
  valuesPath,
  volumeIssues,
  wiredEnv,
  wiringClashes
} from "./chunk-YRF63MWK.js";
import {
  CHART_DIR,
  IMAGE_CONCURRENCY,
  IO_CONCURRENCY,
  ImageRegistry,
  chartFieldPosition,
  chartPublished,
  credentialsForHosts,
  imageLocation,
  isLoopbackHost,
  mapLimit,
  nonRootRefusal,
  ociTarget,
  resolveSettings
} from "./chunk-7DMIJNEK.js";
import {
  DNS_LABEL,
  FORBIDDEN_KEYS,
  MAX_DEPTH,
  MAX_RELEASE_NAME,
  application_claim_schema_default,
  compiled,
  compiledAllErrors,
  defaultNamespace,
  didYouMean,
  formatFieldPath,
  isDnsLabel,
  makeAjv,
  parseClaimFile,
  placeOf,
  precompiledFor,
  problemAt,
  releaseName,
  require_dist,
  schemaCursor,
  schemaProblems,
  stringWanted,
  toDnsLabel
} from "./chunk-VVC7TDTM.js";
import {
  InfraError,
  InputError,
  __toESM,
  cmp,
  escapeText,
  formatProblem,
  sortProblems
} from "./chunk-T4QEYBET.js";

// src/pipeline.ts
import { createHash as createHash2 } from "node:crypto";
import { readdir as readdir4, readFile as readFile2 } from "node:fs/promises";
import path7 from "node:path";

// src/claims/discover.ts
import { readFileSync } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";
var DEPLOYMENTS_DIR = "deployments";
var SETTINGS_PATH = `${DEPLOYMENTS_DIR}/settings.yaml`;
var BASE_DIR = "base";
var MAX_FILE_BYTES = 1024 * 1024;
var MAX_FILES = 1e4;
var MAX_TOTAL_BYTES = 128 * 1024 * 1024;
async function discoverClaimFiles(root, options = {}) {
  const maxFileBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  const maxFiles = options.maxFiles ?? MAX_FILES;
  const problems = [];
  const at = (file, code3, message) => ({ file, code: code3, message });
  const ignored = [];
  const badName = (rel, kind) => at(escapeText(rel), "path-name", `${kind} name "${escapeText(path.posix.basename(rel))}" is not allowed: names under deployments/ are lowercase letters, digits, '.', '_' and '-', starting and ending with a letter or digit${kind === "file" ? ", and claim files end in .yaml or .yml" : ""}`);
  const base = path.join(root, DEPLOYMENTS_DIR);
  let top;
  try {
    const st = await lstat(base);
    if (st.isSymbolicLink()) return { files: [], envs: [], ignored, problems: [at(DEPLOYMENTS_DIR, "symlink", "deployments/ is a symlink; refusing to follow it")] };
    if (!st.isDirectory()) return { files: [], envs: [], ignored, problems: [at(DEPLOYMENTS_DIR, "not-a-directory", "deployments is not a directory")] };
    top = (await readdir(base)).sort(cmp);
  } catch (error) {
    if (error.code === "ENOENT") return { files: [], envs: [], ignored, problems: [] };
    throw error;
  }
  const candidates = [];
  const envs = [];
  for (const name of top) {
    const rel = `${DEPLOYMENTS_DIR}/${name}`;
    const st = await lstat(path.join(base, name));
    if (st.isSymbolicLink()) {
      problems.push(at(escapeText(rel), "symlink", `${escapeText(rel)} is a symlink; environment folders must be real directories`));
      continue;
    }
    if (!st.isDirectory()) {
      if (rel === SETTINGS_PATH) continue;
      if (classifyEntry(name, "file") === "refused") problems.push(badName(rel, "file"));
      else ignored.push(rel);
      continue;
    }
    if (!isDnsLabel(name)) {
      problems.push(at(escapeText(rel), "env-name", `environment folder "${escapeText(name)}" must be a DNS label (lowercase letters, digits and '-', at most 63 characters)`));
      continue;
    }
    if (name !== BASE_DIR) envs.push(name);
    await walk3(path.join(base, name), rel, name);
  }
  async function walk3(dir, rel, env) {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => cmp(a.name, b.name));
    const yamlFiles = [];
    for (const entry of entries) {
      const childRel = `${rel}/${entry.name}`;
      const kind = entry.isDirectory() ? "directory" : "file";
      const verdict2 = classifyEntry(entry.name, kind);
      if (verdict2 === "refused") {
        problems.push(badName(childRel, kind === "directory" ? "folder" : "file"));
      } else if (entry.isSymbolicLink()) {
        if (verdict2 === "claim" || !entry.name.includes(".")) problems.push(at(childRel, "symlink", `${childRel} is a symlink; refusing to follow it`));
        else ignored.push(childRel);
      } else if (entry.isDirectory()) {
        await walk3(path.join(dir, entry.name), childRel, env);
      } else if (entry.isFile() && verdict2 === "claim") {
        yamlFiles.push(entry.name);
      } else {
        ignored.push(childRel);
      }
    }
    const sizes = await mapLimit(yamlFiles, IO_CONCURRENCY, async (name) => (await lstat(path.join(dir, name))).size);
    yamlFiles.forEach((name, i) => candidates.push({ rel: `${rel}/${name}`, env, size: sizes[i] }));
  }
  if (candidates.length > maxFiles) {
    problems.push(at(DEPLOYMENTS_DIR, "too-many-files", `${candidates.length} claim files exceed the limit of ${maxFiles}`));
    return { files: [], envs, ignored, problems };
  }
  const total = candidates.reduce((sum, c) => sum + c.size, 0);
  if (total > MAX_TOTAL_BYTES) {
    problems.push(at(DEPLOYMENTS_DIR, "too-large", `claim files total ${total} bytes, over the limit of ${MAX_TOTAL_BYTES}`));
    return { files: [], envs, ignored, problems };
  }
  const read2 = await mapLimit(candidates, IO_CONCURRENCY, async (c) => {
    if (c.size > maxFileBytes) return at(c.rel, "file-too-large", `${c.size} bytes is over the limit of ${maxFileBytes} bytes for one claim file`);
    const decoded = decodeUtf8(readFileSync(path.join(root, c.rel)));
    if (typeof decoded !== "string") return { file: c.rel, ...decoded, code: "invalid-utf8", message: "file is not valid UTF-8" };
    const file = { path: c.rel, env: c.env, text: decoded };
    if (c.env === BASE_DIR) file.base = true;
    return file;
  });
  const files = [];
  for (const r of read2) {
    if ("text" in r) files.push(r);
    else problems.push(r);
  }
  return { files, envs, ignored, problems };
}
var decoder = new TextDecoder("utf-8", { fatal: true });
function decodeUtf8(bytes) {
  try {
    return decoder.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder("utf-8").decode(bytes.subarray(0, bad));
    const lines = before.split("\n");
    return { line: lines.length, col: lines[lines.length - 1].length + 1 };
  }
}
function firstInvalidUtf8(b) {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 128 ? 0 : c >= 194 && c < 224 ? 1 : c >= 224 && c < 240 ? 2 : c >= 240 && c < 245 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 192) !== 128) return i;
    i += n + 1;
  }
  return b.length;
}

// src/claims/fast-parse.ts
var NULLS = /* @__PURE__ */ new Set(["", "~", "null", "Null", "NULL"]);
var TRUE = /* @__PURE__ */ new Set(["true", "True", "TRUE"]);
var FALSE = /* @__PURE__ */ new Set(["false", "False", "FALSE"]);
var CANONICAL_INT = /^(0|-?[1-9][0-9]*)$/;
var CANONICAL_FLOAT = /^(-?(0|[1-9][0-9]*)\.[0-9]+)$/;
var NEGATIVE_ZERO = /^-0(\.0*)?$/;
var NUMBERISH = /^[-+]?(\.[0-9]|[0-9]|\.(inf|Inf|INF|nan|NaN|NAN)$)|^0[ox]/;
var UNUSUAL = /[^\n\x20-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]|[&*!%]|<</;
var Bail = class extends Error {
};
function fastParseClaimFile(text, schema) {
  if (UNUSUAL.test(text)) return void 0;
  let events;
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch {
    return void 0;
  }
  try {
    return new EventReader(text, events, schema).documents();
  } catch (error) {
    if (error instanceof Bail) return void 0;
    throw error;
  }
}
var EventReader = class {
  constructor(text, events, schema) {
    this.text = text;
    this.events = events;
    this.schema = schema;
  }
  text;
  events;
  schema;
  i = 0;
  documents() {
    const docs = [];
    let index = 0;
    while (this.i < this.events.length) {
      const event = this.events[this.i++];
      if (event.type !== EVENT_ID.DOCUMENT) throw new Bail();
      if (event.directives.length) throw new Bail();
      if (this.peek()?.type === EVENT_ID.POP) {
        this.i++;
        index++;
        continue;
      }
      const data = this.node(this.schema, 0);
      if (this.events[this.i++]?.type !== EVENT_ID.POP) throw new Bail();
      docs.push({ index: index++, data });
    }
    return docs;
  }
  peek() {
    return this.events[this.i];
  }
  node(schema, depth) {
    if (depth > MAX_DEPTH) throw new Bail();
    const event = this.events[this.i++];
    if (!event) throw new Bail();
    switch (event.type) {
      case EVENT_ID.SCALAR:
        return this.scalar(event, schema);
      case EVENT_ID.SEQUENCE: {
        if (event.anchorStart !== -1 || event.tagStart !== -1 || event.style !== COLLECTION_STYLE.BLOCK) throw new Bail();
        const items = [];
        const itemSchema = schema?.item();
        while (this.peek()?.type !== EVENT_ID.POP) items.push(this.node(itemSchema, depth + 1));
        this.i++;
        return items;
      }
      case EVENT_ID.MAPPING: {
        if (event.anchorStart !== -1 || event.tagStart !== -1 || event.style !== COLLECTION_STYLE.BLOCK) throw new Bail();
        const out = {};
        while (this.peek()?.type !== EVENT_ID.POP) {
          const keyEvent = this.events[this.i++];
          if (keyEvent?.type !== EVENT_ID.SCALAR) throw new Bail();
          const key2 = this.scalarText(keyEvent);
          if (keyEvent.style === SCALAR_STYLE.PLAIN && (NULLS.has(key2) || TRUE.has(key2) || FALSE.has(key2) || NUMBERISH.test(key2) || looksNumeric(key2))) throw new Bail();
          if (FORBIDDEN_KEYS.has(key2) || key2 === "<<" || Object.hasOwn(out, key2)) throw new Bail();
          out[key2] = this.node(schema?.property(key2), depth + 1);
        }
        this.i++;
        return out;
      }
      default:
        throw new Bail();
    }
  }
  /** A scalar's text, when it is in the subset this path reads; else Bail. */
  scalarText(event) {
    if (event.anchorStart !== -1 || event.tagStart !== -1) throw new Bail();
    if (event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK) throw new Bail();
    const raw = this.text.slice(event.valueStart, event.valueEnd);
    if (raw.includes("\n")) throw new Bail();
    if (event.style === SCALAR_STYLE.DOUBLE_QUOTED && raw.includes("\\")) throw new Bail();
    return getScalarValue(this.text, event);
  }
  scalar(event, schema) {
    const value = this.scalarText(event);
    if (event.style !== SCALAR_STYLE.PLAIN) return value;
    if (NEGATIVE_ZERO.test(value)) throw new Bail();
    let typed;
    if (NULLS.has(value)) return null;
    if (TRUE.has(value)) typed = true;
    else if (FALSE.has(value)) typed = false;
    else if (CANONICAL_INT.test(value) || CANONICAL_FLOAT.test(value)) {
      typed = Number(value);
      if (!Number.isSafeInteger(typed) && CANONICAL_INT.test(value)) throw new Bail();
    } else if (NUMBERISH.test(value) && looksNumeric(value)) throw new Bail();
    else return value;
    return stringWanted(schema) ? value : typed;
  }
};
function looksNumeric(s) {
  return /^[-+]?[0-9]+$/.test(s) || /^0o[0-7]+$/.test(s) || /^0x[0-9a-fA-F]+$/.test(s) || /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s) || /^[-+]?\.(inf|Inf|INF)$/.test(s) || /^\.(nan|NaN|NAN)$/.test(s);
}

// src/claims/overlay.ts
function mergeOverlay(base, overlay) {
  const origins = /* @__PURE__ */ new Map();
  const record2 = (path8, origin) => origins.set(key(path8), origin);
  const merge = (b, bPath, o, oPath, path8) => {
    if (isMapping(b) && isMapping(o)) {
      record2(path8, { doc: base, path: bPath });
      const out = {};
      for (const [k, v] of Object.entries(b)) {
        if (Object.hasOwn(o, k) && o[k] === null) continue;
        define(out, k, v);
        record2([...path8, k], { doc: base, path: [...bPath, k] });
      }
      for (const [k, v] of Object.entries(o)) {
        if (FORBIDDEN_KEYS.has(k) || v === null) continue;
        if (Object.hasOwn(b, k)) define(out, k, merge(b[k], [...bPath, k], v, [...oPath, k], [...path8, k]));
        else {
          define(out, k, v);
          record2([...path8, k], { doc: overlay, path: [...oPath, k] });
        }
      }
      return out;
    }
    if (isNamedList(b) && isNamedList(o)) {
      record2(path8, { doc: base, path: bPath });
      const out = [];
      const byName2 = new Map(o.map((item, j) => [item.name, j]));
      b.forEach((item, i) => {
        const j = byName2.get(item.name);
        if (j === void 0) {
          record2([...path8, out.length], { doc: base, path: [...bPath, i] });
          out.push(item);
        } else {
          out.push(merge(item, [...bPath, i], o[j], [...oPath, j], [...path8, out.length]));
        }
      });
      const inBase = new Set(b.map((item) => item.name));
      o.forEach((item, j) => {
        if (inBase.has(item.name)) return;
        record2([...path8, out.length], { doc: overlay, path: [...oPath, j] });
        out.push(item);
      });
      return out;
    }
    record2(path8, { doc: overlay, path: oPath });
    return o;
  };
  const data = merge(base.data, [], overlay.data, [], []);
  return {
    file: overlay.file,
    index: overlay.index,
    data,
    base: base.file,
    locate(path8, part) {
      for (let n = path8.length; n >= 0; n--) {
        const origin = origins.get(key(path8.slice(0, n)));
        if (!origin) continue;
        return { ...origin.doc.locate([...origin.path, ...path8.slice(n)], part), file: origin.doc.file };
      }
      return { ...overlay.locate([], part), file: overlay.file };
    }
  };
}
function key(path8) {
  return JSON.stringify(path8);
}
function isMapping(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function isNamedList(v) {
  if (!Array.isArray(v) || v.length === 0) return false;
  const names = /* @__PURE__ */ new Set();
  for (const item of v) {
    if (!isMapping(item) || typeof item.name !== "string" || names.has(item.name)) return false;
    names.add(item.name);
  }
  return true;
}
function define(out, k, v) {
  Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
}

// src/claims/overlay-join.ts
function applyOverlays(documents) {
  const problems = [];
  const bases = /* @__PURE__ */ new Map();
  for (const { doc: doc2, file } of documents) {
    if (!file.base) continue;
    const name = nameOf(doc2);
    if (name === void 0) {
      problems.push(problemAt(doc2, ["metadata", "name"], "base-name", "a base claim needs metadata.name: the environments overlay it by that name"));
      continue;
    }
    const spec = doc2.data?.spec;
    if (spec && typeof spec === "object" && Object.hasOwn(spec, "environment")) {
      problems.push(problemAt(doc2, ["spec", "environment"], "base-environment", "a base claim names no environment: each deployments/<env>/ overlay of it sets spec.environment"));
    }
    const previous = bases.get(name);
    if (previous) {
      problems.push(problemAt(doc2, ["metadata", "name"], "duplicate-claim", `base claim "${name}" is already defined at ${placeOf(previous.doc, ["metadata", "name"])}`));
      continue;
    }
    bases.set(name, { doc: doc2, used: false });
  }
  const claims = [];
  for (const { doc: doc2, file } of documents) {
    if (file.base) continue;
    const name = nameOf(doc2);
    const base = name === void 0 ? void 0 : bases.get(name);
    if (!base) {
      claims.push({ doc: doc2, env: file.env });
      continue;
    }
    base.used = true;
    claims.push({ doc: mergeOverlay(base.doc, doc2), env: file.env });
  }
  for (const [name, base] of bases) {
    if (base.used) continue;
    problems.push(
      problemAt(base.doc, ["metadata", "name"], "base-unused", `base claim "${name}" is rendered in no environment: add deployments/<env>/${name}.yaml with metadata.name ${name} and spec.environment`)
    );
  }
  return { claims, problems };
}
function nameOf(doc2) {
  const metadata = doc2.data?.metadata;
  return typeof metadata?.name === "string" ? metadata.name : void 0;
}

// src/claims/repair.ts
function withoutBadFields(data, errors, validate) {
  const copy = structuredClone(data);
  for (const error of errors) {
    const path8 = error.instancePath ? error.instancePath.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")) : [];
    if (error.keyword === "additionalProperties") path8.push(error.params.additionalProperty);
    else if (error.keyword === "required" || error.keyword === "if") continue;
    if (!drop(copy, path8)) return void 0;
  }
  return validate(copy) ? copy : void 0;
}
function drop(data, path8) {
  const last = path8.at(-1);
  if (last === void 0) return false;
  let node = data;
  for (const segment of path8.slice(0, -1)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, segment)) return true;
    node = node[segment];
  }
  if (node === null || typeof node !== "object") return true;
  if (Array.isArray(node)) return false;
  delete node[last];
  return true;
}

// src/claims/load.ts
var CLAIM_SCHEMA = application_claim_schema_default;
var claimCursor = schemaCursor(application_claim_schema_default);
function loadClaims(files, options = {}) {
  const validate = compiled(CLAIM_SCHEMA);
  const result = { claims: [], problems: [], repaired: [], fastFiles: 0 };
  const documents = [];
  for (const file of files) {
    const fast = options.fast === false ? void 0 : fastParseClaimFile(file.text, claimCursor);
    if (fast && fast.length > 0) {
      result.fastFiles++;
      const strict = lazyStrict(file);
      for (const d of fast) documents.push({ file, doc: { file: file.path, index: d.index, data: d.data, locate: (path8, part) => strict(d.index).locate(path8, part) } });
      continue;
    }
    const parsed = parseClaimFile(file.path, file.text, claimCursor);
    result.problems.push(...parsed.problems);
    for (const doc2 of parsed.docs) documents.push({ file, doc: doc2 });
  }
  const overlays = applyOverlays(documents);
  result.problems.push(...overlays.problems);
  for (const { doc: doc2, env } of overlays.claims) {
    if (!validate(doc2.data)) {
      const all = compiledAllErrors(CLAIM_SCHEMA);
      all(doc2.data);
      result.problems.push(...schemaProblems(doc2, all.errors ?? []));
      const rest = withoutBadFields(doc2.data, all.errors ?? [], validate);
      if (rest !== void 0) result.repaired.push({ claim: rest, env, source: { ...doc2, data: rest } });
      continue;
    }
    result.claims.push({ claim: doc2.data, env, source: doc2 });
  }
  return result;
}
function lazyStrict(file) {
  let parsed;
  return (index) => {
    parsed ??= parseClaimFile(file.path, file.text, claimCursor);
    if (parsed.problems.length) throw new InputError(parsed.problems);
    const doc2 = parsed.docs.find((d) => d.index === index);
    if (!doc2) {
      throw new InputError([{ file: file.path, line: 1, col: 1, code: "yaml-parse", message: `document ${index + 1} of this file reads differently in the two YAML readers; simplify it (plain block YAML) and report it` }]);
    }
    return doc2;
  };
}

// src/policy/grants.ts
var GRANTS = [
  "securityContext.readOnlyRootFilesystem",
  "serviceAccount",
  "service.type",
  "service.annotations",
  "ingress.annotations",
  "nodeSelector",
  "tolerations",
  "affinity"
];
var GRANTS_FIELD = "spec.tenancy.teams[].grants.podSecurity in deployments/settings.yaml";
function grantsFor(settings, claim) {
  const granted = teamOf(claim, settings.tenancy)?.grants.podSecurity ?? [];
  return new Set(GRANTS.filter((g) => granted.includes(g)));
}

// src/tenancy/settings-place.ts
var SETTINGS_FILE = "deployments/settings.yaml";
function settingsProblem(tenancy, path8, code3, message) {
  const full = ["spec", "tenancy", ...path8];
  return tenancy.source ? problemAt(tenancy.source, full, code3, message) : { file: SETTINGS_FILE, code: code3, message };
}
function settingsPlace(tenancy, path8) {
  const p = settingsProblem(tenancy, path8, "", "");
  return p.line === void 0 ? SETTINGS_FILE : `${p.file}:${p.line}:${p.col}`;
}

// src/tenancy/hosts.ts
var ALB_GROUP_NAME = "alb.ingress.kubernetes.io/group.name";
var ALB_GROUP_ORDER = "alb.ingress.kubernetes.io/group.order";
function unitHosts(app, base) {
  const hosts = (app.ingress?.hosts ?? []).map((host, i) => ({ host, path: [...base, "ingress", "hosts", i] }));
  const hatch = record(app.values?.ingress);
  if (typeof hatch?.host === "string") hosts.push({ host: hatch.host, path: [...base, "values", "ingress", "host"] });
  return hosts;
}
function hostMatches(host, pattern) {
  return pattern.startsWith("*.") ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern;
}
function hostProblems(claims, settings) {
  const problems = [];
  const taken = /* @__PURE__ */ new Map();
  const registry = settings.tenancy?.teams !== void 0;
  for (const { claim, env, source: doc2 } of claims) {
    const team = teamOf(claim, settings.tenancy);
    claim.spec.applications.forEach((app, i) => {
      const base = ["spec", "applications", i];
      for (const { host, path: path8 } of unitHosts(app, base)) {
        const key2 = `${env}/${host}`;
        const other = taken.get(key2);
        if (other && other.claim !== claim.metadata.name) {
          problems.push(problemAt(doc2, path8, "host-clash", `host ${host} is already served by claim "${other.claim}" at ${placeOf(other.doc, other.path)}; a host belongs to one claim per environment`));
        } else if (!other) {
          taken.set(key2, { doc: doc2, path: path8, claim: claim.metadata.name });
        }
        if (registry && team && !team.hosts.some((p) => hostMatches(host, p))) {
          problems.push(problemAt(doc2, path8, "host-not-granted", `host ${host} is outside the hosts granted to team ${team.id} (${team.hosts.join(", ") || "none"}); the platform grants hosts in ${settingsPlace(settings.tenancy, ["teams", team.id])} (hosts)`));
        }
      }
      problems.push(...ingressGroupProblems(app, base, doc2, team, settings));
    });
  }
  return problems;
}
function ingressGroupProblems(app, base, doc2, team, settings) {
  const annotations = record(record(app.values?.ingress)?.annotations);
  if (!annotations) return [];
  const path8 = (key2) => [...base, "values", "ingress", "annotations", key2];
  const granted = team?.grants.ingressGroups ?? [];
  const where = team && settings.tenancy ? `${settingsPlace(settings.tenancy, ["teams", team.id])} (grants.ingressGroups)` : "deployments/settings.yaml (spec.tenancy.teams.<team>.grants.ingressGroups)";
  const problems = [];
  const group = annotations[ALB_GROUP_NAME];
  const groupGranted = typeof group === "string" && granted.includes(group);
  if (group !== void 0 && !groupGranted) {
    problems.push(problemAt(doc2, path8(ALB_GROUP_NAME), "ingress-group-not-granted", `${ALB_GROUP_NAME} would put this Ingress on a load balancer shared with other claims; only a group granted to the team may be joined (${granted.join(", ") || "none granted"}): ${where}`));
  }
  if (annotations[ALB_GROUP_ORDER] !== void 0 && !groupGranted) {
    problems.push(problemAt(doc2, path8(ALB_GROUP_ORDER), "ingress-group-not-granted", `${ALB_GROUP_ORDER} orders this Ingress's rules among other claims' on a shared load balancer; it needs ${ALB_GROUP_NAME} naming a group granted to the team: ${where}`));
  }
  return problems;
}
function record(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : void 0;
}

// src/policy/values-policy.ts
var isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
var isId = (v) => Number.isInteger(v) && v >= 1;
var isEmpty = (v) => Array.isArray(v) && v.length === 0 || isObject(v) && Object.keys(v).length === 0;
var show = (v) => JSON.stringify(v);
function reservedKey(key2) {
  const prefix2 = key2.includes("/") ? key2.slice(0, key2.indexOf("/")) : "";
  return /(^|\.)kubernetes\.io$|(^|\.)k8s\.io$|^platform\.infraforge\.io$/.test(prefix2);
}
var ROUTE_ANNOTATIONS = /^(alb\.ingress\.kubernetes\.io\/(healthcheck-[a-z-]+|success-codes|target-type|backend-protocol|target-group-attributes)|nginx\.ingress\.kubernetes\.io\/(proxy-(body-size|connect-timeout|read-timeout|send-timeout|buffer-size)|rewrite-target|use-regex|backend-protocol|ssl-redirect|force-ssl-redirect))$/;
function podSecurityContext(v) {
  if (!isObject(v)) return [{ path: ["podSecurityContext"], message: `podSecurityContext ${show(v)} would drop the pod's security context` }];
  const out = [];
  for (const [k, x] of Object.entries(v)) {
    const ok = k === "runAsNonRoot" && x === true || ["runAsUser", "runAsGroup", "fsGroup"].includes(k) && isId(x) || k === "seccompProfile" && isObject(x) && x.type === "RuntimeDefault" && Object.keys(x).length === 1;
    if (!ok) out.push({ path: ["podSecurityContext", k], message: `podSecurityContext.${k}: ${show(x)} loosens the pod's security (Pod Security restricted allows runAsNonRoot: true, ids of 1 or more, seccompProfile RuntimeDefault)` });
  }
  return out;
}
function containerSecurityContext(v) {
  if (!isObject(v)) return [{ path: ["securityContext"], message: `securityContext ${show(v)} would drop the container's security context` }];
  const out = [];
  for (const [k, x] of Object.entries(v)) {
    const path8 = ["securityContext", k];
    if (k === "readOnlyRootFilesystem" && x === false) {
      out.push({ path: path8, message: "securityContext.readOnlyRootFilesystem: false makes the root filesystem writable", grant: "securityContext.readOnlyRootFilesystem" });
      continue;
    }
    const ok = k === "runAsNonRoot" && x === true || k === "allowPrivilegeEscalation" && x === false || k === "readOnlyRootFilesystem" && x === true || k === "runAsUser" && isId(x) || k === "capabilities" && isObject(x) && Object.keys(x).every((c) => c === "drop") && Array.isArray(x.drop) && x.drop.includes("ALL");
    if (!ok) out.push({ path: path8, message: `securityContext.${k}: ${show(x)} loosens the container's security (Pod Security restricted: no privilege escalation, capabilities drop ALL and add none, non-root)` });
  }
  return out;
}
function serviceAccount(v) {
  if (!isObject(v)) return [{ path: ["serviceAccount"], message: `serviceAccount ${show(v)} replaces the app's own ServiceAccount`, grant: "serviceAccount" }];
  const out = [];
  for (const [k, x] of Object.entries(v)) {
    if (k === "create" && x === true || k === "automountToken" && x === false || k === "annotations" && isEmpty(x)) continue;
    const what = k === "annotations" ? "gives the ServiceAccount annotations (a cloud IAM role)" : k === "create" ? "runs the pods as the namespace's default ServiceAccount" : "mounts an API token into the pods";
    out.push({ path: ["serviceAccount", k], message: `serviceAccount.${k}: ${show(x)} ${what}`, grant: "serviceAccount" });
  }
  return out;
}
function service(v) {
  if (!isObject(v)) return [];
  const out = [];
  if (v.type !== void 0 && v.type !== "ClusterIP") out.push({ path: ["service", "type"], message: `service.type: ${show(v.type)} exposes the app outside the cluster`, grant: "service.type" });
  if (v.annotations !== void 0 && !isEmpty(v.annotations)) out.push({ path: ["service", "annotations"], message: "service.annotations configure load balancers and cloud resources", grant: "service.annotations" });
  return out;
}
function ingress(v) {
  if (!isObject(v)) return [];
  const out = [];
  if (isObject(v.annotations)) {
    for (const key2 of Object.keys(v.annotations)) {
      if (key2 === ALB_GROUP_NAME || key2 === ALB_GROUP_ORDER) continue;
      if (!ROUTE_ANNOTATIONS.test(key2)) {
        out.push({ path: ["ingress", "annotations", key2], message: `ingress annotation ${show(key2)} is not one that only tunes this app's route; it may change the load balancer or controller every team shares`, grant: "ingress.annotations" });
      }
    }
  }
  return out;
}
function scheduling(key2, v) {
  if (v === void 0 || isEmpty(v)) return [];
  return [{ path: [key2], message: `${key2} places pods on nodes the platform reserves for others`, grant: key2 }];
}
function reservedKeys(key2, v) {
  if (!isObject(v)) return [];
  return Object.keys(v).filter(reservedKey).map((k) => ({
    path: [key2, k],
    message: `${key2} ${show(k)}: keys under kubernetes.io, k8s.io and platform.infraforge.io are read by the cluster or the platform, not set by a claim`,
    why: "no grant changes that; a key of your own domain (example.com/owner) is fine"
  }));
}
function valuesViolations(values) {
  const out = [];
  for (const [key2, v] of Object.entries(values)) {
    switch (key2) {
      case "podSecurityContext":
        out.push(...podSecurityContext(v));
        break;
      case "securityContext":
        out.push(...containerSecurityContext(v));
        break;
      case "serviceAccount":
        out.push(...serviceAccount(v));
        break;
      case "service":
        out.push(...service(v));
        break;
      case "ingress":
        out.push(...ingress(v));
        break;
      case "nodeSelector":
      case "tolerations":
      case "affinity":
        out.push(...scheduling(key2, v));
        break;
      case "labels":
      case "annotations":
      case "podAnnotations":
        out.push(...reservedKeys(key2, v));
        break;
      case "type":
        out.push({ path: ["type"], message: `type ${show(v)}: an app is a microservice; a component is declared under spec.components`, why: "no grant changes that" });
        break;
      default:
        if (/^host[A-Z]/.test(key2) || key2 === "priorityClassName" || key2 === "volumes" || key2 === "volumeMounts") {
          out.push({ path: [key2], message: `${key2} is the platform's to set (host access, node priority and extra volumes are outside Pod Security restricted or other teams' share)` });
        }
    }
  }
  return out;
}

// src/policy/problems.ts
function policyProblems(claims, settings) {
  const problems = [];
  for (const { claim, source } of claims) {
    const team = claim.spec.owner.team;
    const granted = grantsFor(settings, claim);
    claim.spec.applications.forEach((app, i) => {
      if (!app.values) return;
      for (const v of valuesViolations(app.values)) {
        if (v.grant && granted.has(v.grant)) continue;
        const path8 = ["spec", "applications", i, "values", ...v.path];
        if (v.grant) {
          problems.push(problemAt(source, path8, "values-needs-grant", `${v.message}; only the platform team can allow it, by granting "${v.grant}" to team "${team}" (${GRANTS_FIELD})`, "key"));
        } else {
          problems.push(problemAt(source, path8, "values-loosens-security", `${v.message}; ${v.why ?? "the chart runs every pod under Pod Security restricted, so values may only tighten this, and no grant changes that"}`, "key"));
        }
      }
    });
  }
  return problems;
}

// src/tenancy/credentials/gitleaks-rules.json
var gitleaks_rules_default = {
  source: "https://github.com/gitleaks/gitleaks/blob/b58d3f102cf3a2c84cb7f923d05c25c9b1aed84b/config/gitleaks.toml",
  license: "MIT (gitleaks)",
  rules: [
    {
      id: "aws-access-token",
      description: "Identified a pattern that may indicate AWS credentials, risking unauthorized cloud resource access and data breaches on AWS platforms.",
      regex: {
        source: "\\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b",
        flags: ""
      },
      keywords: [
        "a3t",
        "akia",
        "asia",
        "abia",
        "acca"
      ],
      entropy: 3,
      allowlists: [
        {
          regexTarget: "secret",
          condition: "OR",
          regexes: [
            {
              source: ".+EXAMPLE$",
              flags: ""
            }
          ],
          stopwords: []
        }
      ]
    },
    {
      id: "gcp-api-key",
      description: "Uncovered a GCP API key, which could lead to unauthorized access to Google Cloud services and data breaches.",
      regex: {
        source: `\\b(AIza[\\w-]{35})(?:[\\x60'"\\s;]|\\\\[nr]|$)`,
        flags: ""
      },
      keywords: [
        "aiza"
      ],
      entropy: 4,
      allowlists: [
        {
          regexTarget: "secret",
          condition: "OR",
          regexes: [
            {
              source: "AIzaSyabcdefghijklmnopqrstuvwxyz1234567",
              flags: ""
            },
            {
              source: "AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs",
              flags: ""
            },
            {
              source: "AIzaSyCkEhVjf3pduRDt6d1yKOMitrUEke8agEM",
              flags: ""
            },
            {
              source: "AIzaSyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU",
              flags: ""
            },
            {
              source: "AIzaSyD3asb-2pEZVqMkmL6M9N6nHZRR_znhrh0",
              flags: ""
            },
            {
              source: "AIzayDNSXIbFmlXbIE6mCzDLQAqITYefhixbX4A",
              flags: ""
            },
            {
              source: "AIzaSyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c",
              flags: ""
            },
            {
              source: "AIzaSyASWm6HmTMdYWpgMnjRBjxcQ9CKctWmLd4",
              flags: ""
            },
            {
              source: "AIzaSyANUvH9H9BsUccjsu2pCmEkOPjjaXeDQgY",
              flags: ""
            },
            {
              source: "AIzaSyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM",
              flags: ""
            },
            {
              source: "AIzaSyA4UrcGxgwQFTfaI3no3t7Lt1sjmdnP5sQ",
              flags: ""
            },
            {
              source: "AIzaSyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g",
              flags: ""
            },
            {
              source: "AIzaSyBF2RrAIm4a0mO64EShQfqfd2AFnzAvvuU",
              flags: ""
            },
            {
              source: "AIzaSyBcE-OOIbhjyR83gm4r2MFCu4MJmprNXsw",
              flags: ""
            },
            {
              source: "AIzaSyB8qGxt4ec15vitgn44duC5ucxaOi4FmqE",
              flags: ""
            },
            {
              source: "AIzaSyA8vmApnrHNFE0bApF4hoZ11srVL_n0nvY",
              flags: ""
            }
          ],
          stopwords: []
        }
      ]
    },
    {
      id: "github-app-token",
      description: "Identified a GitHub App Token, which may compromise GitHub application integrations and source code security.",
      regex: {
        source: "(?:ghu|ghs)_[0-9a-zA-Z]{36}",
        flags: ""
      },
      keywords: [
        "ghu_",
        "ghs_"
      ],
      entropy: 3
    },
    {
      id: "github-fine-grained-pat",
      description: "Found a GitHub Fine-Grained Personal Access Token, risking unauthorized repository access and code manipulation.",
      regex: {
        source: "github_pat_\\w{82}",
        flags: ""
      },
      keywords: [
        "github_pat_"
      ],
      entropy: 3
    },
    {
      id: "github-oauth",
      description: "Discovered a GitHub OAuth Access Token, posing a risk of compromised GitHub account integrations and data leaks.",
      regex: {
        source: "gho_[0-9a-zA-Z]{36}",
        flags: ""
      },
      keywords: [
        "gho_"
      ],
      entropy: 3
    },
    {
      id: "github-pat",
      description: "Uncovered a GitHub Personal Access Token, potentially leading to unauthorized repository access and sensitive content exposure.",
      regex: {
        source: "ghp_[0-9a-zA-Z]{36}",
        flags: ""
      },
      keywords: [
        "ghp_"
      ],
      entropy: 3
    },
    {
      id: "github-refresh-token",
      description: "Detected a GitHub Refresh Token, which could allow prolonged unauthorized access to GitHub services.",
      regex: {
        source: "ghr_[0-9a-zA-Z]{36}",
        flags: ""
      },
      keywords: [
        "ghr_"
      ],
      entropy: 3
    },
    {
      id: "gitlab-deploy-token",
      description: "Identified a GitLab Deploy Token, risking access to repositories, packages and containers with write access.",
      regex: {
        source: "gldt-[0-9a-zA-Z_\\-]{20}",
        flags: ""
      },
      keywords: [
        "gldt-"
      ],
      entropy: 3
    },
    {
      id: "gitlab-pat",
      description: "Identified a GitLab Personal Access Token, risking unauthorized access to GitLab repositories and codebase exposure.",
      regex: {
        source: "glpat-[\\w-]{20}",
        flags: ""
      },
      keywords: [
        "glpat-"
      ],
      entropy: 3
    },
    {
      id: "gitlab-pat-routable",
      description: "Identified a GitLab Personal Access Token (routable), risking unauthorized access to GitLab repositories and codebase exposure.",
      regex: {
        source: "\\bglpat-[0-9a-zA-Z_-]{27,300}\\.[0-9a-z]{2}[0-9a-z]{7}\\b",
        flags: ""
      },
      keywords: [
        "glpat-"
      ],
      entropy: 4
    },
    {
      id: "gitlab-ptt",
      description: "Found a GitLab Pipeline Trigger Token, potentially compromising continuous integration workflows and project security.",
      regex: {
        source: "glptt-[0-9a-f]{40}",
        flags: ""
      },
      keywords: [
        "glptt-"
      ],
      entropy: 3
    },
    {
      id: "gitlab-rrt",
      description: "Discovered a GitLab Runner Registration Token, posing a risk to CI/CD pipeline integrity and unauthorized access.",
      regex: {
        source: "GR1348941[\\w-]{20}",
        flags: ""
      },
      keywords: [
        "gr1348941"
      ],
      entropy: 3
    },
    {
      id: "npm-access-token",
      description: "Uncovered an npm access token, potentially compromising package management and code repository access.",
      regex: {
        source: `\\b(npm_[a-z0-9]{36})(?:[\\x60'"\\s;]|\\\\[nr]|$)`,
        flags: "i"
      },
      keywords: [
        "npm_"
      ],
      entropy: 2
    },
    {
      id: "pypi-upload-token",
      description: "Discovered a PyPI upload token, potentially compromising Python package distribution and repository integrity.",
      regex: {
        source: "pypi-AgEIcHlwaS5vcmc[\\w-]{50,1000}",
        flags: ""
      },
      keywords: [
        "pypi-ageichlwas5vcmc"
      ],
      entropy: 3
    },
    {
      id: "private-key",
      description: "Identified a Private Key, which may compromise cryptographic security and sensitive data encryption.",
      regex: {
        source: "-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\\s\\S-]{64,}?KEY(?: BLOCK)?-----",
        flags: "i"
      },
      keywords: [
        "-----begin"
      ]
    },
    {
      id: "jwt",
      description: "Uncovered a JSON Web Token, which may lead to unauthorized access to web applications and sensitive user data.",
      regex: {
        source: `\\b(ey[a-zA-Z0-9]{17,}\\.ey[a-zA-Z0-9\\/\\\\_-]{17,}\\.(?:[a-zA-Z0-9\\/\\\\_-]{10,}={0,2})?)(?:[\\x60'"\\s;]|\\\\[nr]|$)`,
        flags: ""
      },
      keywords: [
        "ey"
      ],
      entropy: 3
    },
    {
      id: "slack-app-token",
      description: "Detected a Slack App-level token, risking unauthorized access to Slack applications and workspace data.",
      regex: {
        source: "xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+",
        flags: "i"
      },
      keywords: [
        "xapp"
      ],
      entropy: 2
    },
    {
      id: "slack-bot-token",
      description: "Identified a Slack Bot token, which may compromise bot integrations and communication channel security.",
      regex: {
        source: "xoxb-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]*",
        flags: ""
      },
      keywords: [
        "xoxb"
      ],
      entropy: 3
    },
    {
      id: "slack-config-access-token",
      description: "Found a Slack Configuration access token, posing a risk to workspace configuration and sensitive data access.",
      regex: {
        source: "xoxe.xox[bp]-\\d-[A-Z0-9]{163,166}",
        flags: "i"
      },
      keywords: [
        "xoxe.xoxb-",
        "xoxe.xoxp-"
      ],
      entropy: 2
    },
    {
      id: "slack-config-refresh-token",
      description: "Discovered a Slack Configuration refresh token, potentially allowing prolonged unauthorized access to configuration settings.",
      regex: {
        source: "xoxe-\\d-[A-Z0-9]{146}",
        flags: "i"
      },
      keywords: [
        "xoxe-"
      ],
      entropy: 2
    },
    {
      id: "slack-legacy-bot-token",
      description: "Uncovered a Slack Legacy bot token, which could lead to compromised legacy bot operations and data exposure.",
      regex: {
        source: "xoxb-[0-9]{8,14}-[a-zA-Z0-9]{18,26}",
        flags: ""
      },
      keywords: [
        "xoxb"
      ],
      entropy: 2
    },
    {
      id: "slack-legacy-token",
      description: "Detected a Slack Legacy token, risking unauthorized access to older Slack integrations and user data.",
      regex: {
        source: "xox[os]-\\d+-\\d+-\\d+-[a-fA-F\\d]+",
        flags: ""
      },
      keywords: [
        "xoxo",
        "xoxs"
      ],
      entropy: 2
    },
    {
      id: "slack-legacy-workspace-token",
      description: "Identified a Slack Legacy Workspace token, potentially compromising access to workspace data and legacy features.",
      regex: {
        source: "xox[ar]-(?:\\d-)?[0-9a-zA-Z]{8,48}",
        flags: ""
      },
      keywords: [
        "xoxa",
        "xoxr"
      ],
      entropy: 2
    },
    {
      id: "slack-user-token",
      description: "Found a Slack User token, posing a risk of unauthorized user impersonation and data access within Slack workspaces.",
      regex: {
        source: "xox[pe](?:-[0-9]{10,13}){3}-[a-zA-Z0-9-]{28,34}",
        flags: ""
      },
      keywords: [
        "xoxp-",
        "xoxe-"
      ],
      entropy: 2
    },
    {
      id: "slack-webhook-url",
      description: "Discovered a Slack Webhook, which could lead to unauthorized message posting and data leakage in Slack channels.",
      regex: {
        source: "(?:https?://)?hooks.slack.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,56}",
        flags: ""
      },
      keywords: [
        "hooks.slack.com"
      ]
    },
    {
      id: "stripe-access-token",
      description: "Found a Stripe Access Token, posing a risk to payment processing services and sensitive financial data.",
      regex: {
        source: `\\b((?:sk|rk)_(?:test|live|prod)_[a-zA-Z0-9]{10,99})(?:[\\x60'"\\s;]|\\\\[nr]|$)`,
        flags: ""
      },
      keywords: [
        "sk_test",
        "sk_live",
        "sk_prod",
        "rk_test",
        "rk_live",
        "rk_prod"
      ],
      entropy: 2
    },
    {
      id: "generic-api-key",
      description: "Detected a Generic API Key, potentially exposing access to various services and sensitive operations.",
      regex: {
        source: `[\\w.-]{0,50}?(?:access|auth|(?-i:[Aa]pi|API)|credential|creds|key|passw(?:or)?d|secret|token)(?:[ \\t\\w.-]{0,20})[\\s'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60'"\\s=]{0,5}([\\w.=-]{10,150}|[a-z0-9][a-z0-9+/]{11,}={0,3})(?:[\\x60'"\\s;]|\\\\[nr]|$)`,
        flags: "i"
      },
      keywords: [
        "access",
        "api",
        "auth",
        "key",
        "credential",
        "creds",
        "passwd",
        "password",
        "secret",
        "token"
      ],
      entropy: 3.5,
      allowlists: [
        {
          regexTarget: "secret",
          condition: "OR",
          regexes: [
            {
              source: "^[a-zA-Z_.-]+$",
              flags: ""
            }
          ],
          stopwords: []
        },
        {
          regexTarget: "match",
          condition: "OR",
          regexes: [
            {
              source: "(?:access(?:ibility|or)|access[_.-]?id|random[_.-]?access|api[_.-]?(?:id|name|version)|rapid|capital|[a-z0-9-]*?api[a-z0-9-]*?:jar:|author|X-MS-Exchange-Organization-Auth|Authentication-Results|(?:credentials?[_.-]?id|withCredentials)|(?:bucket|foreign|hot|idx|natural|primary|pub(?:lic)?|schema|sequence)[_.-]?key|(?:turkey)|key[_.-]?(?:alias|board|code|frame|id|length|mesh|name|pair|press(?:ed)?|ring|selector|signature|size|stone|storetype|word|up|down|left|right)|key[_.-]?vault[_.-]?(?:id|name)|keyVaultToStoreSecrets|key(?:store|tab)[_.-]?(?:file|path)|issuerkeyhash|(?-i:[DdMm]onkey|[DM]ONKEY)|keying|(?:secret)[_.-]?(?:length|name|size)|UserSecretsId|(?:csrf)[_.-]?token|(?:io\\.jsonwebtoken[ \\t]?:[ \\t]?[\\w-]+)|(?:api|credentials|token)[_.-]?(?:endpoint|ur[il])|public[_.-]?token|(?:key|token)[_.-]?file|(?-i:(?:[A-Z_]+=\\n[A-Z_]+=|[a-z_]+=\\n[a-z_]+=)(?:\\n|$))|(?-i:(?:[A-Z.]+=\\n[A-Z.]+=|[a-z.]+=\\n[a-z.]+=)(?:\\n|$)))",
              flags: "i"
            }
          ],
          stopwords: [
            "000000",
            "6fe4476ee5a1832882e326b506d14126",
            "_ec2_",
            "aaaaaa",
            "about",
            "abstract",
            "academy",
            "acces",
            "account",
            "act-",
            "act.",
            "act_",
            "action",
            "active",
            "actively",
            "activity",
            "adapter",
            "add-",
            "add-on",
            "add.",
            "add_",
            "addon",
            "addres",
            "admin",
            "adobe",
            "advanced",
            "adventure",
            "agent",
            "agile",
            "air-",
            "air.",
            "air_",
            "ajax",
            "akka",
            "alert",
            "alfred",
            "algorithm",
            "all-",
            "all.",
            "all_",
            "alloy",
            "alpha",
            "amazon",
            "amqp",
            "analysi",
            "analytic",
            "analyzer",
            "android",
            "angular",
            "angularj",
            "animate",
            "animation",
            "another",
            "ansible",
            "answer",
            "ant-",
            "ant.",
            "ant_",
            "any-",
            "any.",
            "any_",
            "apache",
            "app-",
            "app.",
            "app_",
            "apple",
            "arch",
            "archive",
            "archived",
            "arduino",
            "array",
            "art-",
            "art.",
            "art_",
            "article",
            "asp-",
            "asp.",
            "asp_",
            "asset",
            "async",
            "atom",
            "attention",
            "audio",
            "audit",
            "aura",
            "auth",
            "author",
            "authorize",
            "auto",
            "automated",
            "automatic",
            "awesome",
            "aws_",
            "azure",
            "back",
            "backbone",
            "backend",
            "backup",
            "bar-",
            "bar.",
            "bar_",
            "base",
            "based",
            "bash",
            "basic",
            "batch",
            "been",
            "beer",
            "behavior",
            "being",
            "benchmark",
            "best",
            "beta",
            "better",
            "big-",
            "big.",
            "big_",
            "binary",
            "binding",
            "bit-",
            "bit.",
            "bit_",
            "bitcoin",
            "block",
            "blog",
            "board",
            "book",
            "bookmark",
            "boost",
            "boot",
            "bootstrap",
            "bosh",
            "bot-",
            "bot.",
            "bot_",
            "bower",
            "box-",
            "box.",
            "box_",
            "boxen",
            "bracket",
            "branch",
            "bridge",
            "browser",
            "brunch",
            "buffer",
            "bug-",
            "bug.",
            "bug_",
            "build",
            "builder",
            "building",
            "buildout",
            "buildpack",
            "built",
            "bundle",
            "busines",
            "but-",
            "but.",
            "but_",
            "button",
            "cache",
            "caching",
            "cakephp",
            "calendar",
            "call",
            "camera",
            "campfire",
            "can-",
            "can.",
            "can_",
            "canva",
            "captcha",
            "capture",
            "card",
            "carousel",
            "case",
            "cassandra",
            "cat-",
            "cat.",
            "cat_",
            "category",
            "center",
            "cento",
            "challenge",
            "change",
            "changelog",
            "channel",
            "chart",
            "chat",
            "cheat",
            "check",
            "checker",
            "chef",
            "ches",
            "chinese",
            "chosen",
            "chrome",
            "ckeditor",
            "clas",
            "classe",
            "classic",
            "clean",
            "cli-",
            "cli.",
            "cli_",
            "client",
            "clojure",
            "clone",
            "closure",
            "cloud",
            "club",
            "cluster",
            "cms-",
            "cms_",
            "coco",
            "code",
            "coding",
            "coffee",
            "color",
            "combination",
            "combo",
            "command",
            "commander",
            "comment",
            "commit",
            "common",
            "community",
            "compas",
            "compiler",
            "complete",
            "component",
            "composer",
            "computer",
            "computing",
            "con-",
            "con.",
            "con_",
            "concept",
            "conf",
            "config",
            "connect",
            "connector",
            "console",
            "contact",
            "container",
            "contao",
            "content",
            "contest",
            "context",
            "control",
            "convert",
            "converter",
            "conway'",
            "cookbook",
            "cookie",
            "cool",
            "copy",
            "cordova",
            "core",
            "couchbase",
            "couchdb",
            "countdown",
            "counter",
            "course",
            "craft",
            "crawler",
            "create",
            "creating",
            "creator",
            "credential",
            "crm-",
            "crm.",
            "crm_",
            "cros",
            "crud",
            "csv-",
            "csv.",
            "csv_",
            "cube",
            "cucumber",
            "cuda",
            "current",
            "currently",
            "custom",
            "daemon",
            "dark",
            "dart",
            "dash",
            "dashboard",
            "data",
            "database",
            "date",
            "day-",
            "day.",
            "day_",
            "dead",
            "debian",
            "debug",
            "debugger",
            "deck",
            "define",
            "del-",
            "del.",
            "del_",
            "delete",
            "demo",
            "deploy",
            "design",
            "designer",
            "desktop",
            "detection",
            "detector",
            "dev-",
            "dev.",
            "dev_",
            "develop",
            "developer",
            "device",
            "devise",
            "diff",
            "digital",
            "directive",
            "directory",
            "discovery",
            "display",
            "django",
            "dns-",
            "dns_",
            "doc-",
            "doc.",
            "doc_",
            "docker",
            "docpad",
            "doctrine",
            "document",
            "doe-",
            "doe.",
            "doe_",
            "dojo",
            "dom-",
            "dom.",
            "dom_",
            "domain",
            "don't",
            "done",
            "dot-",
            "dot.",
            "dot_",
            "dotfile",
            "download",
            "draft",
            "drag",
            "drill",
            "drive",
            "driven",
            "driver",
            "drop",
            "dropbox",
            "drupal",
            "dsl-",
            "dsl.",
            "dsl_",
            "dynamic",
            "easy",
            "ecdsa",
            "eclipse",
            "edit",
            "editing",
            "edition",
            "editor",
            "element",
            "emac",
            "email",
            "embed",
            "embedded",
            "ember",
            "emitter",
            "emulator",
            "encoding",
            "endpoint",
            "engine",
            "english",
            "enhanced",
            "entity",
            "entry",
            "env_",
            "episode",
            "erlang",
            "error",
            "espresso",
            "event",
            "evented",
            "example",
            "exchange",
            "exercise",
            "experiment",
            "expire",
            "exploit",
            "explorer",
            "export",
            "exporter",
            "expres",
            "ext-",
            "ext.",
            "ext_",
            "extended",
            "extension",
            "external",
            "extra",
            "extractor",
            "fabric",
            "facebook",
            "factory",
            "fake",
            "fast",
            "feature",
            "feed",
            "fewfwef",
            "ffmpeg",
            "field",
            "file",
            "filter",
            "find",
            "finder",
            "firefox",
            "firmware",
            "first",
            "fish",
            "fix-",
            "fix_",
            "flash",
            "flask",
            "flat",
            "flex",
            "flexible",
            "flickr",
            "flow",
            "fluent",
            "fluentd",
            "fluid",
            "folder",
            "font",
            "force",
            "foreman",
            "fork",
            "form",
            "format",
            "formatter",
            "forum",
            "foundry",
            "framework",
            "free",
            "friend",
            "friendly",
            "front-end",
            "frontend",
            "ftp-",
            "ftp.",
            "ftp_",
            "fuel",
            "full",
            "fun-",
            "fun.",
            "fun_",
            "func",
            "future",
            "gaia",
            "gallery",
            "game",
            "gateway",
            "gem-",
            "gem.",
            "gem_",
            "gen-",
            "gen.",
            "gen_",
            "general",
            "generator",
            "generic",
            "genetic",
            "get-",
            "get.",
            "get_",
            "getenv",
            "getting",
            "ghost",
            "gist",
            "git-",
            "git.",
            "git_",
            "github",
            "gitignore",
            "gitlab",
            "glas",
            "gmail",
            "gnome",
            "gnu-",
            "gnu.",
            "gnu_",
            "goal",
            "golang",
            "gollum",
            "good",
            "google",
            "gpu-",
            "gpu.",
            "gpu_",
            "gradle",
            "grail",
            "graph",
            "graphic",
            "great",
            "grid",
            "groovy",
            "group",
            "grunt",
            "guard",
            "gui-",
            "gui.",
            "gui_",
            "guide",
            "guideline",
            "gulp",
            "gwt-",
            "gwt.",
            "gwt_",
            "hack",
            "hackathon",
            "hacker",
            "hacking",
            "hadoop",
            "haml",
            "handler",
            "hardware",
            "has-",
            "has_",
            "hash",
            "haskell",
            "have",
            "haxe",
            "hello",
            "help",
            "helper",
            "here",
            "hero",
            "heroku",
            "high",
            "hipchat",
            "history",
            "home",
            "homebrew",
            "homepage",
            "hook",
            "host",
            "hosting",
            "hot-",
            "hot.",
            "hot_",
            "house",
            "how-",
            "how.",
            "how_",
            "html",
            "http",
            "hub-",
            "hub.",
            "hub_",
            "hubot",
            "human",
            "icon",
            "ide-",
            "ide.",
            "ide_",
            "idea",
            "identity",
            "idiomatic",
            "image",
            "impact",
            "import",
            "important",
            "importer",
            "impres",
            "index",
            "infinite",
            "info",
            "injection",
            "inline",
            "input",
            "inside",
            "inspector",
            "instagram",
            "install",
            "installer",
            "instant",
            "intellij",
            "interface",
            "internet",
            "interview",
            "into",
            "intro",
            "ionic",
            "iphone",
            "ipython",
            "irc-",
            "irc_",
            "iso-",
            "iso.",
            "iso_",
            "issue",
            "jade",
            "jasmine",
            "java",
            "jbos",
            "jekyll",
            "jenkin",
            "jetbrains",
            "job-",
            "job.",
            "job_",
            "joomla",
            "jpa-",
            "jpa.",
            "jpa_",
            "jquery",
            "json",
            "just",
            "kafka",
            "karma",
            "kata",
            "kernel",
            "keyboard",
            "kindle",
            "kit-",
            "kit.",
            "kit_",
            "kitchen",
            "knife",
            "koan",
            "kohana",
            "lab-",
            "lab.",
            "lab_",
            "lambda",
            "lamp",
            "language",
            "laravel",
            "last",
            "latest",
            "latex",
            "launcher",
            "layer",
            "layout",
            "lazy",
            "ldap",
            "leaflet",
            "league",
            "learn",
            "learning",
            "led-",
            "led.",
            "led_",
            "leetcode",
            "les-",
            "les.",
            "les_",
            "level",
            "leveldb",
            "lib-",
            "lib.",
            "lib_",
            "librarie",
            "library",
            "license",
            "life",
            "liferay",
            "light",
            "lightbox",
            "like",
            "line",
            "link",
            "linked",
            "linkedin",
            "linux",
            "lisp",
            "list",
            "lite",
            "little",
            "load",
            "loader",
            "local",
            "location",
            "lock",
            "log-",
            "log.",
            "log_",
            "logger",
            "logging",
            "logic",
            "login",
            "logstash",
            "longer",
            "look",
            "love",
            "lua-",
            "lua.",
            "lua_",
            "mac-",
            "mac.",
            "mac_",
            "machine",
            "made",
            "magento",
            "magic",
            "mail",
            "make",
            "maker",
            "making",
            "man-",
            "man.",
            "man_",
            "manage",
            "manager",
            "manifest",
            "manual",
            "map-",
            "map.",
            "map_",
            "mapper",
            "mapping",
            "markdown",
            "markup",
            "master",
            "math",
            "matrix",
            "maven",
            "md5",
            "mean",
            "media",
            "mediawiki",
            "meetup",
            "memcached",
            "memory",
            "menu",
            "merchant",
            "message",
            "messaging",
            "meta",
            "metadata",
            "meteor",
            "method",
            "metric",
            "micro",
            "middleman",
            "migration",
            "minecraft",
            "miner",
            "mini",
            "minimal",
            "mirror",
            "mit-",
            "mit.",
            "mit_",
            "mobile",
            "mocha",
            "mock",
            "mod-",
            "mod.",
            "mod_",
            "mode",
            "model",
            "modern",
            "modular",
            "module",
            "modx",
            "money",
            "mongo",
            "mongodb",
            "mongoid",
            "mongoose",
            "monitor",
            "monkey",
            "more",
            "motion",
            "moved",
            "movie",
            "mozilla",
            "mqtt",
            "mule",
            "multi",
            "multiple",
            "music",
            "mustache",
            "mvc-",
            "mvc.",
            "mvc_",
            "mysql",
            "nagio",
            "name",
            "native",
            "need",
            "neo-",
            "neo.",
            "neo_",
            "nest",
            "nested",
            "net-",
            "net.",
            "net_",
            "nette",
            "network",
            "new-",
            "new.",
            "new_",
            "next",
            "nginx",
            "ninja",
            "nlp-",
            "nlp.",
            "nlp_",
            "node",
            "nodej",
            "nosql",
            "not-",
            "not.",
            "not_",
            "note",
            "notebook",
            "notepad",
            "notice",
            "notifier",
            "now-",
            "now.",
            "now_",
            "number",
            "oauth",
            "object",
            "objective",
            "obsolete",
            "ocaml",
            "octopres",
            "official",
            "old-",
            "old.",
            "old_",
            "onboard",
            "online",
            "only",
            "open",
            "opencv",
            "opengl",
            "openshift",
            "openwrt",
            "option",
            "oracle",
            "org-",
            "org.",
            "org_",
            "origin",
            "original",
            "orm-",
            "orm.",
            "orm_",
            "osx-",
            "osx_",
            "our-",
            "our.",
            "our_",
            "out-",
            "out.",
            "out_",
            "output",
            "over",
            "overview",
            "own-",
            "own.",
            "own_",
            "pack",
            "package",
            "packet",
            "page",
            "panel",
            "paper",
            "paperclip",
            "para",
            "parallax",
            "parallel",
            "parse",
            "parser",
            "parsing",
            "particle",
            "party",
            "password",
            "patch",
            "path",
            "pattern",
            "payment",
            "paypal",
            "pdf-",
            "pdf.",
            "pdf_",
            "pebble",
            "people",
            "perl",
            "personal",
            "phalcon",
            "phoenix",
            "phone",
            "phonegap",
            "photo",
            "php-",
            "php.",
            "php_",
            "physic",
            "picker",
            "pipeline",
            "platform",
            "play",
            "player",
            "please",
            "plu-",
            "plu.",
            "plu_",
            "plug-in",
            "plugin",
            "plupload",
            "png-",
            "png.",
            "png_",
            "poker",
            "polyfill",
            "polymer",
            "pool",
            "pop-",
            "pop.",
            "pop_",
            "popcorn",
            "popup",
            "port",
            "portable",
            "portal",
            "portfolio",
            "post",
            "power",
            "powered",
            "powerful",
            "prelude",
            "pretty",
            "preview",
            "principle",
            "print",
            "pro-",
            "pro.",
            "pro_",
            "problem",
            "proc",
            "product",
            "profile",
            "profiler",
            "program",
            "progres",
            "project",
            "protocol",
            "prototype",
            "provider",
            "proxy",
            "public",
            "pull",
            "puppet",
            "pure",
            "purpose",
            "push",
            "pusher",
            "pyramid",
            "python",
            "quality",
            "query",
            "queue",
            "quick",
            "rabbitmq",
            "rack",
            "radio",
            "rail",
            "railscast",
            "random",
            "range",
            "raspberry",
            "rdf-",
            "rdf.",
            "rdf_",
            "react",
            "reactive",
            "read",
            "reader",
            "readme",
            "ready",
            "real",
            "real-time",
            "reality",
            "realtime",
            "recipe",
            "recorder",
            "red-",
            "red.",
            "red_",
            "reddit",
            "redi",
            "redmine",
            "reference",
            "refinery",
            "refresh",
            "registry",
            "related",
            "release",
            "remote",
            "rendering",
            "repo",
            "report",
            "request",
            "require",
            "required",
            "requirej",
            "research",
            "resource",
            "response",
            "resque",
            "rest",
            "restful",
            "resume",
            "reveal",
            "reverse",
            "review",
            "riak",
            "rich",
            "right",
            "ring",
            "robot",
            "role",
            "room",
            "router",
            "routing",
            "rpc-",
            "rpc.",
            "rpc_",
            "rpg-",
            "rpg.",
            "rpg_",
            "rspec",
            "ruby-",
            "ruby.",
            "ruby_",
            "rule",
            "run-",
            "run.",
            "run_",
            "runner",
            "running",
            "runtime",
            "rust",
            "rvm-",
            "rvm.",
            "rvm_",
            "salt",
            "sample",
            "sandbox",
            "sas-",
            "sas.",
            "sas_",
            "sbt-",
            "sbt.",
            "sbt_",
            "scala",
            "scalable",
            "scanner",
            "schema",
            "scheme",
            "school",
            "science",
            "scraper",
            "scratch",
            "screen",
            "script",
            "scroll",
            "scs-",
            "scs.",
            "scs_",
            "sdk-",
            "sdk.",
            "sdk_",
            "sdl-",
            "sdl.",
            "sdl_",
            "search",
            "secure",
            "security",
            "see-",
            "see.",
            "see_",
            "seed",
            "select",
            "selector",
            "selenium",
            "semantic",
            "sencha",
            "send",
            "sentiment",
            "serie",
            "server",
            "service",
            "session",
            "set-",
            "set.",
            "set_",
            "setting",
            "setup",
            "sha1",
            "sha2",
            "sha256",
            "share",
            "shared",
            "sharing",
            "sheet",
            "shell",
            "shield",
            "shipping",
            "shop",
            "shopify",
            "shortener",
            "should",
            "show",
            "showcase",
            "side",
            "silex",
            "simple",
            "simulator",
            "single",
            "site",
            "skeleton",
            "sketch",
            "skin",
            "slack",
            "slide",
            "slider",
            "slim",
            "small",
            "smart",
            "smtp",
            "snake",
            "snapshot",
            "snippet",
            "soap",
            "social",
            "socket",
            "software",
            "solarized",
            "solr",
            "solution",
            "solver",
            "some",
            "soon",
            "source",
            "space",
            "spark",
            "spatial",
            "spec",
            "sphinx",
            "spine",
            "spotify",
            "spree",
            "spring",
            "sprite",
            "sql-",
            "sql.",
            "sql_",
            "sqlite",
            "ssh-",
            "ssh.",
            "ssh_",
            "stack",
            "staging",
            "standard",
            "stanford",
            "start",
            "started",
            "starter",
            "startup",
            "stat",
            "statamic",
            "state",
            "static",
            "statistic",
            "statsd",
            "statu",
            "steam",
            "step",
            "still",
            "stm-",
            "stm.",
            "stm_",
            "storage",
            "store",
            "storm",
            "story",
            "strategy",
            "stream",
            "streaming",
            "string",
            "stripe",
            "structure",
            "studio",
            "study",
            "stuff",
            "style",
            "sublime",
            "sugar",
            "suite",
            "summary",
            "super",
            "support",
            "supported",
            "svg-",
            "svg.",
            "svg_",
            "svn-",
            "svn.",
            "svn_",
            "swagger",
            "swift",
            "switch",
            "switcher",
            "symfony",
            "symphony",
            "sync",
            "synopsi",
            "syntax",
            "system",
            "tab-",
            "tab.",
            "tab_",
            "table",
            "tag-",
            "tag.",
            "tag_",
            "talk",
            "target",
            "task",
            "tcp-",
            "tcp.",
            "tcp_",
            "tdd-",
            "tdd.",
            "tdd_",
            "team",
            "tech",
            "template",
            "term",
            "terminal",
            "testing",
            "tetri",
            "text",
            "textmate",
            "theme",
            "theory",
            "three",
            "thrift",
            "time",
            "timeline",
            "timer",
            "tiny",
            "tinymce",
            "tip-",
            "tip.",
            "tip_",
            "title",
            "todo",
            "todomvc",
            "token",
            "tool",
            "toolbox",
            "toolkit",
            "top-",
            "top.",
            "top_",
            "tornado",
            "touch",
            "tower",
            "tracker",
            "tracking",
            "traffic",
            "training",
            "transfer",
            "translate",
            "transport",
            "tree",
            "trello",
            "try-",
            "try.",
            "try_",
            "tumblr",
            "tut-",
            "tut.",
            "tut_",
            "tutorial",
            "tweet",
            "twig",
            "twitter",
            "type",
            "typo",
            "ubuntu",
            "uiview",
            "ultimate",
            "under",
            "unit",
            "unity",
            "universal",
            "unix",
            "update",
            "updated",
            "upgrade",
            "upload",
            "uploader",
            "uri-",
            "uri.",
            "uri_",
            "url-",
            "url.",
            "url_",
            "usage",
            "usb-",
            "usb.",
            "usb_",
            "use-",
            "use.",
            "use_",
            "used",
            "useful",
            "user",
            "using",
            "util",
            "utilitie",
            "utility",
            "vagrant",
            "validator",
            "value",
            "variou",
            "varnish",
            "version",
            "via-",
            "via.",
            "via_",
            "video",
            "view",
            "viewer",
            "vim-",
            "vim.",
            "vim_",
            "vimrc",
            "virtual",
            "vision",
            "visual",
            "vpn",
            "want",
            "warning",
            "watch",
            "watcher",
            "wave",
            "way-",
            "way.",
            "way_",
            "weather",
            "web-",
            "web_",
            "webapp",
            "webgl",
            "webhook",
            "webkit",
            "webrtc",
            "website",
            "websocket",
            "welcome",
            "what",
            "what'",
            "when",
            "where",
            "which",
            "why-",
            "why.",
            "why_",
            "widget",
            "wifi",
            "wiki",
            "win-",
            "win.",
            "win_",
            "window",
            "wip-",
            "wip.",
            "wip_",
            "within",
            "without",
            "wizard",
            "word",
            "wordpres",
            "work",
            "worker",
            "workflow",
            "working",
            "workshop",
            "world",
            "wrapper",
            "write",
            "writer",
            "writing",
            "written",
            "www-",
            "www.",
            "www_",
            "xamarin",
            "xcode",
            "xml-",
            "xml.",
            "xml_",
            "xmpp",
            "xxxxxx",
            "yahoo",
            "yaml",
            "yandex",
            "yeoman",
            "yet-",
            "yet.",
            "yet_",
            "yii-",
            "yii.",
            "yii_",
            "youtube",
            "yui-",
            "yui.",
            "yui_",
            "zend",
            "zero",
            "zip-",
            "zip.",
            "zip_",
            "zsh-",
            "zsh.",
            "zsh_"
          ]
        },
        {
          regexTarget: "line",
          condition: "OR",
          regexes: [
            {
              source: "--mount=type=secret,",
              flags: ""
            },
            {
              source: `import[ \\t]+{[ \\t\\w,]+}[ \\t]+from[ \\t]+['"][^'"]+['"]`,
              flags: ""
            }
          ],
          stopwords: []
        }
      ]
    }
  ]
};

// src/tenancy/credentials/rules.ts
var RULES_SOURCE = gitleaks_rules_default.source;
var compiled2;
function credentialRules() {
  compiled2 ??= gitleaks_rules_default.rules.map((r) => ({
    id: r.id,
    regex: new RegExp(r.regex.source, `${r.regex.flags}g`),
    keywords: r.keywords ?? [],
    entropy: r.entropy ?? 0,
    secretGroup: r.secretGroup ?? 0,
    allowlists: (r.allowlists ?? []).map((a) => ({
      target: a.regexTarget,
      all: a.condition === "AND",
      regexes: a.regexes.map((x) => new RegExp(x.source, x.flags)),
      stopwords: a.stopwords
    }))
  }));
  return compiled2;
}
function findCredential(line) {
  const lower = line.toLowerCase();
  for (const rule2 of credentialRules()) {
    if (rule2.keywords.length && !rule2.keywords.some((k) => lower.includes(k))) continue;
    for (const m of line.matchAll(rule2.regex)) {
      const secret = (rule2.secretGroup > 0 ? m[rule2.secretGroup] : m.slice(1).find((g) => g)) ?? m[0];
      if (rule2.entropy > 0 && shannonEntropy(secret) <= rule2.entropy) continue;
      const targets = { secret, match: m[0], line };
      if (rule2.allowlists.some((a) => allowed(a, targets))) continue;
      return rule2.id;
    }
  }
  return void 0;
}
function allowed(a, t) {
  const checks = [];
  if (a.regexes.length) checks.push(a.regexes.some((r) => r.test(t[a.target])));
  if (a.stopwords.length) {
    const lower = t.secret.toLowerCase();
    checks.push(a.stopwords.some((w) => lower.includes(w)));
  }
  return checks.length > 0 && (a.all ? checks.every(Boolean) : checks.some(Boolean));
}
function shannonEntropy(data) {
  if (!data) return 0;
  const counts = /* @__PURE__ */ new Map();
  for (const ch of data) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const inv = 1 / Buffer.byteLength(data, "utf8");
  let entropy = 0;
  for (const count of counts.values()) {
    const freq = count * inv;
    entropy -= freq * Math.log2(freq);
  }
  return entropy;
}

// src/tenancy/credentials/claim-strings.ts
var ADVICE = "credentials never go into git: put it in a Secret and use secretKeyRef";
function credentialProblems(claims) {
  const problems = [];
  for (const { claim, source: doc2 } of claims) {
    claim.spec.applications.forEach((app, i) => {
      const base = ["spec", "applications", i];
      (app.env ?? []).forEach((e, j) => {
        if (typeof e.value !== "string") return;
        const rule2 = credentialIn(e.name, e.value);
        if (rule2) problems.push(problemAt(doc2, [...base, "env", j, "value"], "credential-in-claim", `env ${e.name} looks like a credential (${rule2}); ${ADVICE}`));
      });
      if (app.values) walk(app.values, [...base, "values"], void 0, doc2, problems);
    });
  }
  return problems;
}
function credentialIn(name, value) {
  const rule2 = findCredential(name === void 0 ? value : `${name}=${value}`);
  if (rule2) return `gitleaks rule ${rule2}`;
  return urlWithPassword(value) ? "a URL with a password" : void 0;
}
function walk(node, path8, key2, doc2, out) {
  if (typeof node === "string") {
    const rule2 = credentialIn(key2, node);
    if (rule2) out.push(problemAt(doc2, path8, "credential-in-claim", `${key2 ?? "this value"} looks like a credential (${rule2}); ${ADVICE} (or the chart's existingSecret)`));
  } else if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, [...path8, i], key2, doc2, out));
  } else if (node !== null && typeof node === "object") {
    const map = node;
    for (const [k, v] of Object.entries(map)) {
      const name = k === "value" && typeof map.name === "string" ? map.name : k;
      walk(v, [...path8, k], name, doc2, out);
    }
  }
}
function urlWithPassword(value) {
  for (const token of value.split(/\s+/)) {
    if (!token.includes("://")) continue;
    let password;
    try {
      password = decodeURIComponent(new URL(token).password);
    } catch {
      continue;
    }
    if (password && !/^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(password)) return true;
  }
  return false;
}

// src/tenancy/reserved-namespaces.ts
var BUILTIN_RESERVED_NAMESPACES = [
  { name: "default", where: "Kubernetes' default namespace" },
  { name: "argocd", where: "Argo CD's namespace (infrastructure/aws/argocd.tf)" },
  { name: "cert-manager", where: "the cert-manager namespace (infrastructure/aws/addons.tf)" },
  { name: "cnpg-system", where: "the CloudNativePG operator namespace (infrastructure/aws/addons.tf)" },
  { name: "elastic-system", where: "the ECK operator namespace (infrastructure/aws/addons.tf)" },
  { name: "mongodb-system", where: "the MongoDB operator namespace (infrastructure/aws/addons.tf)" },
  { name: "rabbitmq-system", where: "the RabbitMQ operator namespace (infrastructure/aws/addons.tf)" },
  { name: "strimzi-system", where: "the Strimzi operator namespace (infrastructure/aws/addons.tf)" }
];
function namespaceOwner(namespace, settings) {
  if (namespace.startsWith("kube-")) return "a Kubernetes system namespace (kube-*)";
  if (namespace === settings.argocd.namespace) return "Argo CD's namespace (spec.argocd.namespace)";
  const builtin = BUILTIN_RESERVED_NAMESPACES.find((r) => r.name === namespace);
  if (builtin) return builtin.where;
  const reserved = settings.tenancy?.reservedNamespaces.find((r) => r.name === namespace);
  return reserved ? `reserved in ${reserved.where}` : void 0;
}

// src/tenancy/namespaces.ts
var TEAM = ["spec", "owner", "team"];
var NAMESPACE = ["spec", "namespace"];
function namespaceProblems(claims, settings) {
  const teams = settings.tenancy?.teams;
  const problems = teams ? registryProblems(settings.tenancy, teams, claims, settings) : [];
  const spellings = /* @__PURE__ */ new Map();
  for (const { claim, env, source: doc2 } of claims) {
    const asked = claim.spec.namespace;
    const team = teamOf(claim, settings.tenancy);
    if (teams && !team) {
      problems.push(problemAt(doc2, TEAM, "team-unknown", unknownTeamMessage(claim.spec.owner.team, teams, settings.tenancy)));
      continue;
    }
    if (asked !== void 0) {
      if (!team) {
        problems.push(
          problemAt(doc2, NAMESPACE, "namespace-not-granted", `spec.namespace needs a team registry that grants it (spec.tenancy.teams in deployments/settings.yaml); without one a claim deploys into ${defaultNamespace(claim.spec.owner.team, env)} (<owner.team>-<environment>)`)
        );
        continue;
      }
      const home = teamNamespace(team, env);
      if (asked !== home && !team.grants.namespaces.includes(asked)) {
        const where = settingsPlace(settings.tenancy, ["teams", team.id]);
        problems.push(problemAt(doc2, NAMESPACE, "namespace-not-granted", `namespace ${asked} is not granted to team ${team.id} (its namespace in ${env} is ${home}); the platform grants more in ${where} (grants.namespaces)`));
        continue;
      }
    }
    const namespace = claimNamespace(claim, settings.tenancy);
    const owner = namespaceOwner(namespace, settings);
    if (owner) {
      problems.push(problemAt(doc2, asked !== void 0 ? NAMESPACE : TEAM, "namespace-reserved", `namespace ${namespace} is ${owner}; no claim deploys there`));
      continue;
    }
    if (!team) {
      const key2 = `${env}/${namespace}`;
      const first = spellings.get(key2);
      if (!first) spellings.set(key2, { team: claim.spec.owner.team, doc: doc2 });
      else if (first.team !== claim.spec.owner.team) {
        problems.push(
          problemAt(
            doc2,
            TEAM,
            "team-spelling-clash",
            `owner.team "${claim.spec.owner.team}" deploys into namespace ${namespace}, as team "${first.team}" of ${placeOf(first.doc, TEAM)} does: write the team the same way in both claims, or register the teams in deployments/settings.yaml (spec.tenancy.teams)`
          )
        );
      }
    }
  }
  return problems;
}
function unknownTeamMessage(team, teams, tenancy) {
  const names = teams.map((t) => t.ownerTeam);
  const label = toDnsLabel(team);
  const guess = didYouMean(team, names) ?? names.find((n) => toDnsLabel(n) === label);
  const hint = guess ? `; did you mean "${guess}"?` : ` (registered: ${names.map((n) => `"${n}"`).join(", ")})`;
  return `owner.team "${team}" is not a team of the registry in ${settingsPlace(tenancy, ["teams"])}${hint}`;
}
function registryProblems(tenancy, teams, claims, settings) {
  const problems = [];
  const spellings = /* @__PURE__ */ new Map();
  for (const team of teams) {
    const other = spellings.get(team.ownerTeam);
    if (other) problems.push(settingsProblem(tenancy, ["teams", team.id, "ownerTeam"], "team-duplicate", `ownerTeam "${team.ownerTeam}" is also team ${other}'s; a claim must name one team`));
    else spellings.set(team.ownerTeam, team.id);
  }
  const envs = [.../* @__PURE__ */ new Set([...claims.map((c) => c.env), ...teams.flatMap((t) => Object.keys(t.namespaces))])].sort(cmp);
  const homes = /* @__PURE__ */ new Map();
  for (const env of envs) {
    const explicit = (t) => Object.hasOwn(t.namespaces, env) ? 1 : 0;
    for (const team of [...teams].sort((a, b) => explicit(a) - explicit(b))) {
      const namespace = teamNamespace(team, env);
      const path8 = Object.hasOwn(team.namespaces, env) ? ["teams", team.id, "namespaces", env] : ["teams", team.id];
      const owner = namespaceOwner(namespace, settings);
      const other = homes.get(`${env}/${namespace}`);
      if (owner) problems.push(settingsProblem(tenancy, path8, "namespace-reserved", `team ${team.id}'s namespace in ${env}, ${namespace}, is ${owner}`));
      else if (other) problems.push(settingsProblem(tenancy, path8, "namespace-clash", `team ${team.id}'s namespace in ${env}, ${namespace}, is also team ${other}'s; give each team its own`));
      else homes.set(`${env}/${namespace}`, team.id);
    }
  }
  for (const team of teams) {
    team.grants.namespaces.forEach((namespace, i) => {
      const path8 = ["teams", team.id, "grants", "namespaces", i];
      const owner = namespaceOwner(namespace, settings);
      const home = [...homes].find(([key2, id]) => key2.endsWith(`/${namespace}`) && id !== team.id);
      if (owner) problems.push(settingsProblem(tenancy, path8, "namespace-reserved", `namespace ${namespace} is ${owner}; it cannot be granted`));
      else if (home) problems.push(settingsProblem(tenancy, path8, "namespace-clash", `namespace ${namespace} is team ${home[1]}'s (${home[0].split("/")[0]}); a grant would let team ${team.id} read its Secrets`));
    });
  }
  return problems;
}

// src/tenancy/problems.ts
function tenancyProblems(claims, settings) {
  return [...namespaceProblems(claims, settings), ...hostProblems(claims, settings), ...credentialProblems(claims)];
}

// src/claims/units.ts
function claimUnits(claim) {
  return [
    ...claim.spec.applications.map((a, i) => ({ name: a.name, path: ["spec", "applications", i, "name"] })),
    ...(claim.spec.components ?? []).map((c, i) => ({ name: c.name, path: ["spec", "components", i, "name"] }))
  ];
}

// src/claims/argocd-names.ts
var PLATFORM_PROJECT = "infraforge-platform";
var PLATFORM_PROJECT_FILE = "infrastructure/argocd/platform-project.yaml";
var BUILTIN_PROJECTS = [
  { name: "default", where: "Argo CD's built-in project (it allows every kind everywhere)" },
  { name: PLATFORM_PROJECT, where: `the platform's AppProject ${PLATFORM_PROJECT_FILE} (the root Applications use it)` }
];
var BUILTIN_APPLICATIONS = [
  { name: "rabbitmq-cluster-operator", where: "the RabbitMQ operator Application infrastructure/aws/addons.tf creates" }
];
function rootApplicationName(env) {
  return `infraforge-root-${env}`;
}
function rootApplicationFile(env) {
  return `infrastructure/argocd/root-${env}.yaml`;
}
function reservedApplications(envs, settings) {
  return [
    ...envs.map((env) => ({ name: rootApplicationName(env), where: `the root Application ${rootApplicationFile(env)}` })),
    ...BUILTIN_APPLICATIONS,
    ...(settings.argocd.reserved?.applications ?? []).map(fromSettings)
  ];
}
function reservedProjects(settings) {
  return [...BUILTIN_PROJECTS, ...(settings.argocd.reserved?.projects ?? []).map(fromSettings)];
}
function fromSettings(r) {
  return { name: r.name, where: `the name reserved in ${r.where}` };
}
function argocdNameProblems(claims, settings) {
  const problems = [];
  const projects = byName(reservedProjects(settings));
  const reserved = byName(reservedApplications([...new Set(claims.map((c) => c.env))].sort(cmp), settings));
  const seenClaims = /* @__PURE__ */ new Set();
  const applications = /* @__PURE__ */ new Map();
  for (const { claim, env, source: doc2 } of claims) {
    const name = claim.metadata.name;
    if (seenClaims.has(`${env}/${name}`)) continue;
    seenClaims.add(`${env}/${name}`);
    const project = projects.get(name);
    if (project) {
      problems.push(problemAt(doc2, ["metadata", "name"], "reserved-project", `claim "${name}" would render AppProject "${name}", which is ${project.where}; choose another claim name`));
    }
    for (const unit of claimUnits(claim)) {
      const app = releaseName(name, unit.name);
      const owner = reserved.get(app);
      if (owner) {
        problems.push(problemAt(doc2, unit.path, "reserved-application", `Application "${app}" (claim "${name}" + "${unit.name}") is ${owner.where}; rename the claim or the unit`));
        continue;
      }
      const key2 = `${env}/${app}`;
      const other = applications.get(key2);
      if (!other) {
        applications.set(key2, { doc: doc2, path: unit.path, claim: name, unit: unit.name });
      } else if (other.claim !== name) {
        problems.push(
          problemAt(
            doc2,
            unit.path,
            "application-name-clash",
            `Application "${app}" (claim "${name}" + "${unit.name}") is also made by claim "${other.claim}" + "${other.unit}" at ${placeOf(other.doc, other.path)}; rename one of them`
          )
        );
      }
    }
  }
  return problems;
}
function byName(names) {
  const map = /* @__PURE__ */ new Map();
  for (const r of names) if (!map.has(r.name)) map.set(r.name, r);
  return map;
}

// src/claims/derived-names.ts
var exact = (name, what) => ({ name, what });
var prefix = (name, what) => ({ name, prefix: true, what });
function derivedNames(type, name) {
  switch (type) {
    case "postgresql":
      return [
        ...["rw", "ro", "r"].map((s) => exact(`${name}-${s}`, `Service ${name}-${s} (CloudNativePG)`)),
        ...["app", "superuser", "replication", "ca", "server"].map((s) => exact(`${name}-${s}`, `Secret ${name}-${s} (CloudNativePG)`)),
        exact(`${name}-primary`, `PodDisruptionBudget ${name}-primary (CloudNativePG)`)
      ];
    case "mongodb":
      return [
        exact(`${name}-svc`, `Service ${name}-svc (MongoDB operator)`),
        ...["config", "agent-password", "keyfile"].map((s) => exact(`${name}-${s}`, `Secret ${name}-${s} (MongoDB operator)`)),
        exact(`${name}-arb`, `StatefulSet ${name}-arb (MongoDB operator)`),
        prefix(`${name}-app`, `Secrets ${name}-app* (the MongoDB user's password and credentials)`),
        exact(`${name}-admin-app`, `Secret ${name}-admin-app (MongoDB connection strings)`),
        exact(`${name}-database`, `ServiceAccount, Role and RoleBinding ${name}-database (MongoDB pods)`)
      ];
    case "rabbitmq":
      return [
        exact(`${name}-nodes`, `Service ${name}-nodes (RabbitMQ operator)`),
        exact(`${name}-server`, `StatefulSet and ServiceAccount ${name}-server (RabbitMQ operator)`),
        exact(`${name}-peer-discovery`, `Role ${name}-peer-discovery (RabbitMQ operator)`),
        ...["default-user", "erlang-cookie"].map((s) => exact(`${name}-${s}`, `Secret ${name}-${s} (RabbitMQ operator)`)),
        ...["server-conf", "plugins-conf"].map((s) => exact(`${name}-${s}`, `ConfigMap ${name}-${s} (RabbitMQ operator)`))
      ];
    case "elasticsearch":
      return [prefix(`${name}-es-`, `Services and Secrets ${name}-es-* (ECK)`)];
    case "kafka":
      return [
        exact(`${name}-kafka`, `ServiceAccount ${name}-kafka (Strimzi)`),
        prefix(`${name}-kafka-`, `Services and Secrets ${name}-kafka-* (Strimzi)`),
        prefix(`${name}-entity-`, `${name}-entity-operator (Strimzi)`),
        prefix(`${name}-cluster-`, `CA Secrets ${name}-cluster-* (Strimzi)`),
        prefix(`${name}-clients-ca`, `CA Secrets ${name}-clients-ca* (Strimzi)`),
        prefix(`${name}-cruise-control`, `${name}-cruise-control (Strimzi)`),
        exact(`${name}-nodes`, `KafkaNodePool ${name}-nodes`),
        prefix(`${name}-${name}-nodes`, `StrimziPodSet and pods ${name}-${name}-nodes* (Strimzi)`)
      ];
    default:
      return [];
  }
}
function takes(derived, objectName) {
  return derived.prefix ? objectName.startsWith(derived.name) : objectName === derived.name;
}

// src/claims/derived-name-clashes.ts
function units({ claim, source: doc2 }) {
  const apps = claim.spec.applications.map((a, i) => {
    const own = typeof a.values?.name === "string" && a.values.name !== "" ? a.values.name : void 0;
    const unitPath = ["spec", "applications", i, "name"];
    return { doc: doc2, unitPath, path: own ? ["spec", "applications", i, "values", "name"] : unitPath, unit: a.name, type: "microservice", objectName: own ?? a.name };
  });
  const components = (claim.spec.components ?? []).map((c, i) => {
    const unitPath = ["spec", "components", i, "name"];
    return { doc: doc2, unitPath, path: unitPath, unit: c.name, type: c.type, objectName: c.name };
  });
  return [...apps, ...components];
}
function derivedNameProblems(claims, settings) {
  const byNamespace = /* @__PURE__ */ new Map();
  for (const loaded of claims) {
    const key2 = `${loaded.env}/${claimNamespace2(loaded.claim, settings)}`;
    let members = byNamespace.get(key2);
    if (!members) byNamespace.set(key2, members = []);
    members.push(...units(loaded));
  }
  const problems = [];
  for (const [key2, members] of byNamespace) {
    const namespace = key2.slice(key2.indexOf("/") + 1);
    const exact2 = /* @__PURE__ */ new Map();
    const prefixes = /* @__PURE__ */ new Map();
    for (const owner of members) {
      for (const derived of derivedNames(owner.type, owner.objectName)) {
        const index = derived.prefix ? prefixes : exact2;
        if (!index.has(derived.name)) index.set(derived.name, { owner, derived });
      }
    }
    const byObjectName = /* @__PURE__ */ new Map();
    for (const m of members) byObjectName.set(m.objectName, [...byObjectName.get(m.objectName) ?? [], m]);
    for (const taker of members) {
      const hit = ownedBy(taker, exact2, prefixes) ?? valuesNameClash(taker, byObjectName.get(taker.objectName) ?? []);
      if (!hit) continue;
      const { owner, derived } = hit;
      problems.push(
        problemAt(
          taker.doc,
          taker.path,
          "object-name-clash",
          `"${taker.objectName}" would deploy into namespace ${namespace}, where ${placeOf(owner.doc, owner.unitPath)} already deploys an object of that name (${derived.what} of ${owner.type} "${owner.unit}"); rename one of them`
        )
      );
    }
  }
  return problems;
}
function ownedBy(taker, exact2, prefixes) {
  const name = taker.objectName;
  const hit = exact2.get(name);
  if (hit && hit.owner !== taker && takes(hit.derived, name)) return hit;
  for (let end = 1; end <= name.length; end++) {
    const p = prefixes.get(name.slice(0, end));
    if (p && p.owner !== taker && takes(p.derived, name)) return p;
  }
  return void 0;
}
function valuesNameClash(taker, sameName) {
  if (taker.path === taker.unitPath) return void 0;
  const owner = sameName.find((o) => o !== taker);
  return owner && { owner, derived: { name: owner.objectName, what: "the objects" } };
}

// src/claims/job-rules.ts
var MAX_JOB_NAME = 63;
var MAX_CRONJOB_NAME = 52;
function jobProblems(claim, doc2) {
  const problems = [];
  const seen = /* @__PURE__ */ new Map();
  claim.spec.applications.forEach((app, i) => {
    for (const [list2, max] of [["jobs", MAX_JOB_NAME], ["cronJobs", MAX_CRONJOB_NAME]]) {
      (app[list2] ?? []).forEach((job, j) => {
        const path8 = ["spec", "applications", i, list2, j, "name"];
        const name = jobObjectName(app.name, job.name);
        if (name.length > max) {
          problems.push(problemAt(doc2, path8, "job-name-too-long", `"${name}" (app-job) is ${name.length} characters; a ${list2 === "jobs" ? "Job" : "CronJob"} name allows ${max}: shorten the job or the app name`));
        }
        const key2 = `${list2}/${name}`;
        const other = seen.get(key2);
        if (other) problems.push(problemAt(doc2, path8, "duplicate-job", `${list2 === "jobs" ? "Job" : "CronJob"} "${name}" is already made by ${placeOf(doc2, other)}`));
        else seen.set(key2, path8);
      });
    }
  });
  return problems;
}

// src/claims/secret-rules.ts
function secretProblems(claim, doc2, settings) {
  const problems = [];
  claim.spec.applications.forEach((app, i) => {
    const secrets = app.secrets ?? [];
    if (secrets.length === 0) return;
    const base = ["spec", "applications", i, "secrets"];
    if (!settings.externalSecrets) {
      problems.push(problemAt(doc2, base, "external-secrets-disabled", "secrets need a secret store, and the platform has not set one: spec.externalSecrets.store in deployments/settings.yaml", "key"));
      return;
    }
    const taken = new Map(wiredEnv(claim, app).map((e) => [e.name, "the app"]));
    (app.env ?? []).forEach((e, j) => taken.set(e.name, placeOf(doc2, ["spec", "applications", i, "env", j, "name"])));
    const names = /* @__PURE__ */ new Map();
    secrets.forEach((secret, s) => {
      const other = names.get(secret.name);
      if (other) problems.push(problemAt(doc2, [...base, s, "name"], "duplicate-secret", `secret "${secret.name}" is already declared at ${placeOf(doc2, other)}`));
      else names.set(secret.name, [...base, s, "name"]);
      secret.env.forEach((e, k) => {
        const at = [...base, s, "env", k];
        const clash = taken.get(e.name);
        if (clash) problems.push(problemAt(doc2, [...at, "name"], "duplicate-env", `env ${e.name} is already set by ${clash}; a secret gives it once, under its own name`));
        else taken.set(e.name, placeOf(doc2, [...at, "name"]));
        if (e.key.split("/").some((part) => part === ".." || part === ".")) {
          problems.push(problemAt(doc2, [...at, "key"], "secret-key-path", `remote key "${e.key}" may not have a "." or ".." segment: keys are read below the platform's prefix`));
        }
      });
    });
  });
  return problems;
}

// src/claims/semantic.ts
function semanticProblems(claims, settings) {
  const problems = [];
  const at = problemAt;
  const place2 = placeOf;
  const claimNames = /* @__PURE__ */ new Map();
  const objectNames = /* @__PURE__ */ new Map();
  for (const { claim, env, source: doc2 } of claims) {
    const spec = claim.spec;
    const name = claim.metadata.name;
    if (spec.environment !== env) {
      problems.push(at(doc2, ["spec", "environment"], "environment-mismatch", `spec.environment is "${spec.environment}" but the file sits in deployments/${env}/`));
    }
    const key2 = `${env}/${name}`;
    const previous = claimNames.get(key2);
    if (previous) {
      problems.push(at(doc2, ["metadata", "name"], "duplicate-claim", `claim "${name}" is already defined in environment ${env} at ${place2(previous.doc, ["metadata", "name"])}`));
      continue;
    }
    claimNames.set(key2, { doc: doc2 });
    const namespace = claimNamespace2(claim, settings);
    if (!isDnsLabel(namespace)) {
      problems.push(at(doc2, ["spec", "owner", "team"], "namespace", `the default namespace "${namespace}" is not a DNS label; set spec.namespace`));
    }
    const units2 = /* @__PURE__ */ new Map();
    const components = spec.components ?? [];
    for (const unit of claimUnits(claim)) {
      const seen = units2.get(unit.name);
      if (seen) {
        problems.push(at(doc2, unit.path, "duplicate-name", `"${unit.name}" is already used in this claim at ${place2(doc2, seen)}`));
        continue;
      }
      units2.set(unit.name, unit.path);
      const release = releaseName(name, unit.name);
      if (release.length > MAX_RELEASE_NAME) {
        problems.push(at(doc2, unit.path, "release-name-too-long", `"${release}" (claim-name) is ${release.length} characters; Argo CD application and Helm release names allow ${MAX_RELEASE_NAME}`));
      }
      const objectKey = `${env}/${namespace}/${unit.name}`;
      const clash = objectNames.get(objectKey);
      if (clash && clash.doc !== doc2) {
        problems.push(at(doc2, unit.path, "object-name-clash", `"${unit.name}" would deploy into namespace ${namespace}, where ${place2(clash.doc, clash.path)} already deploys an object of that name`));
      } else {
        objectNames.set(objectKey, { doc: doc2, path: unit.path });
      }
    }
    const profile = resolveProfile(env, settings.profiles);
    spec.applications.forEach((app, i) => {
      const base = ["spec", "applications", i];
      if (app.image !== void 0) {
        const image = parseImage(app.image);
        if (image.tag !== void 0 && image.tag !== app.version) {
          const imagePath = typeof app.image === "string" ? [...base, "image"] : [...base, "image", "tag"];
          problems.push(
            at(doc2, imagePath, "image-tag-conflict", `image tag "${image.tag}" differs from version "${app.version}" at ${place2(doc2, [...base, "version"])}; drop one or make them equal`)
          );
        }
      } else if (!imageRepository(app, settings)) {
        problems.push(at(doc2, [...base, "name"], "image-owner-unknown", "no image given and no image owner known: set image, or image.owner in deployments/settings.yaml, or --image-owner"));
      }
      const ports = app.ports ?? [];
      const seenPorts = /* @__PURE__ */ new Map();
      ports.forEach((p, j) => {
        for (const k of [`${p.port}/${p.protocol ?? "TCP"}`, p.name ? `name:${p.name}` : ""]) {
          if (!k) continue;
          if (seenPorts.has(k)) problems.push(at(doc2, [...base, "ports", j], "duplicate-port", `port ${k.replace("name:", "named ")} is declared twice (also ports[${seenPorts.get(k)}])`));
          else seenPorts.set(k, j);
        }
      });
      const hc = app.healthCheck;
      if (hc) {
        if (hc.port !== void 0 && ports.length > 0 && !ports.some((p) => p.port === hc.port)) {
          problems.push(at(doc2, [...base, "healthCheck", "port"], "healthcheck-port", `healthCheck port ${hc.port} is not among the declared ports (${ports.map((p) => p.port).join(", ")})`));
        }
        if (hc.port === void 0 && ports.length === 0) {
          problems.push(at(doc2, [...base, "healthCheck"], "healthcheck-port", "healthCheck needs a port: set healthCheck.port or declare ports"));
        }
      }
      const envNames = /* @__PURE__ */ new Map();
      (app.env ?? []).forEach((e, j) => {
        if (envNames.has(e.name)) problems.push(at(doc2, [...base, "env", j, "name"], "duplicate-env", `env ${e.name} is set twice (also env[${envNames.get(e.name)}])`));
        else envNames.set(e.name, j);
        if (e.value !== void 0 && e.valueFrom !== void 0) problems.push(at(doc2, [...base, "env", j], "env-value-and-valuefrom", `env ${e.name} sets both value and valueFrom; choose one`));
      });
      (app.uses ?? []).forEach((used, j) => {
        const target = components.find((c) => c.name === used) ?? spec.applications.find((a) => a.name === used);
        if (!target) {
          const known = components.map((c) => c.name).join(", ") || "none";
          const apps = spec.applications.filter((a) => a !== app).map((a) => a.name).join(", ") || "none";
          problems.push(at(doc2, [...base, "uses", j], "uses-unknown", `uses "${used}", but this claim has no component or application of that name (components: ${known}; applications: ${apps})`));
        } else if (target === app) {
          problems.push(at(doc2, [...base, "uses", j], "uses-self", `uses "${used}", which is this application itself`));
        } else if (!("type" in target) && !target.ports?.length) {
          problems.push(at(doc2, [...base, "uses", j], "uses-no-port", `uses application "${used}", which declares no ports, so it has no address to wire in`));
        } else if (target.enabled === false) {
          problems.push(at(doc2, [...base, "uses", j], "uses-disabled", `uses "${used}", which is disabled`));
        }
      });
      for (const clash of wiringClashes(claim, app)) {
        problems.push(
          at(doc2, [...base, "uses", clash.index], "uses-env-clash", `uses "${app.uses[clash.index]}" gives ${clash.name}, which "${clash.winner}" already gives with another value: rename one of them, or set ${clash.name} in env to say which`)
        );
      }
      for (const issue of [...replicaIssues(app, profile, env), ...probeIssues(app), ...envIssues(claim, app), ...ingressIssues(app), ...metricsIssues(app), ...volumeIssues(app)]) {
        problems.push(problemAt(doc2, [...base, ...issue.path], issue.code, issue.message, issue.part ?? "value"));
      }
      const as = app.autoscaling;
      if (as?.minReplicas !== void 0 && as.maxReplicas !== void 0 && as.minReplicas > as.maxReplicas) {
        problems.push(at(doc2, [...base, "autoscaling", "minReplicas"], "autoscaling-bounds", `minReplicas ${as.minReplicas} is above maxReplicas ${as.maxReplicas}`));
      }
      problems.push(...resourceProblems(app.resources, [...base, "resources"], doc2, at));
    });
    problems.push(...jobProblems(claim, doc2), ...secretProblems(claim, doc2, settings));
    components.forEach((c, i) => problems.push(...resourceProblems(c.resources, ["spec", "components", i, "resources"], doc2, at)));
    components.forEach((c, i) => {
      for (const issue of resolveComponent(c, profile).issues) problems.push(at(doc2, ["spec", "components", i, ...issue.path], issue.code, issue.message));
    });
  }
  problems.push(...argocdNameProblems(claims, settings));
  problems.push(...derivedNameProblems(claims, settings));
  problems.push(...policyProblems(claims, settings));
  problems.push(...tenancyProblems(claims, settings));
  return problems;
}
function resourceProblems(r, path8, doc2, at) {
  if (!r?.limits) return [];
  const out = [];
  for (const k of ["cpu", "memory"]) {
    const req = r.requests?.[k] ?? r[k];
    const lim = r.limits[k];
    if (req === void 0 || lim === void 0) continue;
    const a = parseQuantity(req);
    const b = parseQuantity(lim);
    if (a !== void 0 && b !== void 0 && a > b) out.push(at(doc2, [...path8, "limits", k], "request-over-limit", `${k} limit ${lim} is below the request ${req}`));
  }
  return out;
}

// src/io/rendered-scan.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { lstat as lstat2, readdir as readdir2 } from "node:fs/promises";
import path2 from "node:path";
var RENDERED_DIR = "rendered";
var TEMP_SUFFIX = ".infraforge.tmp";
async function scanRendered(root, envs) {
  const scan = { files: [], staleTemps: [], dirs: /* @__PURE__ */ new Set() };
  const base = path2.join(root, RENDERED_DIR);
  const st = await lstatOrNull(base);
  if (!st) return scan;
  if (st.isSymbolicLink() || !st.isDirectory()) throw symlinkError(RENDERED_DIR);
  scan.dirs.add(RENDERED_DIR);
  const inScope = envs === "all" ? void 0 : new Set(envs);
  const entries = (await readdir2(base, { withFileTypes: true })).sort((a, b) => cmp(a.name, b.name));
  const outside = [];
  for (const entry of entries) {
    const rel = `${RENDERED_DIR}/${entry.name}`;
    if (entry.isSymbolicLink()) throw symlinkError(rel);
    const isEnv = entry.isDirectory() && DNS_LABEL.test(entry.name);
    if (isEnv && inScope && !inScope.has(entry.name)) continue;
    if (isEnv) await walk2(root, rel, scan, true);
    else if (entry.isDirectory()) await walk2(root, rel, scan, false);
    else if (entry.isFile()) outside.push(rel);
    else throw symlinkError(rel);
  }
  for (const rel of outside) scan.files.push({ path: rel, generated: false, content: readFileSync2(path2.join(root, rel)) });
  scan.files.sort((a, b) => cmp(a.path, b.path));
  scan.staleTemps.sort(cmp);
  return scan;
}
async function walk2(root, rel, scan, inEnv) {
  scan.dirs.add(rel);
  const entries = await readdir2(path2.join(root, rel), { withFileTypes: true });
  entries.sort((a, b) => cmp(a.name, b.name));
  const files = [];
  const dirs = [];
  for (const entry of entries) {
    const child = `${rel}/${entry.name}`;
    if (entry.isSymbolicLink()) throw symlinkError(child);
    if (entry.isDirectory()) dirs.push(child);
    else if (entry.isFile() && entry.name.endsWith(TEMP_SUFFIX)) scan.staleTemps.push(child);
    else if (entry.isFile()) files.push(child);
    else throw symlinkError(child);
  }
  const contents = files.map((child) => readFileSync2(path2.join(root, child)));
  files.forEach((child, i) => scan.files.push({ path: child, generated: inEnv && child.endsWith(".yaml") && startsWithMarker(contents[i]), content: contents[i] }));
  await mapLimit(dirs, 8, (child) => walk2(root, child, scan, inEnv));
}
var MARKER_BYTES = Buffer.from(GENERATED_MARKER);
function startsWithMarker(content) {
  return content.length >= MARKER_BYTES.length && content.subarray(0, MARKER_BYTES.length).equals(MARKER_BYTES);
}
function symlinkError(rel) {
  return new InputError([{ file: rel, code: "symlink", message: `${rel} is a symlink or not a regular entry; refusing to write through it` }]);
}
async function lstatOrNull(p) {
  try {
    return await lstat2(p);
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}
async function renderedOnDisk(root, envs) {
  const scan = await scanRendered(root, envs);
  return new Map(scan.files.filter((f) => f.generated).map((f) => [f.path, f.content.toString("utf8")]));
}

// src/pipeline.ts
import { readFileSync as readFileSync6 } from "node:fs";

// src/io/render-index/index.ts
import { readFileSync as readFileSync4 } from "node:fs";
import path4 from "node:path";

// src/io/render-index/model.ts
import { createHash } from "node:crypto";
var INDEX_PATH = "rendered/.infraforge/index.json";
var INDEX_FORMAT = 1;
function sha256(data) {
  return createHash("sha256").update(data).digest("hex");
}
function blobId(content) {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
function claimInputsHash(inputs) {
  return sha256(JSON.stringify([inputs.file, inputs.text, inputs.base?.file ?? null, inputs.base?.text ?? null]));
}
function buildIndex(shared, claimHashes, files, kept2 = /* @__PURE__ */ new Map()) {
  const claims = /* @__PURE__ */ new Map();
  const platform = /* @__PURE__ */ new Map();
  const add = (claimFile, p, blob) => {
    if (claimFile === void 0) platform.set(p, blob);
    else {
      let entry = claims.get(claimFile);
      if (!entry) claims.set(claimFile, entry = /* @__PURE__ */ new Map());
      entry.set(p, blob);
    }
  };
  for (const f of files) add(f.claimFile, f.path, blobId(f.content));
  for (const [p, k] of kept2) add(k.claimFile, p, k.blob);
  const sortedClaims = {};
  for (const file of [.../* @__PURE__ */ new Set([...claimHashes.keys()])].sort(cmp)) {
    sortedClaims[file] = { inputs: claimHashes.get(file), files: sortedRecord(claims.get(file) ?? /* @__PURE__ */ new Map()) };
  }
  return { format: INDEX_FORMAT, ...shared, claims: sortedClaims, platform: sortedRecord(platform) };
}
function serializeIndex(index) {
  const body = canonicalBody(index);
  return `{"checksum":${JSON.stringify(sha256(body))},${body.slice(1)}`;
}
function canonicalBody(index) {
  const lines = Object.keys(index.claims).sort(cmp).map((file) => {
    const entry = index.claims[file];
    return `${JSON.stringify(file)}:{"files":${JSON.stringify(sortedRecord(new Map(Object.entries(entry.files))))},"inputs":${JSON.stringify(entry.inputs)}}`;
  });
  const platform = JSON.stringify(sortedRecord(new Map(Object.entries(index.platform))));
  return `{"chart":${JSON.stringify(index.chart)},"claims":{
${lines.join(",\n")}
},"format":${index.format},"platform":${platform},"renderer":${JSON.stringify(index.renderer)},"settings":${JSON.stringify(index.settings)}}
`;
}
function parseIndex(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return void 0;
  }
  if (!isIndex(data)) return void 0;
  const { checksum: _checksum, ...index } = data;
  return serializeIndex(index) === text ? index : void 0;
}
var HEX = (n) => new RegExp(`^[0-9a-f]{${n}}$`);
var SHA256 = HEX(64);
var BLOB = HEX(40);
function isIndex(data) {
  if (!isRecord(data) || data.format !== INDEX_FORMAT) return false;
  if (![data.checksum, data.renderer, data.settings, data.chart].every((h) => typeof h === "string" && SHA256.test(h))) return false;
  if (!isRecord(data.platform) || !Object.values(data.platform).every((b) => typeof b === "string" && BLOB.test(b))) return false;
  if (!isRecord(data.claims)) return false;
  return Object.values(data.claims).every(
    (e) => isRecord(e) && typeof e.inputs === "string" && SHA256.test(e.inputs) && isRecord(e.files) && Object.values(e.files).every((b) => typeof b === "string" && BLOB.test(b))
  );
}
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function sortedRecord(map) {
  const out = {};
  for (const key2 of [...map.keys()].sort(cmp)) out[key2] = map.get(key2);
  return out;
}
function indexedFiles(index) {
  const out = /* @__PURE__ */ new Map();
  for (const entry of Object.values(index.claims)) for (const [p, b] of Object.entries(entry.files)) out.set(p, b);
  for (const [p, b] of Object.entries(index.platform)) out.set(p, b);
  return out;
}
function selectClaims(previous, shared, claimHashes) {
  if (!previous || previous.renderer !== shared.renderer || previous.settings !== shared.settings || previous.chart !== shared.chart) return void 0;
  const render = /* @__PURE__ */ new Set();
  const kept2 = /* @__PURE__ */ new Map();
  for (const [file, hash] of claimHashes) {
    const entry = Object.hasOwn(previous.claims, file) ? previous.claims[file] : void 0;
    if (entry?.inputs !== hash) {
      render.add(file);
      continue;
    }
    for (const [p, blob] of Object.entries(entry.files)) kept2.set(p, { claimFile: file, blob });
  }
  return { render, kept: kept2 };
}

// src/io/render-index/proof.ts
import { execFile } from "node:child_process";
function git(root, args) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== void 0 && !k.startsWith("GIT_")) env[k] = v;
  const argv = ["-c", "core.fsmonitor=false", "-c", "core.untrackedCache=false", "-c", "core.quotePath=false", ...args];
  return new Promise((resolve) => {
    execFile("git", argv, { cwd: root, env, encoding: "utf8", maxBuffer: 1 << 30 }, (error, stdout) => resolve(error ? void 0 : stdout));
  });
}
async function renderedMatchesIndex(root, index) {
  const pathspec = ["--", `${RENDERED_DIR}/`];
  const [prefix2, modified, others, listing] = await Promise.all([
    // Paths below are relative to the top of the work tree: the root must be it.
    git(root, ["rev-parse", "--show-prefix"]),
    // Refreshes stat data first, as `git status` does, so a file rewritten with the same bytes is not "modified".
    git(root, ["update-index", "-q", "--refresh"]).then(() => git(root, ["diff-files", "--name-only", "-z", ...pathspec])),
    git(root, ["ls-files", "--others", "-z", ...pathspec]),
    git(root, ["ls-files", "-s", "-v", "-z", ...pathspec])
  ]);
  if (prefix2?.trim() !== "" || modified !== "" || others !== "" || listing === void 0) return false;
  const expected = indexedFiles(index);
  let seenIndex = false;
  let seen = 0;
  for (const line of listing.split("\0")) {
    if (line === "") continue;
    const m = /^H 100644 ([0-9a-f]{40}) 0\t(.+)$/s.exec(line);
    if (!m) return false;
    const [, blob, file] = m;
    if (file === INDEX_PATH) {
      seenIndex = true;
      continue;
    }
    if (expected.get(file) !== blob) return false;
    seen++;
  }
  return seenIndex && seen === expected.size;
}

// src/io/render-index/inputs.ts
import { readdirSync, readFileSync as readFileSync3 } from "node:fs";
import path3 from "node:path";
function sharedInputs(root, settings) {
  const { allowDeletions: _allow, maxDeletedApps: _max, ...output } = settings;
  return { renderer: rendererHash(), settings: sha256(JSON.stringify(output, mapsAsEntries)), chart: treeHash(path3.join(root, CHART_DIR)) };
}
function mapsAsEntries(_key, value) {
  return value instanceof Map ? [...value.entries()].sort(([a], [b]) => cmp(String(a), String(b))) : value;
}
var renderer;
function rendererHash() {
  if (renderer) return renderer;
  renderer = treeHash(buildDir());
  return renderer;
}
function treeHash(dir) {
  const parts = [];
  const walk3 = (rel) => {
    let entries;
    try {
      entries = readdirSync(path3.join(dir, rel), { withFileTypes: true });
    } catch {
      parts.push(`missing ${rel}`);
      return;
    }
    for (const entry of entries.sort((a, b) => cmp(a.name, b.name))) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk3(child);
      else parts.push(`${child} ${sha256(readFileSync3(path3.join(dir, child)))}`);
    }
  };
  walk3("");
  return sha256(parts.join("\n"));
}

// src/io/render-index/index.ts
async function provenIndex(root) {
  let text;
  try {
    text = readFileSync4(path4.join(root, INDEX_PATH), "utf8");
  } catch {
    return void 0;
  }
  const index = parseIndex(text);
  return index && await renderedMatchesIndex(root, index) ? index : void 0;
}

// src/io/tree.ts
import { randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync as readFileSync5, renameSync, rmSync, writeFileSync } from "node:fs";
import { readdir as readdir3, rmdir, unlink } from "node:fs/promises";
import path5 from "node:path";

// src/ownership/rules.ts
var APPLIED_BY_ARGO_CD = /^rendered\/[^/]+\/[^/]+\/(applicationset|appproject)\.yaml$/;
function unmanagedFiles(existing, planned) {
  return existing.filter((f) => !f.generated && !planned.has(f.path)).map((f) => f.path).sort(cmp);
}
function handChanges(base, head, render) {
  const findings = [];
  for (const p of [.../* @__PURE__ */ new Set([...base.keys(), ...head.keys()])].sort(cmp)) {
    const before = base.get(p);
    const now = head.get(p);
    if (sameBytes(before, now)) continue;
    const wanted = render.get(p);
    if (now !== void 0 && wanted !== void 0 && now.equals(Buffer.from(wanted))) continue;
    if (now === void 0 && wanted === void 0) continue;
    if (now === void 0) findings.push({ path: p, change: "deleted" });
    else if (wanted === void 0) findings.push({ path: p, change: "added" });
    else findings.push({ path: p, change: "edited", line: firstDifferentLine(now.toString("utf8"), wanted) });
  }
  return findings;
}
function unmanagedProblems(unmanaged, allow) {
  const problems = [];
  const allowed2 = [];
  for (const file of unmanaged) {
    if (APPLIED_BY_ARGO_CD.test(file)) {
      problems.push({
        file,
        code: "unmanaged-applied",
        message: `Argo CD's root Application applies this file, but no claim produces it and infraforge-render did not write it; remove it (--allow-unmanaged never covers a file Argo CD applies)`
      });
    } else if (!allow) {
      problems.push({
        file,
        code: "unmanaged-file",
        message: "no claim produces this file and infraforge-render did not write it; rendered/ belongs to the renderer: move the file out of rendered/ (or pass --allow-unmanaged, action input allow-unmanaged: true, to leave it be)"
      });
    } else {
      allowed2.push(file);
    }
  }
  return { problems, allowed: allowed2 };
}
var HAND_CHANGE_MESSAGES = {
  edited: "this change edits a file the renderer writes, and it no longer matches the render of the claims; change the claim and run infraforge render, or drop the edit",
  added: "this change adds a file that no claim produces; rendered/ holds only the render of deployments/: remove it",
  deleted: "this change deletes a file the claims still produce, and the next render writes it again; restore it, or change the claim"
};
function handChangeProblems(findings) {
  return findings.map((f) => ({
    file: f.path,
    ...f.line !== void 0 ? { line: f.line, col: 1 } : {},
    code: `rendered-${f.change}`,
    message: HAND_CHANGE_MESSAGES[f.change]
  }));
}
function sameBytes(a, b) {
  return a === void 0 || b === void 0 ? a === b : a.equals(b);
}
function firstDifferentLine(a, b) {
  const x = a.split("\n");
  const y = b.split("\n");
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i + 1;
}

// src/io/deletion-guard.ts
function massDeletion(before, after, maxDeletedApps) {
  const envOf = (p) => p.split("/")[1] ?? "";
  const kept2 = new Set(after);
  const afterEnvs = new Set(after.map(envOf));
  const emptiedEnvs = [...new Set(before.map(envOf))].filter((env) => !afterEnvs.has(env)).sort(cmp);
  const deletedApps = before.filter((p) => p.endsWith("/values.yaml") && !kept2.has(p)).length;
  if (emptiedEnvs.length === 0 && deletedApps <= maxDeletedApps) return void 0;
  return { emptiedEnvs, deletedApps, maxDeletedApps };
}

// src/io/tree.ts
async function applyPlan(files, options) {
  const { root } = options;
  const existing = options.known ? knownTree(root, options.known) : await scanRendered(root, options.envs);
  const byPath = new Map(existing.files.map((f) => [f.path, f]));
  const planned = /* @__PURE__ */ new Set([...files.map((f) => f.path), INDEX_PATH, ...options.known?.kept.keys() ?? []]);
  const written = [];
  let unchanged = options.known?.kept.size ?? 0;
  const problems = [];
  for (const file of files) {
    const current = byPath.get(file.path);
    if (current && !current.generated) {
      problems.push({ file: file.path, code: "not-generated", message: `${file.path} exists but was not generated by infraforge-render; refusing to overwrite it` });
      continue;
    }
    if (current && sameBytes2(current.content, file.content)) unchanged++;
    else written.push(file);
  }
  const deleted = existing.files.filter((f) => f.generated && !planned.has(f.path)).map((f) => f.path);
  const unmanaged = unmanagedProblems(unmanagedFiles(existing.files, planned), options.allowUnmanaged === true);
  problems.push(...unmanaged.problems);
  if (problems.length) throw new InputError(sortProblems(problems));
  if (!options.allowDeletions) {
    const before = options.known?.before ?? existing.files.filter((f) => f.generated).map((f) => f.path);
    guardDeletions(before, [...files.map((f) => f.path), ...options.known?.kept.keys() ?? []], options.maxDeletedApps);
  }
  const index = options.index === void 0 ? void 0 : { path: INDEX_PATH, content: options.index, env: "", claim: "" };
  const indexWritten = index !== void 0 && !sameBytes2(byPath.get(INDEX_PATH)?.content ?? readIfThere(root, INDEX_PATH), index.content);
  const result = { written: written.map((f) => f.path), deleted, unchanged, unmanaged: unmanaged.allowed, indexWritten };
  if (options.check) return result;
  await stageAndCommit(root, indexWritten ? [...written, index] : written, existing.dirs);
  await mapLimit(deleted, IO_CONCURRENCY, (rel) => unlink(path5.join(root, rel)));
  await removeEmptyDirs(root, deleted);
  for (const stale of existing.staleTemps) await unlink(path5.join(root, stale)).catch(() => void 0);
  return result;
}
function knownTree(root, known) {
  const files = known.before.filter((p) => !known.kept.has(p)).map((p) => ({ path: p, generated: true, content: readFileSync5(path5.join(root, p)) }));
  return { files, staleTemps: [], dirs: /* @__PURE__ */ new Set() };
}
function readIfThere(root, rel) {
  try {
    return readFileSync5(path5.join(root, rel));
  } catch {
    return void 0;
  }
}
function sameBytes2(current, wanted) {
  return current !== void 0 && current.length === Buffer.byteLength(wanted) && current.toString("utf8") === wanted;
}
function guardDeletions(before, after, maxDeletedApps) {
  const mass = massDeletion(before, after, maxDeletedApps);
  if (!mass) return;
  const problems = mass.emptiedEnvs.map((env) => ({
    file: `deployments/${env}`,
    code: "mass-deletion",
    message: `this run would delete every rendered file of environment "${env}"; if that is intended, run again with --allow-deletions (action input allow-deletions: true)`
  }));
  if (mass.deletedApps > maxDeletedApps) {
    problems.push({
      code: "mass-deletion",
      message: `this run would delete ${mass.deletedApps} apps, over the limit of ${maxDeletedApps}; if that is intended, run again with --allow-deletions (or raise deletion.maxDeletedApps in deployments/settings.yaml)`
    });
  }
  throw new InputError(problems);
}
async function stageAndCommit(root, files, realDirs) {
  const staged = [];
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    ensureRealDirs(root, files.map((f) => path5.posix.dirname(f.path)), realDirs);
    files.forEach((file, i) => {
      const target = path5.join(root, file.path);
      const temp = `${path5.dirname(target)}/.${path5.basename(target)}.${tag}-${i}${TEMP_SUFFIX}`;
      staged.push({ temp, target });
      writeFileSync(temp, file.content, { flag: "wx", mode: 420 });
    });
  } catch (error) {
    for (const s of staged) rmSync(s.temp, { force: true });
    if (error instanceof InputError) throw error;
    throw new InfraError(`could not write rendered files (nothing was changed): ${error.message}`, { cause: error });
  }
  for (const s of staged) renameSync(s.temp, s.target);
}
function ensureRealDirs(root, dirs, realDirs) {
  const needed = /* @__PURE__ */ new Set();
  for (const dir of dirs) {
    for (let d = dir; d !== "." && d !== ""; d = path5.posix.dirname(d)) {
      if (needed.has(d)) break;
      needed.add(d);
    }
  }
  const byDepth = [...needed].sort((a, b) => a.split("/").length - b.split("/").length || cmp(a, b));
  for (const rel of byDepth) {
    if (realDirs.has(rel)) continue;
    const abs = path5.join(root, rel);
    try {
      mkdirSync(abs);
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      const st = lstatSync(abs);
      if (st.isSymbolicLink() || !st.isDirectory()) throw symlinkError(rel);
    }
  }
}
async function removeEmptyDirs(root, deleted) {
  const dirs = /* @__PURE__ */ new Set();
  for (const rel of deleted) {
    let dir = path5.posix.dirname(rel);
    while (dir.startsWith(`${RENDERED_DIR}/`)) {
      dirs.add(dir);
      dir = path5.posix.dirname(dir);
    }
  }
  for (const dir of [...dirs].sort((a, b) => b.length - a.length || cmp(a, b))) {
    try {
      if ((await readdir3(path5.join(root, dir))).length === 0) await rmdir(path5.join(root, dir));
    } catch {
    }
  }
}

// src/oci/render-checks.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";
import path6 from "node:path";

// src/render/images.ts
function deployedImages(claims, settings) {
  const out = [];
  for (const { claim, source } of claims) {
    claim.spec.applications.forEach((app, i) => {
      if (app.enabled === false) return;
      const repository = imageRepository(app, settings);
      if (!repository) return;
      const image = app.image === void 0 ? void 0 : parseImage(app.image);
      const tag = image?.tag ?? app.version;
      const reference = image?.digest ?? tag;
      if (!reference) return;
      const key2 = app.image !== void 0 ? "image" : "version";
      out.push({ repository, reference, tag, pinnable: !image?.digest && tag !== void 0, userFromImage: runAs(app, settings).runAsUser === void 0, valuesPath: valuesPath(claim.spec.environment, claim.metadata.name, app.name), file: source.file, at: source.locate(["spec", "applications", i, key2], "value"), field: `spec.applications[${i}].${key2}` });
    });
    (claim.spec.components ?? []).forEach((component, i) => {
      if (component.enabled === false) return;
      const repository = component.type === "postgresql" ? POSTGRES_IMAGE : component.type === "redis" ? REDIS_IMAGE : void 0;
      if (!repository) return;
      const tag = component.version ?? (component.type === "postgresql" ? DEFAULT_POSTGRES_VERSION : DEFAULT_REDIS_VERSION);
      const key2 = component.version !== void 0 ? "version" : "type";
      out.push({ repository, reference: tag, tag, pinnable: false, userFromImage: false, valuesPath: valuesPath(claim.spec.environment, claim.metadata.name, component.name), file: source.file, at: source.locate(["spec", "components", i, key2], "value"), field: `spec.components[${i}].${key2}` });
    });
  }
  return out;
}

// src/oci/render-checks.ts
async function registryChecks(claims, settings, options) {
  const chartHost = /^oci:\/\/([^/]+)/.exec(settings.chart.repository)?.[1] ?? "";
  const credentialsFor = credentialsForHosts([settings.image.registry, chartHost], options.env);
  if (options.verifyChart) await requirePublishedChart(settings, options, credentialsFor);
  const pin = settings.image.pinDigests === true;
  if (!options.verifyImages && !pin) return { problems: [] };
  const images = deployedImages(claims, settings);
  if (pin && options.digestSource === "rendered") return { problems: [], digests: await recordedDigests(options.root, images) };
  const asked = options.verifyImages ? images : images.filter((i) => i.pinnable);
  const registry = new ImageRegistry({ credentialsFor, ...options.log ? { log: options.log } : {} });
  const answers = await registry.lookupAll(asked);
  options.log?.(`asked ${new Set(asked.map((i) => imageLocation(i.repository).host)).size} registr(ies) about ${answers.size} distinct image(s)`);
  const problems = [];
  const digests = /* @__PURE__ */ new Map();
  for (const image of asked) {
    const answer = answers.get(`${image.repository}:${image.reference}`);
    if (answer.found) {
      if (pin && image.pinnable) digests.set(`${image.repository}:${image.tag}`, answer.digest);
      continue;
    }
    const { host, repository } = imageLocation(image.repository);
    const what = answer.missing === "repository" ? `has no repository ${repository}` : `has no ${image.reference.startsWith("sha256:") ? "manifest" : "tag"} ${image.reference} in ${repository}`;
    problems.push({ file: image.file, ...image.at, code: "image-missing", message: `image ${image.repository}:${image.reference} does not exist: registry ${host} ${what}`, field: image.field });
  }
  if (options.verifyImages) problems.push(...await userProblems(asked.filter((i) => i.userFromImage && answers.get(`${i.repository}:${i.reference}`)?.found), registry));
  return pin ? { problems, digests } : { problems };
}
async function userProblems(images, registry) {
  const users = await mapLimit(images, IMAGE_CONCURRENCY, (i) => registry.user(i.repository, i.reference));
  const problems = [];
  images.forEach((image, n) => {
    const user = users[n];
    const why = user === void 0 ? void 0 : nonRootRefusal(user);
    if (!why) return;
    problems.push({
      file: image.file,
      ...image.at,
      code: "image-user-root",
      message: `image ${image.repository}:${image.reference} would not start: ${why}; set securityContext.runAsUser on this application (or spec.security.runAsUser in settings) to a numeric UID`,
      field: image.field
    });
  });
  return problems;
}
async function requirePublishedChart(settings, options, credentialsFor) {
  const { name, version, repository } = settings.chart;
  const host = /^oci:\/\/([^/]+)/.exec(repository)?.[1] ?? "";
  const target = ociTarget(repository, name, version, isLoopbackHost(host));
  if (await chartPublished(target, credentialsFor(target.host), options.log ?? (() => {
  }))) {
    options.log?.(`chart ${target.display} is published`);
    return;
  }
  const file = `${CHART_DIR}/Chart.yaml`;
  const at = chartFieldPosition(file, await readFile(path6.join(options.root, file), "utf8").catch(() => ""), "version");
  throw new InfraError(`${file}:${at.line}:${at.col}: chart ${target.display} is not published yet; ApplicationSets must not pin a version the registry lacks: publish it first (publish-chart / infraforge chart publish)`);
}
async function recordedDigests(root, images) {
  const digests = /* @__PURE__ */ new Map();
  for (const image of images.filter((i) => i.pinnable)) {
    const text = await readFile(path6.join(root, image.valuesPath), "utf8").catch(() => void 0);
    if (!text) continue;
    try {
      const values = (0, import_yaml.parse)(text, { maxAliasCount: 0 });
      const v = values?.image;
      if (v && v.repository === image.repository && v.tag === image.tag && typeof v.digest === "string") digests.set(`${image.repository}:${image.tag}`, v.digest);
    } catch {
    }
  }
  return digests;
}

// src/diff/lifecycle.ts
var APP_TYPE = "microservice";
var KEPT_DATA = {
  postgresql: { what: "CloudNativePG `Cluster`", plural: false, why: "`Delete=false`" },
  rabbitmq: { what: "`RabbitmqCluster`", plural: false, why: "`Delete=false`" },
  mongodb: { what: "`MongoDBCommunity`", plural: false, why: "`Delete=false`" },
  elasticsearch: { what: "`Elasticsearch`", plural: false, why: "`Delete=false`" },
  kafka: { what: "Strimzi `Kafka`, `KafkaNodePool` and `KafkaTopic`s", plural: true, why: "`Delete=false`" },
  redis: { what: "PersistentVolumeClaims", plural: true, why: "a StatefulSet's default retention" }
};
var UNKNOWN_DATA = { what: "data resources", plural: true, why: "`Delete=false`" };
function keptData(type) {
  return type && KEPT_DATA[type] || UNKNOWN_DATA;
}
var isComponent = (u) => u.type !== void 0 && u.type !== APP_TYPE;
var code = (s) => `\`${s}\``;
var list = (items) => items.map(code).join(", ");
function claimsWhere(changes, kind) {
  const claims = changes.filter((c) => c.kind === kind && c.unit === void 0 && c.path.endsWith("/applicationset.yaml"));
  return claims.map(({ env, claim }) => ({
    env,
    claim,
    units: changes.filter((c) => c.kind === kind && c.env === env && c.claim === claim && c.unit).map((c) => ({ name: c.unit, type: c.unitType }))
  }));
}
function componentsKept(units2) {
  const kept2 = units2.filter(isComponent).map((u) => {
    const k = keptData(u.type);
    return `${code(u.name)}'s ${k.what} (${k.why})`;
  });
  return kept2.length ? ` **Kept**, with their data: ${kept2.join(", ")} \u2014 delete them by hand when the data can go.` : "";
}
function unitRemoved(c) {
  const app = code(releaseName(c.claim, c.unit));
  const where = code(`${c.env}/${c.claim}/${c.unit}`);
  if (!isComponent({ name: c.unit, type: c.unitType })) {
    return `${where} removed or disabled: Argo CD will delete the Application ${app} and the Kubernetes objects it deployed (Deployment, Service, HPA, PDB, \u2026).`;
  }
  const k = keptData(c.unitType);
  return `${where} (${c.unitType}) removed or disabled: Argo CD will delete the Application ${app} and its Services and StatefulSets; its ${k.what} ${k.plural ? "are" : "is"} **kept** (${k.why}), and so is the data \u2014 delete ${k.plural ? "them" : "it"} by hand when the data can go.`;
}
function claimRemoved(c) {
  const apps = c.units.map((u) => releaseName(c.claim, u.name));
  return `claim ${code(`${c.env}/${c.claim}`)} removed: Argo CD's root Application prunes its ApplicationSet and AppProject; the Applications ${apps.length ? list(apps) : "(none)"} are deleted with the Kubernetes objects they deployed, and the AppProject goes last (its finalizer waits for the Applications).${componentsKept(c.units)}`;
}
function probableRename(from, to, shared) {
  return `claim ${code(`${from.env}/${from.claim}`)} removed and ${code(`${to.env}/${to.claim}`)} added, sharing the units ${list(shared)}: probably a rename. Argo CD makes new Applications ${code(`${to.claim}-<unit>`)} and deletes the old ones. Objects are named after the unit, so in the same namespace the new Applications take over the kept data resources (data stays) and re-create the workloads (expect a restart); **if the namespace changes, the new components start empty** and the old data resources stay until deleted by hand.`;
}
function probableMove(from, to) {
  return `claim ${code(from.claim)} removed from ${code(from.env)} and added to ${code(to.env)}: probably a move. Each environment has its own Argo CD: ${code(from.env)}'s deletes the old Applications as above, ${code(to.env)}'s makes new ones. **Data of components does not move**: the new components start empty.`;
}
function lifecycleNotes(changes) {
  const removed2 = claimsWhere(changes, "removed");
  const added = claimsWhere(changes, "added");
  const gone = new Set(removed2.map((c) => `${c.env}/${c.claim}`));
  const notes = removed2.map(claimRemoved);
  for (const c of changes) {
    if (c.kind === "removed" && c.unit && !gone.has(`${c.env}/${c.claim}`)) notes.push(unitRemoved(c));
  }
  for (const from of removed2) {
    for (const to of added) {
      if (to.env === from.env) {
        const names = new Set(from.units.map((u) => u.name));
        const shared = to.units.map((u) => u.name).filter((n) => names.has(n)).sort(cmp);
        if (shared.length) notes.push(probableRename(from, to, shared));
      } else if (to.claim === from.claim) {
        notes.push(probableMove(from, to));
      }
    }
  }
  return notes;
}
function massDeletionNote(m) {
  const reasons = [
    ...m.emptiedEnvs.length ? [`it removes every rendered file of ${list(m.emptiedEnvs)}`] : [],
    ...m.deletedApps > m.maxDeletedApps ? [`it removes ${m.deletedApps} apps and components, over \`deletion.maxDeletedApps\` (${m.maxDeletedApps})`] : []
  ];
  return `**The render after this merges will stop at the mass-deletion guard**: ${reasons.join(", and ")}. If that is intended, run that render with \`allow-deletions: true\` (CLI: \`--allow-deletions\`); nothing is deleted until then.`;
}

// src/safety/view.ts
var doc = (v) => typeof v === "object" && v !== null && !Array.isArray(v) ? v : {};
var str = (v) => typeof v === "string" ? v : typeof v === "number" ? String(v) : void 0;
var num = (v, fallback) => typeof v === "number" ? v : fallback;
var canonical = (v) => JSON.stringify(v, (_k, x) => x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) : x) ?? "";
function without(settings, keys) {
  return Object.fromEntries(Object.entries(settings).filter(([k]) => !keys.includes(k)));
}
function tagOf(image) {
  const s = str(image);
  return s?.slice(s.lastIndexOf(":") + 1).replace(/-management$/, "");
}
var RESTARTING = {
  postgresql: ["resources", "parameters"],
  redis: ["resources", "auth", "maxmemoryPolicy"],
  rabbitmq: ["resources"],
  mongodb: ["resources"],
  elasticsearch: ["resources", "heap"],
  kafka: ["resources"]
};
var STRUCTURAL = {
  postgresql: ["instances", "imageName", "storage"],
  redis: ["image", "persistence"],
  rabbitmq: ["replicas", "image", "storage"],
  mongodb: ["members", "version", "storage"],
  elasticsearch: ["count", "version", "storage"],
  kafka: ["brokers", "version", "storage"]
};
function viewOf(store) {
  const s = store.settings;
  const storage = doc(store.type === "redis" ? s.persistence : s.storage);
  const restart = Object.fromEntries(RESTARTING[store.type].map((k) => [k, s[k]]));
  const rest = without(s, [...RESTARTING[store.type], ...STRUCTURAL[store.type]]);
  const base = { storageSize: str(storage.size), storageClass: str(storage.storageClass), restart: canonical(restart), rest: canonical(rest), persistent: true };
  switch (store.type) {
    case "postgresql":
      return { ...base, members: num(s.instances, 1), version: tagOf(s.imageName) };
    case "redis":
      return { ...base, members: 1, version: str(doc(s.image).tag), persistent: storage.enabled !== false };
    case "rabbitmq":
      return { ...base, members: num(s.replicas, 1), version: tagOf(s.image) };
    case "mongodb":
      return { ...base, members: num(s.members, 1), version: str(s.version) };
    case "elasticsearch":
      return { ...base, members: num(s.count, 1), version: str(s.version) };
    case "kafka":
      return { ...base, members: num(s.brokers, 1), version: str(s.version) };
  }
}
function compareVersions(a, b) {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  if ([...pa, ...pb].some((n) => Number.isNaN(n))) return void 0;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}
function compareSizes(a, b) {
  const qa = a === void 0 ? void 0 : parseQuantity(a);
  const qb = b === void 0 ? void 0 : parseQuantity(b);
  return qa === void 0 || qb === void 0 ? void 0 : Math.sign(qa - qb);
}

// src/safety/rules.ts
function detectChanges(type, name, before, after) {
  const out = [];
  if (before.persistent !== after.persistent) out.push(after.persistent ? "persistence-on" : "persistence-off");
  else if (after.persistent) {
    const size = compareSizes(after.storageSize, before.storageSize);
    if (size === -1) out.push("storage-shrink");
    if (size === 1) out.push("storage-grow");
    if ((before.storageClass ?? "") !== (after.storageClass ?? "")) out.push("storage-class");
  }
  if (before.version !== after.version) out.push(versionChange(type, before.version, after.version));
  if (after.members < before.members) out.push("scale-down");
  if (after.members > before.members) out.push("scale-up");
  if (before.restart !== after.restart) out.push("restart");
  if (before.rest !== after.rest) out.push("settings");
  return out.map((change) => ({ change, name, before, after }));
}
function versionChange(type, before, after) {
  if (before === void 0 || after === void 0) return "version-change";
  if (type === "postgresql") {
    const major = compareVersions(after.split(".")[0], before.split(".")[0]);
    if (major === 1) return "major-upgrade";
    if (major === -1) return "major-downgrade";
    return "version-change";
  }
  const c = compareVersions(after, before);
  return c === 1 ? "version-upgrade" : c === -1 ? "version-downgrade" : "version-change";
}
var refused = (by, sentence) => ({ class: "refused after merge", by, sentence });
var rolling = (d, sentence) => (
  // One member: the rolling restart restarts the only one, an outage.
  d.after.members <= 1 ? { class: "downtime", sentence: `${sentence} With one member that is an outage; run more members first to avoid it.` } : { class: "rolling restart", sentence }
);
var safe = (sentence) => ({ class: "safe", sentence });
var STATEFULSET_VCT = "the API server refuses every change to a StatefulSet's `volumeClaimTemplates`, so Argo CD retries the sync for ever.";
function redis(d) {
  const outage = d.after.persistent ? "Its one instance restarts: the cache is unavailable until it has reloaded its data from disk." : "Its one instance restarts and, without persistence, starts empty.";
  switch (d.change) {
    case "persistence-off":
      return refused("api-server", `Turning persistence off removes the volume claim template: ${STATEFULSET_VCT} Keep persistence; for a disk-less cache, add a new redis component with \`persistence: false\` and move the clients to it.`);
    case "persistence-on":
      return refused("api-server", `Turning persistence on adds a volume claim template: ${STATEFULSET_VCT} Add a new redis component with persistence and move the clients to it.`);
    case "storage-shrink":
    case "storage-grow":
    case "storage-class":
      return refused("api-server", `The size and class live in the volume claim template: ${STATEFULSET_VCT} Keep them as they are; to grow the disk, resize the PersistentVolumeClaim \`data-${d.name}-0\` by hand (its storage class must allow expansion).`);
    case "version-downgrade":
      return { class: "downtime", sentence: `${outage} An older Redis may not read the newer one's RDB file and then does not start; restore from a dump made for that version.` };
    default:
      return { class: "downtime", sentence: outage };
  }
}
var pgMajor = (version) => Number(version?.split(".")[0]);
function postgresql(d) {
  switch (d.change) {
    // cluster_webhook.go:1806-1836 validateStorageConfigurationChange: "can't shrink existing storage from %v to %v".
    case "storage-shrink":
      return refused("operator", "CloudNativePG's webhook refuses it (\"can't shrink existing storage\"), so Argo CD retries the sync for ever. Keep the size; for a smaller disk, create a new component and copy the data in with CNPG `bootstrap.pg_basebackup`.");
    // docs/src/storage.md "Using the volume expansion Kubernetes feature".
    case "storage-grow":
      return safe("CloudNativePG grows every PersistentVolumeClaim when the storage class allows volume expansion (`allowVolumeExpansion`); without it, re-create the instances one at a time.");
    // cluster_webhook.go:1806-1836 validateStorageConfigurationChange compares sizes only; docs/src/storage.md "Re-creating storage".
    case "storage-class":
      return safe('Only volumes made from now on (new instances) get the new class; existing instances keep theirs until re-created one at a time (CNPG: "Re-creating storage").');
    // docs/src/postgres_upgrades.md "Offline In-Place Major Upgrades". cluster_webhook.go:1397-1407
    // validateImageChange refuses an upgrade to a major below 16 (collation data it does not carry).
    case "major-upgrade":
      if (pgMajor(d.after.version) < 16) {
        return refused("operator", `CloudNativePG's webhook refuses it ("major upgrades are only supported to version 16 or higher"), so Argo CD retries the sync for ever. Upgrade straight to 16 or later; or create a new component on ${d.after.version} and migrate with CNPG \`bootstrap.import\`.`);
      }
      return { class: "downtime", sentence: `CloudNativePG stops every instance and runs \`pg_upgrade\` in place (offline in-place major upgrade): the database is down meanwhile and cannot go back to ${d.before.version}. Take a backup first; to avoid the outage, create a new component on ${d.after.version} and migrate with CNPG \`bootstrap.import\`.` };
    // cluster_webhook.go:1382-1395 validateImageChange: "can't downgrade from major %v to %v", against the major
    // the operator records in status.pgDataImageInfo once the cluster runs (so not on a cluster never reconciled).
    case "major-downgrade":
      return refused("operator", `CloudNativePG's webhook refuses it ("can't downgrade from major ${pgMajor(d.before.version)} to ${pgMajor(d.after.version)}"), so Argo CD retries the sync for ever. Keep the major; to run an older one, create a new component and import the data logically (CNPG \`bootstrap.import\`).`);
    case "scale-down":
      return safe("CloudNativePG removes the highest-numbered replicas and their volumes; the primary and its data stay.");
    case "scale-up":
      return safe("CloudNativePG clones the new replicas from the primary.");
    case "settings":
      return safe("CloudNativePG applies it in place; `bootstrap` settings (database, owner) apply only when a cluster is created, so an existing one keeps its database.");
    default:
      return rolling(d, "CloudNativePG restarts the replicas one at a time, then switches the primary over.");
  }
}
function rabbitmq(d) {
  switch (d.change) {
    // internal/controller/reconcile_scale_down.go: "Cluster Scale down not supported; tried to scale cluster from %d nodes to %d nodes".
    case "scale-down":
      return refused("operator", 'The RabbitMQ operator refuses to scale down ("Cluster Scale down not supported") and stops reconciling the cluster. Keep the replicas; for fewer nodes, create a new component and move the queues (Shovel or Federation).');
    // internal/scaling/scaling.go: "shrinking persistent volumes is not supported".
    case "storage-shrink":
      return refused("operator", 'The RabbitMQ operator refuses it ("shrinking persistent volumes is not supported") and stops reconciling the cluster. Keep the size; for a smaller disk, create a new component and move the queues.');
    // internal/scaling/scaling.go: grows each PVC, then re-creates the StatefulSet.
    case "storage-grow":
      return safe("The RabbitMQ operator grows each PersistentVolumeClaim (the storage class must allow expansion) and re-creates its StatefulSet without restarting the nodes.");
    // internal/resource/statefulset.go Update: only the storage capacity of the claim template is updated.
    case "storage-class":
      return refused("operator", "The RabbitMQ operator updates only the size in its StatefulSet's volume claim template, so no volume ever gets the new class. Keep the class; to move, create a new component with it and move the queues.");
    case "scale-up":
      return safe("New nodes join the cluster; existing queues stay where they are.");
    case "settings":
      return safe("The operator enables the plugins on the running nodes.");
    case "version-downgrade":
      return { class: "downtime", sentence: "RabbitMQ does not support downgrades: a node restarted on the older version may not boot on data the newer one wrote. Export the definitions and move to a new component instead." };
    default:
      return rolling(d, "The operator restarts the nodes one at a time.");
  }
}
function mongodb(d) {
  switch (d.change) {
    // docs/mongodbcommunity/resize-pvc.md: resizing through the StatefulSet "is not yet possible".
    case "storage-shrink":
    case "storage-grow":
    case "storage-class":
      return refused("operator", "The operator writes the new volume into its StatefulSet's volume claim template, which the API server refuses, so the replica set stops reconciling. Keep the storage as it is; to grow it, follow the operator's resize-pvc procedure by hand.");
    // mongodb-community-operator/controllers/replica_set_controller.go: members change one at a time, automation config first.
    case "scale-down":
    case "scale-up":
      return safe("The operator changes the replica set one member at a time, updating its configuration first.");
    case "settings":
      return safe("The operator updates the user and database settings in place.");
    default:
      return rolling(d, "The operator restarts the members one at a time, secondaries first.");
  }
}
var ES_UPGRADE_FROM = { "7": "7.0.0", "8": "7.17.0", "9": "8.18.0" };
var ES_ROLLING = "ECK restarts the nodes one at a time, waiting for the cluster to be green or yellow between them.";
function esUpgradePathRefused(before, after) {
  const from = ES_UPGRADE_FROM[after?.split(".")[0] ?? ""];
  return before !== void 0 && from !== void 0 && compareVersions(before, from) === -1;
}
function elasticsearch(d) {
  switch (d.change) {
    // validation/validations.go:490-516 validUpgradePath (msg :45), an update validation (:60-67, webhook.go:60-81 ValidateUpdate).
    case "version-upgrade":
      if (esUpgradePathRefused(d.before.version, d.after.version)) {
        return refused("operator", `ECK's webhook refuses it ("Unsupported version upgrade path. Check the Elasticsearch documentation for supported upgrade paths."), so Argo CD retries the sync for ever: Elasticsearch ${d.after.version} upgrades only from ${ES_UPGRADE_FROM[d.after.version.split(".")[0]]} or later. Upgrade to that version first, then to ${d.after.version}.`);
      }
      return rolling(d, ES_ROLLING);
    // validation/validations.go:464-488 noDowngrades (msg :38), an update validation too.
    case "version-downgrade":
      return refused("operator", `ECK's webhook refuses it ("Downgrades are not supported"), so Argo CD retries the sync for ever. Keep the version; to run an older one, create a new component and restore a snapshot taken there, or reindex.`);
    // validation/volume_validation.go:121-152 validPVCModification compares with the nodeSet's StatefulSet;
    // common/volume/validations/validations.go:41-51 ValidateClaimsStorageUpdate: "decreasing storage size is not supported".
    case "storage-shrink":
      return refused("operator", `ECK's webhook refuses it ("decreasing storage size is not supported"), so Argo CD retries the sync for ever. Keep the size; for smaller disks, create a new component and reindex or restore a snapshot.`);
    // validation/volume_validation.go:98-112: any claim change but its storage request; common/volume/validations/validations.go:21 PvcImmutableErrMsg.
    case "storage-class":
      return refused("operator", `ECK's webhook refuses it ("volume claim templates can only have their storage requests increased, if the storage class allows volume expansion. Any other change is forbidden"), so Argo CD retries the sync for ever. Keep the class; to move, create a new component with it and reindex or restore a snapshot.`);
    // common/volume/validations/validations.go:43-46, 67-79 EnsureClaimSupportsExpansion (--validate-storage-class, on by default).
    case "storage-grow":
      return safe("ECK grows each PersistentVolumeClaim when the storage class allows expansion (its webhook refuses the change otherwise).");
    // pkg/controller/elasticsearch/migration/migrate_data.go nodeMayHaveShard, and the node shutdown API: a node goes only when it holds no shard copy.
    case "scale-down":
      return d.after.members < 2 ? refused("operator", "ECK removes a node only once no shard copy is left on it; on one node the replica copies (one per index by default) have nowhere to go, so the scale-down never finishes. Keep two or more nodes, or set every index to `number_of_replicas: 0` first.") : safe("ECK moves the shards off the leaving nodes first and removes them only then (it waits while the remaining disks cannot hold the data).");
    case "scale-up":
      return safe("New nodes join and Elasticsearch moves shards onto them.");
    default:
      return rolling(d, ES_ROLLING);
  }
}
function kafka(d) {
  switch (d.change) {
    // cluster-operator/.../assembly/KafkaClusterCreator.java: "Cannot scale-down Kafka brokers … because they have assigned partition-replicas", then reverts the KafkaNodePool's replicas.
    case "scale-down":
      return refused("operator", "Strimzi refuses to remove brokers that still hold partition replicas and puts the KafkaNodePool back to its old size (warning `ScaleDownPreventionCheck`). Move the partitions off those brokers first (kafka-reassign-partitions or Cruise Control `remove-brokers`), then scale down.");
    // cluster-operator/.../model/StorageDiff.java: a shrink, or any change but deleteClaim/kraftMetadata/volumeAttributesClass, is not allowed; KafkaPool.java keeps the current storage with a warning.
    case "storage-shrink":
      return refused("operator", 'Strimzi does not shrink volumes: it keeps the current storage and only warns ("contains changes which are not allowed"). Keep the size; for smaller disks, create a new component and mirror the topics (MirrorMaker 2).');
    case "storage-class":
      return refused("operator", 'Strimzi does not change the class of existing volumes: it keeps the current storage and only warns ("contains changes which are not allowed"). Keep the class; to move, create a new component with it and mirror the topics.');
    case "storage-grow":
      return safe("Strimzi grows each PersistentVolumeClaim when the storage class allows expansion.");
    case "scale-up":
      return safe("New brokers join with no partitions until you reassign some to them.");
    // documentation/modules/upgrading/proc-downgrade-kafka-kraft.adoc: no downgrade from the newest metadata version, which is what runs when metadataVersion is not pinned (charts/common never pins it).
    case "version-downgrade":
      return refused("operator", "Strimzi cannot downgrade a KRaft cluster that uses its version's newest metadata version, which it does here (no `metadataVersion` is pinned). Keep the version; to run an older one, create a new component and mirror the topics.");
    default:
      return rolling(d, "Strimzi restarts the brokers one at a time, keeping partitions available.");
  }
}
var BY_TYPE = { postgresql, redis, rabbitmq, mongodb, elasticsearch, kafka };
function rule(type, d) {
  return BY_TYPE[type](d);
}

// src/safety/stores.ts
var DATA_TYPES = ["postgresql", "redis", "rabbitmq", "mongodb", "elasticsearch", "kafka"];
var storeKey = (s) => `${s.env}/${s.claim}/${s.name}`;
var HEADER = /^# Generated by infraforge-render from (\S+)\. /;
var VALUES = /^rendered\/([^/]+)\/([^/]+)\/([^/]+)\/values\.yaml$/;
var APPSET = /^rendered\/([^/]+)\/([^/]+)\/applicationset\.yaml$/;
var isDoc = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function read(text) {
  try {
    const doc2 = load(text, { schema: CORE_SCHEMA, maxAliases: 0 });
    return isDoc(doc2) ? doc2 : void 0;
  } catch {
    return void 0;
  }
}
function namespaceOf(appset) {
  const spec = appset?.spec;
  const template = isDoc(spec) ? spec.template : void 0;
  const tspec = isDoc(template) ? template.spec : void 0;
  const destination = isDoc(tspec) ? tspec.destination : void 0;
  const ns = isDoc(destination) ? destination.namespace : void 0;
  return typeof ns === "string" ? ns : void 0;
}
function claimsOf(files) {
  const claims = /* @__PURE__ */ new Map();
  for (const [path8, text] of files) {
    const m = APPSET.exec(path8);
    if (m) claims.set(`${m[1]}/${m[2]}`, HEADER.exec(text)?.[1]);
  }
  return claims;
}
function storesOf(files) {
  const namespaces = /* @__PURE__ */ new Map();
  const namespace = (env, claim) => {
    const key2 = `${env}/${claim}`;
    if (!namespaces.has(key2)) {
      const appset = files.get(`rendered/${env}/${claim}/applicationset.yaml`);
      namespaces.set(key2, appset === void 0 ? void 0 : namespaceOf(read(appset)));
    }
    return namespaces.get(key2);
  };
  const stores = /* @__PURE__ */ new Map();
  for (const [path8, text] of files) {
    const m = VALUES.exec(path8);
    if (!m || !DATA_TYPES.some((t) => text.includes(t))) continue;
    const values = read(text);
    const type = values?.type;
    if (typeof type !== "string" || !DATA_TYPES.includes(type)) continue;
    const settings = values[type];
    const store = {
      env: m[1],
      claim: m[2],
      name: m[3],
      type,
      namespace: namespace(m[1], m[2]),
      claimFile: HEADER.exec(text)?.[1],
      settings: isDoc(settings) ? settings : {}
    };
    stores.set(storeKey(store), store);
  }
  return stores;
}

// src/safety/classify.ts
var code2 = (s) => `\`${s}\``;
function kept(s) {
  const k = keptData(s.type);
  return `the ${k.what} ${k.plural ? "are" : "is"} kept (${k.why}) with the data`;
}
function finding(s, inHead, change, ruling) {
  return { env: s.env, claim: s.claim, component: s.name, type: s.type, change, ...ruling, claimFile: s.claimFile, inHead };
}
function removed(old, headHasClaim, headFile) {
  const f = finding(old, false, "removed", {
    class: "downtime",
    sentence: `Argo CD deletes the Application ${code2(`${old.claim}-${old.name}`)} and its Services and StatefulSets; ${kept(old)}, orphaned until deleted by hand or declared again under the same name in the same namespace.`
  });
  return headHasClaim ? { ...f, claimFile: headFile ?? f.claimFile } : f;
}
function takenOver(old, now) {
  const where = `${code2(`${old.env}/${old.claim}`)} \u2192 ${code2(`${now.env}/${now.claim}`)}`;
  return finding(now, true, "taken-over", now.type === "redis" ? { class: "downtime", sentence: `Moved ${where} in the same namespace: the new Application takes over the kept volume (data stays) and re-creates the StatefulSet, a restart of its one instance.` } : { class: "safe", sentence: `Moved ${where} in the same namespace: the new Application takes over the kept ${keptData(now.type).what} (data stays).` });
}
function moved(old, now) {
  const from = `${code2(old.env)}, namespace ${code2(old.namespace ?? "?")}`;
  return finding(now, true, "moved", {
    class: "data loss",
    sentence: `It starts empty in ${code2(now.env)}, namespace ${code2(now.namespace ?? "?")}: data of components does not move between namespaces or clusters; in ${from} ${kept(old)}, orphaned. Keep the environment and namespace, or run the new component beside the old one and migrate before removing it.`
  });
}
function renamed(old, now) {
  return finding(now, true, "renamed", {
    class: "data loss",
    sentence: `${code2(old.name)} was removed and ${code2(now.name)} (also ${now.type}) added: probably a rename. ${code2(now.name)} starts empty; ${code2(old.name)}'s data stays behind, orphaned (${keptData(old.type).why}). To keep the data, keep the name; to rename, run both and migrate before removing the old one.`
  });
}
function typeChanged(old, now) {
  return finding(now, true, "type-changed", {
    class: "data loss",
    sentence: `${code2(now.name)} changes from ${old.type} to ${now.type}: a new, empty store; ${kept(old)}, orphaned. Give the new store a new name and migrate before removing the old one.`
  });
}
function classify(base, head) {
  const before = storesOf(base);
  const after = storesOf(head);
  const findings = [];
  const gone = [];
  const arrived = new Map([...after].filter(([k]) => !before.has(k)));
  for (const [key2, old] of before) {
    const now = after.get(key2);
    if (!now) {
      gone.push(old);
      continue;
    }
    if (now.type !== old.type) {
      findings.push(typeChanged(old, now));
      continue;
    }
    if (now.namespace !== old.namespace) {
      findings.push(moved(old, now));
      continue;
    }
    for (const d of detectChanges(now.type, now.name, viewOf(old), viewOf(now))) findings.push(finding(now, true, d.change, rule(now.type, d)));
  }
  const headClaims = claimsOf(head);
  for (const old of gone) {
    const same = [...arrived.values()].find((s) => s.name === old.name && s.type === old.type);
    if (same) {
      arrived.delete(storeKey(same));
      findings.push(same.env === old.env && same.namespace === old.namespace ? takenOver(old, same) : moved(old, same));
      continue;
    }
    const rename = [...arrived.values()].find((s) => s.env === old.env && s.claim === old.claim && s.type === old.type);
    if (rename) {
      arrived.delete(storeKey(rename));
      findings.push(renamed(old, rename));
      continue;
    }
    const claim = `${old.env}/${old.claim}`;
    findings.push(removed(old, headClaims.has(claim), headClaims.get(claim)));
  }
  return findings.sort((a, b) => cmp(a.env, b.env) || cmp(a.claim, b.claim) || cmp(a.component, b.component));
}

// src/safety/classes.ts
var SAFETY_CLASSES = ["safe", "rolling restart", "downtime", "refused after merge", "data loss"];
var severity = (c) => SAFETY_CLASSES.indexOf(c);
var worst = (classes) => classes.reduce((a, b) => severity(b) > severity(a) ? b : a, "safe");
var failsReview = (c) => c === "refused after merge" || c === "data loss";

// src/safety/markdown.ts
var cell = (s) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
function dataSafetyMarkdown(v) {
  if (v.findings.length === 0) return "";
  const rows = /* @__PURE__ */ new Map();
  v.findings.forEach((f, i) => {
    const key2 = `${f.env}/${f.claim}/${f.component}`;
    rows.set(key2, [...rows.get(key2) ?? [], i]);
  });
  const lines = ["#### Data safety", "", "| component | class | what happens, and what to do instead |", "|---|---|---|"];
  const ordered = [...rows.entries()].map(([key2, idx]) => ({ key: key2, idx, cls: worst(idx.map((i) => v.findings[i].class)) }));
  ordered.sort((a, b) => severity(b.cls) - severity(a.cls) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { key: key2, idx, cls } of ordered) {
    const first = v.findings[idx[0]];
    const refusers = [...new Set(idx.map((i) => v.findings[i].by).filter((b) => b !== void 0))];
    const by = cls === "refused after merge" && refusers.length ? ` (${refusers.map((b) => b === "api-server" ? "API server" : "operator").join(", ")})` : "";
    const allAcknowledged = idx.filter((i) => v.findings[i].class === cls).every((i) => v.acknowledged.has(i));
    const ack = cls === "data loss" && allAcknowledged ? ` \u2014 acknowledged in \`${first.claimFile ?? "?"}\`` : "";
    const what = idx.map((i) => {
      const f = v.findings[i];
      return `\`${f.change}\`${v.acknowledged.has(i) ? " (acknowledged)" : ""}: ${f.sentence}`;
    });
    lines.push(`| \`${key2}\` (${first.type}) | **${cls}**${by}${ack} | ${cell(what.join("<br>"))} |`);
  }
  const failing = v.reviewProblems.length;
  lines.push(
    "",
    failing ? `**${failing} change(s) fail this check**: a change the operator or the API server refuses after the merge never syncs, and a data loss needs an \`acknowledge\` entry in its claim.` : "Nothing here fails the check."
  );
  return `${lines.join("\n")}
`;
}

// src/safety/verdict.ts
var claimKey = (env, claim) => `${env}/${claim}`;
function acknowledgementsOf(loaded) {
  return loaded.claim.spec.acknowledge ?? [];
}
function place(f, claims) {
  const loaded = claims.get(claimKey(f.env, f.claim));
  if (!loaded) return f.claimFile ? { file: f.claimFile } : {};
  const index = (loaded.claim.spec.components ?? []).findIndex((c) => c.name === f.component);
  const path8 = index >= 0 ? ["spec", "components", index, "name"] : ["spec", "components"];
  return { file: loaded.source.file, ...loaded.source.locate(path8, "value"), field: formatFieldPath(path8) };
}
function problem(f, claims, extra = "") {
  const who = f.by === "api-server" ? " by the API server" : f.by === "operator" ? " by the operator" : "";
  return {
    ...place(f, claims),
    code: f.class === "data loss" ? "data-loss" : "refused-after-merge",
    message: `${f.env}/${f.claim}/${f.component} (${f.type}, ${f.change}): ${f.class}${who}. ${f.sentence}${extra}`
  };
}
function verdict(findings, headClaims) {
  const claims = new Map(headClaims.map((c) => [claimKey(c.env, c.claim.metadata.name), c]));
  const acknowledged = /* @__PURE__ */ new Set();
  const used = /* @__PURE__ */ new Set();
  findings.forEach((f, i) => {
    if (f.class !== "data loss") return;
    const loaded = claims.get(claimKey(f.env, f.claim));
    const j = loaded ? acknowledgementsOf(loaded).findIndex((a) => a.component === f.component && a.change === f.change) : -1;
    if (j < 0) return;
    acknowledged.add(i);
    used.add(`${claimKey(f.env, f.claim)}#${j}`);
  });
  const reviewProblems = findings.flatMap((f, i) => {
    if (!failsReview(f.class) || acknowledged.has(i)) return [];
    const how = f.class === "data loss" ? ` If the loss is intended, acknowledge it in the claim with \`acknowledge: [{component: ${f.component}, change: ${f.change}}]\` under spec, and remove that after the merge.` : " No acknowledgement makes it sync: the render after the merge refuses it too.";
    return [problem(f, claims, how)];
  });
  const renderProblems = findings.filter((f) => f.class === "refused after merge").map((f) => problem(f, claims, " Nothing was written."));
  const stale = [];
  for (const loaded of headClaims) {
    acknowledgementsOf(loaded).forEach((a, j) => {
      if (used.has(`${claimKey(loaded.env, loaded.claim.metadata.name)}#${j}`)) return;
      const path8 = ["spec", "acknowledge", j];
      stale.push({
        file: loaded.source.file,
        ...loaded.source.locate(path8, "value"),
        code: "acknowledge-stale",
        message: `acknowledgement of ${a.change} for ${a.component} matches no change in this run: remove it once its change is merged, so it cannot wave through a later one`,
        field: formatFieldPath(path8)
      });
    });
  }
  return { findings, acknowledged, reviewProblems, renderProblems, stale };
}

// src/safety/index.ts
function dataSafety(base, head, headClaims) {
  const v = verdict(classify(base, head), headClaims);
  return { verdict: v, markdown: dataSafetyMarkdown(v) };
}

// src/pipeline.ts
async function buildPlan(options) {
  const { root } = options;
  const discovery = await discoverClaimFiles(root);
  const problems = [...discovery.problems];
  const wanted = options.envs?.length ? new Set(options.envs) : void 0;
  const known = await environmentsInScope(root, discovery.envs);
  for (const env of wanted ?? []) {
    if (!DNS_LABEL.test(env)) problems.push({ code: "env-name", message: `--env ${JSON.stringify(env)} is not a DNS label` });
    else if (!known.includes(env)) problems.push({ code: "env-unknown", message: `--env ${env}: there is no deployments/${env}/ (environments: ${known.join(", ") || "none yet"})` });
  }
  const settings = await resolveSettings(root, options.overrides ?? {}, options.env ?? process.env);
  const loaded = loadClaims(discovery.files);
  problems.push(...loaded.problems);
  const checked = [...loaded.claims, ...loaded.repaired];
  problems.push(...semanticProblems(checked, settings));
  if (problems.length) {
    problems.push(...withoutEchoes(chartValuesProblems(checked, settings, await valuesValidator(root)), problems));
    throw new InputError(sortProblems(unique(problems)));
  }
  const claims = wanted ? loaded.claims.filter((c) => wanted.has(c.env)) : loaded.claims;
  const checks = await registryChecks(claims, settings, {
    root,
    env: options.env ?? process.env,
    ...pick(options, ["verifyImages", "verifyChart", "digestSource", "log"])
  });
  if (checks.problems.length) throw new InputError(sortProblems(checks.problems));
  const renderSettings = checks.digests ? { ...settings, image: { ...settings.image, digests: checks.digests } } : settings;
  const inputBytes = new Map(discovery.files.map((f) => [f.path, Buffer.byteLength(f.text)]));
  const validate = await valuesValidator(root);
  const shared = sharedInputs(root, renderSettings);
  const claimHashes = claimInputHashes(discovery.files, claims);
  const source = await options.index;
  const selection = wanted ? void 0 : selectClaims(source?.previous, shared, claimHashes);
  const planned = (selection && partialPlan(selection, claims, renderSettings, validate, inputBytes)) ?? { ...renderPlan(claims, renderSettings, validate, { inputBytes }), partial: false };
  if (planned.problems.length) throw new InputError(sortProblems(planned.problems));
  const kept2 = planned.partial && selection ? selection.kept : /* @__PURE__ */ new Map();
  const envs = wanted ? [...wanted].sort(cmp) : known;
  const claimFileOf = new Map(claims.map((c) => [`${c.env}/${c.claim.metadata.name}`, c.source.file]));
  const owned = planned.files.map((f) => ({ path: f.path, content: f.content, claimFile: f.claim === "" ? void 0 : claimFileOf.get(`${f.env}/${f.claim}`) }));
  const index = wanted ? void 0 : buildIndex(shared, claimHashes, owned, kept2);
  const previous = planned.partial ? source?.previous : void 0;
  return { settings, claims, files: planned.files, envs, ignored: discovery.ignored, kept: kept2, previous, index, indexDir: planned.partial ? source?.dir : void 0 };
}
function partialPlan(selection, claims, settings, validate, inputBytes) {
  const plan = renderPlan(claims.filter((c) => selection.render.has(c.source.file)), settings, validate, { inputBytes });
  if (plan.problems.length) return void 0;
  const files = [...plan.files.filter((f) => f.claim !== ""), ...namespaceFiles(claims, settings)].sort((a, b) => cmp(a.path, b.path));
  return { files, problems: [], partial: true };
}
function claimInputHashes(files, claims) {
  const text = new Map(files.map((f) => [f.path, f.text]));
  const out = /* @__PURE__ */ new Map();
  for (const { source } of claims) {
    if (out.has(source.file)) continue;
    const base = source.base === void 0 ? void 0 : { file: source.base, text: text.get(source.base) ?? "" };
    out.set(source.file, claimInputsHash({ file: source.file, text: text.get(source.file) ?? "", ...base ? { base } : {} }));
  }
  return out;
}
async function listEnvironments(root) {
  const discovery = await discoverClaimFiles(root);
  if (discovery.problems.length) throw new InputError(sortProblems(discovery.problems));
  return environmentsInScope(root, discovery.envs);
}
async function environmentsInScope(root, deploymentEnvs) {
  const renderedEnvs = await listDirs(path7.join(root, RENDERED_DIR));
  return [.../* @__PURE__ */ new Set([...deploymentEnvs, ...renderedEnvs])].sort(cmp);
}
async function renderRepository(options) {
  const { useIndex, ...pipeline } = options;
  const proof = useIndex && !options.check && !options.envs?.length ? provenIndex(options.root) : void 0;
  const index = proof?.then((previous) => previous && { previous, dir: options.root });
  const rendered = await buildPlan({ ...pipeline, ...index ? { index } : {} });
  const before = rendered.previous ? replacedFiles(options.root, rendered.previous, rendered.kept) : await renderedOnDisk(options.root, rendered.envs);
  const safety = dataSafety(before, new Map(rendered.files.map((f) => [f.path, f.content])), rendered.claims);
  for (const p of safety.verdict.stale) options.log?.(`warning: ${formatProblem(p)}`);
  if (safety.verdict.renderProblems.length) throw new InputError(sortProblems(safety.verdict.renderProblems));
  const result = await applyPlan(rendered.files, {
    root: options.root,
    envs: rendered.envs,
    check: options.check ?? false,
    allowDeletions: rendered.settings.allowDeletions,
    maxDeletedApps: rendered.settings.maxDeletedApps,
    allowUnmanaged: options.allowUnmanaged ?? false,
    ...rendered.previous ? { known: { before: [...indexedPaths(rendered.previous)], kept: rendered.kept } } : {},
    ...rendered.index ? { index: serializeIndex(rendered.index) } : {}
  });
  return { ...result, rendered };
}
function indexedPaths(index) {
  return [...Object.values(index.claims).flatMap((e) => Object.keys(e.files)), ...Object.keys(index.platform)];
}
function replacedFiles(root, index, kept2) {
  return new Map(indexedPaths(index).filter((p) => !kept2.has(p)).map((p) => [p, readFileSync6(path7.join(root, p), "utf8")]));
}
async function valuesValidator(root) {
  const file = `${CHART_DIR}/values.schema.json`;
  let schema;
  let text;
  try {
    text = await readFile2(path7.join(root, file), "utf8");
    schema = JSON.parse(text);
  } catch (error) {
    throw new InputError([{ file, code: "values-schema-missing", message: `cannot read ${file}: ${error.message}` }]);
  }
  const built = precompiledFor(`sha256:${createHash2("sha256").update(text).digest("hex")}`);
  if (built) return Object.assign(built, { schema });
  try {
    return makeAjv().compile(schema);
  } catch (error) {
    throw new InputError([{ file, code: "values-schema-invalid", message: `${file} is not a valid schema: ${error.message}` }]);
  }
}
function chartValuesProblems(claims, settings, validate) {
  return claims.flatMap((claim) => {
    try {
      return renderPlan([claim], settings, validate).problems.filter((p) => p.code === "values-schema");
    } catch {
      return [];
    }
  });
}
function unique(problems) {
  const seen = /* @__PURE__ */ new Set();
  return problems.filter((p) => {
    const key2 = JSON.stringify([p.file, p.line, p.col, p.code, p.message]);
    if (seen.has(key2)) return false;
    seen.add(key2);
    return true;
  });
}
function pick(from, keys) {
  const out = {};
  for (const key2 of keys) if (from[key2] !== void 0) out[key2] = from[key2];
  return out;
}
async function listDirs(dir) {
  try {
    const entries = await readdir4(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && DNS_LABEL.test(e.name)).map((e) => e.name);
  } catch {
    return [];
  }
}
function withoutEchoes(chartProblems, said) {
  const lines = new Set(said.map((p) => `${p.file}:${p.line}`));
  const refusedValues = said.filter((p) => p.code.startsWith("values-") && p.field?.includes(".values")).map((p) => `${p.file}:${p.field.slice(0, p.field.indexOf(".values"))}`);
  return chartProblems.filter(
    (p) => !(p.line !== void 0 && lines.has(`${p.file}:${p.line}`)) && !refusedValues.some((app) => `${p.file}:${p.field ?? ""}`.startsWith(app))
  );
}

export {
  DEPLOYMENTS_DIR,
  BASE_DIR,
  scanRendered,
  INDEX_PATH,
  serializeIndex,
  provenIndex,
  unmanagedFiles,
  handChanges,
  unmanagedProblems,
  handChangeProblems,
  massDeletion,
  lifecycleNotes,
  massDeletionNote,
  dataSafety,
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
};

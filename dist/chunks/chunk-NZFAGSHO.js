import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  DEFAULT_POSTGRES_VERSION,
  DEFAULT_REDIS_VERSION,
  GENERATED_MARKER,
  POSTGRES_IMAGE,
  REDIS_IMAGE,
  claimNamespace,
  claimNamespace2,
  classifyEntry,
  envIssues,
  imageRepository,
  ingressIssues,
  jobObjectName,
  metricsIssues,
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
} from "./chunk-X6OGTWYN.js";
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
} from "./chunk-ACHWKVYP.js";
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
  problemAt,
  releaseName,
  require_dist,
  schemaCursor,
  schemaProblems,
  stringWanted,
  toDnsLabel
} from "./chunk-L3QWIUZL.js";
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
import { readdir as readdir4, readFile as readFile2 } from "node:fs/promises";
import path5 from "node:path";

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

// ../../main/node_modules/js-yaml/dist/js-yaml.mjs
var NOT_RESOLVED = /* @__PURE__ */ Symbol("NOT_RESOLVED");
function defineScalarTag(tagName, options) {
  return {
    tagName,
    nodeKind: "scalar",
    implicit: options.implicit ?? false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    implicitFirstChars: options.implicitFirstChars ?? null,
    resolve: options.resolve,
    identify: options.identify,
    represent: options.represent ?? ((data) => String(data)),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function defineSequenceTag(tagName, options) {
  const carrierIsResult = options.finalize === void 0;
  return {
    tagName,
    nodeKind: "sequence",
    implicit: false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    create: options.create,
    addItem: options.addItem,
    finalize: options.finalize ?? ((carrier) => carrier),
    carrierIsResult,
    identify: options.identify,
    represent: options.represent ?? ((data) => data),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function defineMappingTag(tagName, options) {
  const carrierIsResult = options.finalize === void 0;
  return {
    tagName,
    nodeKind: "mapping",
    implicit: false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    create: options.create,
    addPair: options.addPair,
    has: options.has,
    keys: options.keys,
    get: options.get,
    finalize: options.finalize ?? ((carrier) => carrier),
    carrierIsResult,
    identify: options.identify,
    represent: options.represent ?? ((data) => data),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
  resolve: (source) => source,
  identify: (data) => typeof data === "string"
});
var NULL_VALUES$1 = [
  "",
  "~",
  "null",
  "Null",
  "NULL"
];
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: [
    "",
    "~",
    "n",
    "N"
  ],
  resolve: (source) => {
    if (NULL_VALUES$1.indexOf(source) !== -1) return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: ["n"],
  resolve: (source, isExplicit) => {
    if (source === "null" || isExplicit && source === "") return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var NULL_VALUES = [
  "",
  "~",
  "null",
  "Null",
  "NULL"
];
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: [
    "",
    "~",
    "n",
    "N"
  ],
  resolve: (source) => {
    if (NULL_VALUES.indexOf(source) !== -1) return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var TRUE_VALUES$2 = [
  "true",
  "True",
  "TRUE"
];
var FALSE_VALUES$2 = [
  "false",
  "False",
  "FALSE"
];
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: [
    "t",
    "T",
    "f",
    "F"
  ],
  resolve: (source) => {
    if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
    if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: ["t", "f"],
  resolve: (source) => {
    if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
    if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var TRUE_VALUES = [
  "true",
  "True",
  "TRUE",
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "on",
  "On",
  "ON"
];
var FALSE_VALUES = [
  "false",
  "False",
  "FALSE",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "off",
  "Off",
  "OFF"
];
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: [
    "y",
    "Y",
    "n",
    "N",
    "t",
    "T",
    "f",
    "F",
    "o",
    "O"
  ],
  resolve: (source) => {
    if (TRUE_VALUES.indexOf(source) !== -1) return true;
    if (FALSE_VALUES.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
  let value = source;
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
  } else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger$2(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ..."0123456789"
  ],
  resolve: resolveYamlInteger$2,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
  let value = source;
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  } else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger$1(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: ["-", ..."0123456789"],
  resolve: resolveYamlInteger$1,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
  let value = source.replace(/_/g, "");
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  if (value.includes(":")) {
    let result = 0;
    for (const part of value.split(":")) result = result * 60 + Number(part);
    return sign * result;
  }
  if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
  if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ..."0123456789"
  ],
  resolve: resolveYamlInteger,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
  if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
  let value = source.toLowerCase();
  const sign = value[0] === "-" ? -1 : 1;
  if ("+-".includes(value[0])) value = value.slice(1);
  if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === ".nan") return NaN;
  const result = sign * parseFloat(value);
  if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ".",
    ..."0123456789"
  ],
  resolve: resolveYamlFloat$2,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat$2
});
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
    let value = source.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".includes(value[0])) value = value.slice(1);
    if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    if (value === ".nan") return NaN;
    const result2 = sign * parseFloat(value);
    return Number.isFinite(result2) ? result2 : NOT_RESOLVED;
  }
  if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  const result = Number(source);
  if (Number.isFinite(result)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: ["-", ..."0123456789"],
  resolve: resolveYamlFloat$1,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat$1
});
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
  if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
  let value = source.toLowerCase().replace(/_/g, "");
  const sign = value[0] === "-" ? -1 : 1;
  if ("+-".includes(value[0])) value = value.slice(1);
  if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === ".nan") return NaN;
  let result = 0;
  if (value.includes(":")) {
    for (const part of value.split(":")) result = result * 60 + Number(part);
    result *= sign;
  } else result = sign * parseFloat(value);
  if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ".",
    ..."0123456789"
  ],
  resolve: resolveYamlFloat,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat
});
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
  implicit: true,
  implicitFirstChars: ["<"],
  resolve: (source, isExplicit) => {
    if (source === "<<" || isExplicit && source === "") return "<<";
    return NOT_RESOLVED;
  },
  identify: () => false
});
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
  const input = source.replace(/\s/g, "");
  if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
  const binary = atob(input);
  const result = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
  return result;
}
function representYamlBinary(object) {
  let binary = "";
  for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
  return btoa(binary);
}
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
  resolve: resolveYamlBinary,
  identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
  represent: representYamlBinary
});
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
  const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
  date.setUTCFullYear(year, month, day);
  return date;
}
function resolveYamlTimestamp(source) {
  let match = YAML_DATE_REGEXP.exec(source);
  if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
  if (match === null) return NOT_RESOLVED;
  const year = +match[1];
  const month = +match[2] - 1;
  const day = +match[3];
  if (!match[4]) {
    const date2 = makeUtcDate(year, month, day);
    if (date2.getUTCFullYear() !== year || date2.getUTCMonth() !== month || date2.getUTCDate() !== day) return NOT_RESOLVED;
    return date2;
  }
  const hour = +match[4];
  const minute = +match[5];
  const second = +match[6];
  let fraction = 0;
  if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
  if (match[7]) {
    let value = match[7].slice(0, 3);
    while (value.length < 3) value += "0";
    fraction = +value;
  }
  const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
  if (match[9]) {
    const offsetHour = +match[10];
    const offsetMinute = +(match[11] || 0);
    if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
    const offset = (offsetHour * 60 + offsetMinute) * 6e4;
    date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
  }
  return date;
}
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
  implicit: true,
  implicitFirstChars: [..."0123456789"],
  resolve: resolveYamlTimestamp,
  identify: (object) => object instanceof Date,
  represent: (object) => object.toISOString()
});
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
  create: () => [],
  addItem: (container, item) => {
    container.push(item);
  },
  identify: Array.isArray
});
function isPlainObject(data) {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
  const prototype = Object.getPrototypeOf(data);
  return prototype === null || prototype === Object.prototype;
}
function pick(object, keys) {
  const result = {};
  for (const key2 of keys) if (object[key2] !== void 0) result[key2] = object[key2];
  return result;
}
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
  create: () => ({
    list: [],
    seen: /* @__PURE__ */ new Set()
  }),
  addItem: (carrier, item) => {
    let key2;
    if (item instanceof Map) {
      if (item.size !== 1) return "cannot resolve an ordered map item";
      key2 = item.keys().next().value;
    } else if (isPlainObject(item)) {
      const itemKeys = Object.keys(item);
      if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
      key2 = itemKeys[0];
    } else return "cannot resolve an ordered map item";
    if (carrier.seen.has(key2)) return "duplicate key in ordered map";
    carrier.seen.add(key2);
    carrier.list.push(item);
    return "";
  },
  finalize: (carrier) => carrier.list,
  identify: () => false
});
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
  create: () => [],
  addItem: (container, item) => {
    if (item instanceof Map) {
      if (item.size !== 1) return "cannot resolve a pairs item";
      container.push(item.entries().next().value);
      return "";
    }
    if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
    const object = item;
    const keys = Object.keys(object);
    if (keys.length !== 1) return "cannot resolve a pairs item";
    container.push([keys[0], object[keys[0]]]);
    return "";
  },
  identify: () => false
});
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlainObject,
  represent: (o) => {
    const map = /* @__PURE__ */ new Map();
    for (const key2 of Object.keys(o)) map.set(key2, o[key2]);
    return map;
  },
  addPair: (container, key2, value) => {
    if (key2 !== null && typeof key2 === "object") return "object-based map does not support complex keys";
    const normalizedKey = String(key2);
    if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
      value,
      enumerable: true,
      configurable: true,
      writable: true
    });
    else container[normalizedKey] = value;
    return "";
  },
  has: (container, key2) => {
    if (key2 !== null && typeof key2 === "object") return false;
    return Object.prototype.hasOwnProperty.call(container, String(key2));
  },
  keys: (container) => Object.keys(container),
  get: (container, key2) => {
    const normalizedKey = String(key2);
    if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
    return container[normalizedKey];
  }
});
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
  create: () => /* @__PURE__ */ new Set(),
  identify: (data) => data instanceof Set,
  represent: (data) => {
    const map = /* @__PURE__ */ new Map();
    for (const key2 of data) map.set(key2, null);
    return map;
  },
  addPair: (container, key2, value) => {
    if (value !== null) return "cannot resolve a set item";
    container.add(key2);
    return "";
  },
  has: (container, key2) => container.has(key2),
  keys: (container) => container.keys(),
  get: () => null
});
function createTagDefinitionMap() {
  return {
    scalar: /* @__PURE__ */ Object.create(null),
    sequence: /* @__PURE__ */ Object.create(null),
    mapping: /* @__PURE__ */ Object.create(null)
  };
}
function createTagDefinitionListMap() {
  return {
    scalar: [],
    sequence: [],
    mapping: []
  };
}
function compileTags(tags) {
  const result = [];
  for (const tag of tags) {
    let index = result.length;
    for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
      const previous = result[previousIndex];
      if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
        index = previousIndex;
        break;
      }
    }
    result[index] = tag;
  }
  return result;
}
var Schema = class Schema2 {
  tags;
  /** @internal */
  implicitScalarTags;
  /**
  * Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
  * the resolvers that may match that key, in schema order; a key absent from
  * the map uses
  * {@link Schema.implicitScalarAnyFirstChar}
  * (resolvers that declared no first-char constraint, so they apply to any
  * first character).
  */
  implicitScalarByFirstChar;
  implicitScalarAnyFirstChar;
  /**
  * The default scalar tag (`!!str`), resolved once so the composer's fallback
  * for unresolved plain scalars avoids a keyed lookup per scalar.
  *
  * @internal
  */
  defaultScalarTag;
  /**
  * The default container tags (`!!seq` / `!!map`), used by the dumper: when a
  * value is identified by its default tag, the tag is implicit and not
  * printed. Undefined if the schema does not define them (then such values
  * can't be dumped).
  *
  * @internal
  */
  defaultSequenceTag;
  /** @internal */
  defaultMappingTag;
  exact;
  prefix;
  constructor(tags) {
    const compiledTags = compileTags(tags);
    const implicitScalarTags = [];
    const exact2 = createTagDefinitionMap();
    const prefix2 = createTagDefinitionListMap();
    for (const tag of compiledTags) {
      if (tag.nodeKind === "scalar" && tag.implicit) {
        if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
        implicitScalarTags.push(tag);
      }
      switch (tag.nodeKind) {
        case "scalar":
          if (tag.matchByTagPrefix) prefix2.scalar.push(tag);
          else exact2.scalar[tag.tagName] = tag;
          break;
        case "sequence":
          if (tag.matchByTagPrefix) prefix2.sequence.push(tag);
          else exact2.sequence[tag.tagName] = tag;
          break;
        case "mapping":
          if (tag.matchByTagPrefix) prefix2.mapping.push(tag);
          else exact2.mapping[tag.tagName] = tag;
      }
    }
    const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
    const keys = /* @__PURE__ */ new Set();
    for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key2 of tag.implicitFirstChars) keys.add(key2);
    const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
    for (const key2 of keys) implicitScalarByFirstChar.set(key2, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key2) !== -1));
    const defaultScalarTag = exact2.scalar["tag:yaml.org,2002:str"];
    if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
    this.tags = compiledTags;
    this.implicitScalarTags = implicitScalarTags;
    this.implicitScalarByFirstChar = implicitScalarByFirstChar;
    this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
    this.defaultScalarTag = defaultScalarTag;
    this.defaultSequenceTag = exact2.sequence["tag:yaml.org,2002:seq"];
    this.defaultMappingTag = exact2.mapping["tag:yaml.org,2002:map"];
    this.exact = exact2;
    this.prefix = prefix2;
  }
  /** @internal */
  lookupScalarTag(tagName) {
    const exactTag = this.exact.scalar[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  lookupSequenceTag(tagName) {
    const exactTag = this.exact.sequence[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  lookupMappingTag(tagName) {
    const exactTag = this.exact.mapping[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  resolveImplicitScalarTag(source) {
    const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
    for (const tag2 of candidates) {
      const value = tag2.resolve(source, false, tag2.tagName);
      if (value !== NOT_RESOLVED) return {
        value,
        tag: tag2
      };
    }
    const tag = this.defaultScalarTag;
    return {
      value: tag.resolve(source, false, tag.tagName),
      tag
    };
  }
  /**
  * Creates a new schema with the specified tags added. If a tag already
  * exists, it is replaced by the specified tag.
  *
  * @example
  *
  * ```javascript
  * import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
  *
  * const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
  * ```
  */
  withTags(...tags) {
    let flatTags = [];
    for (const tag of tags) flatTags = flatTags.concat(tag);
    return new Schema2([...this.tags, ...flatTags]);
  }
};
var FAILSAFE_SCHEMA = new Schema([
  strTag,
  seqTag,
  mapTag
]);
var JSON_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullJsonTag,
  boolJsonTag,
  intJsonTag,
  floatJsonTag
]);
var CORE_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullCoreTag,
  boolCoreTag,
  intCoreTag,
  floatCoreTag
]);
var YAML11_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullYaml11Tag,
  boolYaml11Tag,
  intYaml11Tag,
  floatYaml11Tag,
  timestampTag,
  mergeTag,
  binaryTag,
  omapTag,
  pairsTag,
  setTag
]);
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
  ...intYaml11Tag,
  resolve: (source, isExplicit, tagName) => {
    const result = intYaml11Tag.resolve(source, isExplicit, tagName);
    return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
  }
}, {
  ...floatYaml11Tag,
  resolve: (source, isExplicit, tagName) => {
    const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
    return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
  }
});
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => /* @__PURE__ */ new Map(),
  addPair: (container, key2, value) => {
    container.set(key2, value);
    return "";
  },
  has: (container, key2) => container.has(key2),
  keys: (container) => container.keys(),
  get: (container, key2) => container.get(key2),
  identify: (data) => data instanceof Map || isPlainObject(data),
  represent: (data) => {
    if (data instanceof Map) return data;
    const map = /* @__PURE__ */ new Map();
    const obj = data;
    for (const key2 of Object.keys(obj)) map.set(key2, obj[key2]);
    return map;
  }
});
function normalizeKey(key2) {
  if (Array.isArray(key2)) {
    const array = Array.prototype.slice.call(key2);
    for (let index = 0; index < array.length; index++) {
      if (Array.isArray(array[index])) return null;
      if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
    }
    return String(array);
  }
  if (typeof key2 === "object" && Object.prototype.toString.call(key2) === "[object Object]") return "[object Object]";
  return String(key2);
}
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlainObject,
  represent: (o) => {
    const map = /* @__PURE__ */ new Map();
    for (const key2 of Object.keys(o)) map.set(key2, o[key2]);
    return map;
  },
  addPair: (container, key2, value) => {
    const normalizedKey = normalizeKey(key2);
    if (normalizedKey === null) return "nested arrays are not supported inside keys";
    if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
      value,
      enumerable: true,
      configurable: true,
      writable: true
    });
    else container[normalizedKey] = value;
    return "";
  },
  has: (container, key2) => {
    const normalizedKey = normalizeKey(key2);
    return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
  },
  keys: (container) => Object.keys(container),
  get: (container, key2) => {
    const normalizedKey = String(key2);
    if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
    return container[normalizedKey];
  }
});
var DEFAULT_SNIPPET_OPTIONS = {
  maxLength: 79,
  indent: 1,
  linesBefore: 3,
  linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
  let head = "";
  let tail = "";
  const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
  if (position - lineStart > maxHalfLength) {
    head = " ... ";
    lineStart = position - maxHalfLength + head.length;
  }
  if (lineEnd - position > maxHalfLength) {
    tail = " ...";
    lineEnd = position + maxHalfLength - tail.length;
  }
  return {
    str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "\u2192") + tail,
    pos: position - lineStart + head.length
  };
}
function padStart(string, max) {
  return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
  if (!mark.buffer) return null;
  const opts = {
    ...DEFAULT_SNIPPET_OPTIONS,
    ...options
  };
  const re = /\r?\n|\r|\0/g;
  const lineStarts = [0];
  const lineEnds = [];
  let match;
  let foundLineNo = -1;
  while (match = re.exec(mark.buffer)) {
    lineEnds.push(match.index);
    lineStarts.push(match.index + match[0].length);
    if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
  }
  if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
  let result = "";
  const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
  const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
  for (let i = 1; i <= opts.linesBefore; i++) {
    if (foundLineNo - i < 0) break;
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
    result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line2.str}
${result}`;
  }
  const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
  result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}
`;
  result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^
`;
  for (let i = 1; i <= opts.linesAfter; i++) {
    if (foundLineNo + i >= lineEnds.length) break;
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
    result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line2.str}
`;
  }
  return result.replace(/\n$/, "");
}
function formatError(exception, compact) {
  let where = "";
  if (!exception.mark) return exception.reason;
  if (exception.mark.name) where += `in "${exception.mark.name}" `;
  where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
  if (!compact && exception.mark.snippet) where += `

${exception.mark.snippet}`;
  return `${exception.reason} ${where}`;
}
var YAMLException = class YAMLException2 extends Error {
  reason;
  mark;
  /**
  * Optional `mark` contains source snippet data. Usually, use
  * {@link YAMLException.throwAt} instead of passing it directly.
  */
  constructor(reason, mark) {
    super();
    this.name = "YAMLException";
    this.reason = reason;
    this.mark = mark;
    this.message = formatError(this, false);
    if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
  }
  /**
  * Returns the formatted error, omitting the source snippet in compact mode.
  */
  toString(compact) {
    return `${this.name}: ${formatError(this, compact)}`;
  }
  /**
  * Builds a YAMLException with a source snippet and throws it. `source` is
  * the raw input text; `position` is an offset into it.
  */
  static throwAt(source, position, message, filename = "") {
    let line = 0;
    let lineStart = 0;
    for (let index = 0; index < position; index++) {
      const ch = source.charCodeAt(index);
      if (ch === 10) {
        line++;
        lineStart = index + 1;
      } else if (ch === 13) {
        line++;
        if (source.charCodeAt(index + 1) === 10) index++;
        lineStart = index + 1;
      }
    }
    const mark = {
      name: filename,
      buffer: source,
      position,
      line,
      column: position - lineStart
    };
    mark.snippet = makeSnippet(mark);
    throw new YAMLException2(message, mark);
  }
};
var EVENT_ID = {
  DOCUMENT: 1,
  SEQUENCE: 2,
  MAPPING: 3,
  SCALAR: 4,
  ALIAS: 5,
  POP: 6
};
var SCALAR_STYLE = {
  PLAIN: 1,
  SINGLE_QUOTED: 2,
  DOUBLE_QUOTED: 3,
  LITERAL_BLOCK: 4,
  FOLDED_BLOCK: 5
};
var COLLECTION_STYLE = {
  BLOCK: 1,
  FLOW: 2
};
var CHOMPING_MODE = {
  CLIP: 1,
  STRIP: 2,
  KEEP: 3
};
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
  switch (c) {
    case 48:
      return "\0";
    case 97:
      return "\x07";
    case 98:
      return "\b";
    case 116:
      return "	";
    case 9:
      return "	";
    case 110:
      return "\n";
    case 118:
      return "\v";
    case 102:
      return "\f";
    case 114:
      return "\r";
    case 101:
      return "\x1B";
    case 32:
      return " ";
    case 34:
      return '"';
    case 47:
      return "/";
    case 92:
      return "\\";
    case 78:
      return "\x85";
    case 95:
      return "\xA0";
    case 76:
      return "\u2028";
    case 80:
      return "\u2029";
    default:
      return "";
  }
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
  simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
  simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
  if (c <= 65535) return String.fromCharCode(c);
  return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
  if (c >= 48 && c <= 57) return c - 48;
  return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
  if (c === 120) return 2;
  if (c === 117) return 4;
  return 8;
}
function skipFoldedBreaks(input, position, end) {
  let breaks = 0;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 10) {
      breaks++;
      position++;
    } else if (ch === 13) {
      breaks++;
      position++;
      if (input.charCodeAt(position) === 10) position++;
    } else if (ch === 32 || ch === 9) position++;
    else break;
  }
  return {
    position,
    breaks
  };
}
function foldedBreaks(count) {
  if (count === 1) return " ";
  return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 39) {
      result += input.slice(captureStart, position) + "'";
      position += 2;
      captureStart = captureEnd = position;
    } else if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 92) {
      result += input.slice(captureStart, position);
      position++;
      const escaped = input.charCodeAt(position);
      if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
      else if (escaped < 256 && simpleEscapeCheck[escaped]) {
        result += simpleEscapeMap[escaped];
        position++;
      } else {
        let hexLength = escapedHexLen$1(escaped);
        let hexResult = 0;
        for (; hexLength > 0; hexLength--) {
          position++;
          const digit = fromHexCode$1(input.charCodeAt(position));
          hexResult = (hexResult << 4) + digit;
        }
        result += charFromCodepoint(hexResult);
        position++;
      }
      captureStart = captureEnd = position;
    } else if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
  const textIndent = indent < 0 ? 0 : indent;
  const region = input.slice(start, end).replace(/\r\n?/g, "\n");
  const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
  let result = "";
  let didReadContent = false;
  let emptyLines = 0;
  let atMoreIndented = false;
  for (const line of lines) {
    let column = 0;
    while (column < textIndent && line.charCodeAt(column) === 32) column++;
    if (indent < 0 || column >= line.length) {
      emptyLines++;
      continue;
    }
    const content = line.slice(textIndent);
    const first = content.charCodeAt(0);
    if (folded) {
      if (first === 32 || first === 9) {
        atMoreIndented = true;
        result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
      } else if (atMoreIndented) {
        atMoreIndented = false;
        result += "\n".repeat(emptyLines + 1);
      } else if (emptyLines === 0) {
        if (didReadContent) result += " ";
      } else result += "\n".repeat(emptyLines);
    } else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
    result += content;
    didReadContent = true;
    emptyLines = 0;
  }
  if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
  else if (chomping !== CHOMPING_MODE.STRIP) {
    if (didReadContent) result += "\n";
  }
  return result;
}
function getScalarValue(input, scalar) {
  if (scalar.valueStart === NO_RANGE$3) return "";
  const { valueStart, valueEnd } = scalar;
  if (scalar.fast) return input.slice(valueStart, valueEnd);
  switch (scalar.style) {
    case SCALAR_STYLE.SINGLE_QUOTED:
      return getSingleQuotedValue(input, valueStart, valueEnd);
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return getDoubleQuotedValue(input, valueStart, valueEnd);
    case SCALAR_STYLE.LITERAL_BLOCK:
      return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
    case SCALAR_STYLE.FOLDED_BLOCK:
      return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
    default:
      return getPlainValue(input, valueStart, valueEnd);
  }
}
var DEFAULT_TAG_HANDLERS = Object.assign(/* @__PURE__ */ Object.create(null), {
  "!": "!",
  "!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
function tagPercentDecode(source) {
  let result = "";
  let index = 0;
  while (index < source.length) {
    if (source.charCodeAt(index) !== 37) {
      result += source[index++];
      continue;
    }
    let ch = parseInt(source.slice(index + 1, index + 3), 16);
    index += 3;
    if (ch >= 192) {
      let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
      ch &= (1 << 6 - remaining) - 1;
      while (remaining-- > 0) {
        ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
        index += 3;
      }
    }
    if (ch < 65536) result += String.fromCharCode(ch);
    else {
      ch -= 65536;
      result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
    }
  }
  return result;
}
function tagNameFull(rawTag, tagHandlers) {
  if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
  const handleEnd = rawTag.indexOf("!", 1);
  const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
  return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
  filename: "",
  schema: CORE_SCHEMA,
  json: false,
  maxTotalMergeKeys: 1e4,
  maxAliases: -1
};
function eventPosition$1(event) {
  if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
  if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
  if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
  if ("start" in event) return event.start;
  return 0;
}
function throwError$1(state, message) {
  YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
  try {
    return tag.finalize(carrier);
  } catch (error) {
    if (error instanceof YAMLException) throw error;
    YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
  }
}
function constructScalar(state, event) {
  const source = getScalarValue(state.source, event);
  const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
  const strTag2 = state.schema.defaultScalarTag;
  if (rawTag !== "") {
    if (rawTag === "!") return {
      value: source,
      tag: strTag2
    };
    const tagName = tagNameFull(rawTag, state.tagHandlers);
    const scalarTag = state.schema.lookupScalarTag(tagName);
    if (scalarTag) {
      const result = scalarTag.resolve(source, true, tagName);
      if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
      return {
        value: result,
        tag: scalarTag
      };
    }
    const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
    if (collectionTagDef) {
      if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
      const carrier = collectionTagDef.create(tagName);
      return {
        value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
        tag: collectionTagDef
      };
    }
    throwError$1(state, `unknown scalar tag !<${tagName}>`);
  }
  if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
  return {
    value: strTag2.resolve(source, false, strTag2.tagName),
    tag: strTag2
  };
}
function collectionTagName(state, event, defaultTagName) {
  const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
  return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
  return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
  state.totalMergeKeys++;
  if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
  chargeMergeWork(state);
  for (const sourceKey of sourceTag.keys(source)) {
    chargeMergeWork(state);
    if (frame.tag.has(frame.value, sourceKey)) continue;
    const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
    if (err) throwError$1(state, err);
    frame.overridable ??= /* @__PURE__ */ new Set();
    frame.overridable.add(sourceKey);
  }
}
function mergeSource(state, frame, source, sourceTag) {
  state.position = frame.keyPosition;
  if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
  else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
    if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
    for (const element of source) {
      const elementTag = state.nodeTags.get(element);
      if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
      mergeKeys(state, frame, element, elementTag);
    }
  } else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key2, value, tag) {
  state.position = frame.keyPosition;
  if (frame.keyIsMerge) {
    mergeSource(state, frame, value, tag);
    return;
  }
  if (!state.json && frame.tag.has(frame.value, key2) && !frame.overridable?.has(key2)) throwError$1(state, "duplicated mapping key");
  const err = frame.tag.addPair(frame.value, key2, value);
  if (err) throwError$1(state, err);
  frame.overridable?.delete(key2);
}
function addValue(state, value, tag) {
  const frame = state.frames[state.frames.length - 1];
  if (frame.kind === "document") {
    frame.value = value;
    frame.hasValue = true;
  } else if (frame.kind === "sequence") {
    if (isMappingTag(tag)) state.nodeTags.set(value, tag);
    const err = frame.tag.addItem(frame.value, value, frame.index++);
    if (err) throwError$1(state, err);
  } else if (frame.hasKey) {
    const key2 = frame.key;
    frame.key = void 0;
    frame.hasKey = false;
    addMappingValue(state, frame, key2, value, tag);
  } else {
    frame.key = value;
    frame.keyPosition = state.position;
    frame.hasKey = true;
    frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
  }
}
function storeAnchor(state, event, value, tag, isValueFinal) {
  if (event.anchorStart !== NO_RANGE$2) {
    const anchor = {
      value,
      tag,
      isValueFinal
    };
    state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
    return anchor;
  }
  return null;
}
function constructFromEvents(events, options) {
  const state = {
    ...DEFAULT_CONSTRUCTOR_OPTIONS,
    ...options,
    events,
    documents: [],
    eventIndex: 0,
    position: 0,
    frames: [],
    anchors: /* @__PURE__ */ new Map(),
    nodeTags: /* @__PURE__ */ new Map(),
    tagHandlers: /* @__PURE__ */ Object.create(null),
    totalMergeKeys: 0,
    aliasCount: 0
  };
  while (state.eventIndex < state.events.length) {
    const event = state.events[state.eventIndex++];
    state.position = eventPosition$1(event);
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        state.anchors = /* @__PURE__ */ new Map();
        state.nodeTags = /* @__PURE__ */ new Map();
        state.aliasCount = 0;
        state.tagHandlers = /* @__PURE__ */ Object.create(null);
        for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
        state.frames.push({
          kind: "document",
          position: state.position,
          value: void 0,
          hasValue: false
        });
        break;
      case EVENT_ID.SCALAR: {
        const { value, tag } = constructScalar(state, event);
        storeAnchor(state, event, value, tag, true);
        addValue(state, value, tag);
        break;
      }
      case EVENT_ID.SEQUENCE: {
        const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
        const tag = state.schema.lookupSequenceTag(tagName);
        if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
        const value = tag.create(tagName);
        const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
        state.frames.push({
          kind: "sequence",
          position: state.position,
          value,
          tag,
          anchor,
          index: 0
        });
        break;
      }
      case EVENT_ID.MAPPING: {
        const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
        const tag = state.schema.lookupMappingTag(tagName);
        if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
        const value = tag.create(tagName);
        const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
        state.frames.push({
          kind: "mapping",
          position: state.position,
          value,
          tag,
          anchor,
          key: void 0,
          keyPosition: state.position,
          hasKey: false,
          keyIsMerge: false,
          overridable: null
        });
        break;
      }
      case EVENT_ID.ALIAS: {
        if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
        const name = state.source.slice(event.anchorStart, event.anchorEnd);
        const anchor = state.anchors.get(name);
        if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
        if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
        addValue(state, anchor.value, anchor.tag);
        break;
      }
      case EVENT_ID.POP: {
        const frame = state.frames.pop();
        if (frame.kind === "mapping" && frame.hasKey) {
          state.position = frame.keyPosition;
          throwError$1(state, "incomplete mapping pair in event stream");
        }
        if (frame.kind === "document") state.documents.push(frame.value);
        else {
          const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
          if (frame.anchor) {
            frame.anchor.value = value;
            frame.anchor.isValueFinal = true;
          }
          addValue(state, value, frame.tag);
        }
        break;
      }
    }
  }
  return state.documents;
}
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
  filename: "",
  maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
  state.events.push({
    type: EVENT_ID.DOCUMENT,
    explicitStart,
    explicitEnd,
    directives: state.directives
  });
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
  state.events.push({
    type: EVENT_ID.SEQUENCE,
    start,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style
  });
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
  state.events.push({
    type: EVENT_ID.MAPPING,
    start,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style
  });
}
function insertFlowPairMappingEvent(state, snapshot) {
  state.events.splice(snapshot.eventsLength, 0, {
    type: EVENT_ID.MAPPING,
    start: snapshot.position,
    anchorStart: NO_RANGE$1,
    anchorEnd: NO_RANGE$1,
    tagStart: NO_RANGE$1,
    tagEnd: NO_RANGE$1,
    style: COLLECTION_STYLE.FLOW
  });
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
  state.events.push({
    type: EVENT_ID.SCALAR,
    valueStart,
    valueEnd,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style,
    chomping,
    indent,
    fast
  });
}
function addAliasEvent(state, anchorStart, anchorEnd) {
  state.events.push({
    type: EVENT_ID.ALIAS,
    anchorStart,
    anchorEnd
  });
}
function addPopEvent(state) {
  state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
  addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
  return {
    anchorStart: NO_RANGE$1,
    anchorEnd: NO_RANGE$1,
    tagStart: NO_RANGE$1,
    tagEnd: NO_RANGE$1
  };
}
function snapshotState(state) {
  return {
    position: state.position,
    line: state.line,
    lineStart: state.lineStart,
    lineIndent: state.lineIndent,
    firstTabInLine: state.firstTabInLine,
    eventsLength: state.events.length
  };
}
function restoreState(state, snapshot) {
  state.position = snapshot.position;
  state.line = snapshot.line;
  state.lineStart = snapshot.lineStart;
  state.lineIndent = snapshot.lineIndent;
  state.firstTabInLine = snapshot.firstTabInLine;
  state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
  YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
  return c === 10 || c === 13;
}
function isWhiteSpace(c) {
  return c === 9 || c === 32;
}
function isWsOrEol(c) {
  return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
  return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
  return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
  if (c >= 48 && c <= 57) return c - 48;
  const lc = c | 32;
  if (lc >= 97 && lc <= 102) return lc - 97 + 10;
  return -1;
}
function escapedHexLen(c) {
  if (c === 120) return 2;
  if (c === 117) return 4;
  if (c === 85) return 8;
  return 0;
}
function isSimpleEscape(c) {
  return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
  if (state.input.charCodeAt(state.position) === 10) state.position++;
  else {
    state.position++;
    if (state.input.charCodeAt(state.position) === 10) state.position++;
  }
  state.line++;
  state.lineStart = state.position;
  state.lineIndent = 0;
  state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
  let lineBreaks = 0;
  let ch = state.input.charCodeAt(state.position);
  let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
  while (ch !== 0) {
    while (isWhiteSpace(ch)) {
      hasSeparation = true;
      if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
      ch = state.input.charCodeAt(++state.position);
    }
    if (allowComments && hasSeparation && ch === 35) do
      ch = state.input.charCodeAt(++state.position);
    while (!isEol(ch) && ch !== 0);
    if (!isEol(ch)) break;
    consumeLineBreak(state);
    lineBreaks++;
    hasSeparation = true;
    ch = state.input.charCodeAt(state.position);
    while (ch === 32) {
      state.lineIndent++;
      ch = state.input.charCodeAt(++state.position);
    }
  }
  return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
  const ch = state.input.charCodeAt(position);
  if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
    const following = state.input.charCodeAt(position + 3);
    return following === 0 || isWsOrEol(following);
  }
  return false;
}
function skipByteOrderMark(state) {
  if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
    state.position++;
    state.lineStart = state.position;
  }
}
function testDocumentBoundary(state) {
  if (state.position !== state.lineStart) return false;
  if (testDocumentSeparator(state)) return true;
  if (state.input.charCodeAt(state.position) !== 65279) return false;
  const snapshot = snapshotState(state);
  skipByteOrderMark(state);
  skipSeparationSpace(state, true);
  const ch = state.input.charCodeAt(state.position);
  const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
  restoreState(state, snapshot);
  return result;
}
function skipUntilLineEnd(state) {
  let ch = state.input.charCodeAt(state.position);
  while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
  const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
  if (match !== null) {
    state.position = start + match.index + match[0].length - 1;
    throwError(state, "the stream contains non-printable characters");
  }
}
function readTagProperty(state, props, inFlow) {
  if (state.input.charCodeAt(state.position) !== 33) return false;
  if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
  const start = state.position;
  let isVerbatim = false;
  let isNamed = false;
  let tagHandle = "!";
  let ch = state.input.charCodeAt(++state.position);
  if (ch === 60) {
    isVerbatim = true;
    ch = state.input.charCodeAt(++state.position);
  } else if (ch === 33) {
    isNamed = true;
    tagHandle = "!!";
    ch = state.input.charCodeAt(++state.position);
  }
  let suffixStart = state.position;
  let tagName;
  if (isVerbatim) {
    while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
    if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
    tagName = state.input.slice(suffixStart, state.position);
    state.position++;
  } else {
    while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
      if (ch === 33) {
        if (!isNamed) {
          tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
          if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
          isNamed = true;
          suffixStart = state.position + 1;
        } else throwError(state, "tag suffix cannot contain exclamation marks");
      }
      ch = state.input.charCodeAt(++state.position);
    }
    tagName = state.input.slice(suffixStart, state.position);
    if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
  }
  if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
  if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
  props.tagStart = start;
  props.tagEnd = state.position;
  return true;
}
function readAnchorProperty(state, props) {
  if (state.input.charCodeAt(state.position) !== 38) return false;
  if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
  state.position++;
  const start = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
  if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
  props.anchorStart = start;
  props.anchorEnd = state.position;
  return true;
}
function readAlias(state, props) {
  if (state.input.charCodeAt(state.position) !== 42) return false;
  if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
  state.position++;
  const start = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
  if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
  addAliasEvent(state, start, state.position);
  return true;
}
function readFlowScalarBreak(state, nodeIndent) {
  skipSeparationSpace(state, false);
  if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
  if (state.input.charCodeAt(state.position) !== 39) return false;
  state.position++;
  const start = state.position;
  let simple = true;
  while (state.input.charCodeAt(state.position) !== 0) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 39) {
      if (state.input.charCodeAt(state.position + 1) === 39) {
        simple = false;
        state.position += 2;
        continue;
      }
      const end = state.position;
      state.position++;
      addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
      return true;
    }
    if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state, nodeIndent);
    } else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
    else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
    else state.position++;
  }
  throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
  if (state.input.charCodeAt(state.position) !== 34) return false;
  state.position++;
  const start = state.position;
  let simple = true;
  while (state.input.charCodeAt(state.position) !== 0) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 34) {
      const end = state.position;
      state.position++;
      addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
      return true;
    }
    if (ch === 92) {
      simple = false;
      const escaped = state.input.charCodeAt(++state.position);
      if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
      else if (isSimpleEscape(escaped)) state.position++;
      else {
        let hexLength = escapedHexLen(escaped);
        if (hexLength === 0) throwError(state, "unknown escape sequence");
        while (hexLength-- > 0) {
          state.position++;
          if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
        }
        state.position++;
      }
    } else if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state, nodeIndent);
    } else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
    else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
    else state.position++;
  }
  throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
  const ch = state.input.charCodeAt(state.position);
  let chomping = CHOMPING_MODE.CLIP;
  let indent = -1;
  let detectedIndent = false;
  if (ch !== 124 && ch !== 62) return false;
  const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
  state.position++;
  while (state.input.charCodeAt(state.position) !== 0) {
    const current = state.input.charCodeAt(state.position);
    const digit = fromDecimalCode(current);
    if (current === 43 || current === 45) {
      if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
      chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
      state.position++;
    } else if (digit >= 0) {
      if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
      if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
      indent = parentIndent + digit - 1;
      detectedIndent = true;
      state.position++;
    } else break;
  }
  let hadWhitespace = false;
  while (isWhiteSpace(state.input.charCodeAt(state.position))) {
    hadWhitespace = true;
    state.position++;
  }
  if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
  let contentIndent = detectedIndent ? indent : -1;
  let maxLeadingIndent = 0;
  const valueStart = state.position;
  let valueEnd = state.position;
  while (state.input.charCodeAt(state.position) !== 0) {
    const linePosition = state.position;
    let column = 0;
    while (state.input.charCodeAt(linePosition + column) === 32) column++;
    const first = state.input.charCodeAt(linePosition + column);
    if (first === 0) {
      if (contentIndent >= 0) {
        if (column > contentIndent) valueEnd = linePosition + column;
      } else if (column > 0) valueEnd = linePosition + column;
      break;
    }
    if (testDocumentBoundary(state)) break;
    if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
    if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
      if (first === 9 && column < parentIndent) {
        state.position = linePosition + column;
        throwError(state, "tab characters must not be used in indentation");
      }
      if (column >= parentIndent && column < maxLeadingIndent) {
        state.position = linePosition + column;
        throwError(state, "bad indentation of a mapping entry");
      }
    }
    if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
      state.lineIndent = column;
      state.position = linePosition + column;
      break;
    }
    if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
    const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
    if (first !== 0 && !isEol(first) && column < requiredIndent) {
      state.lineIndent = column;
      state.position = linePosition + column;
      break;
    }
    skipUntilLineEnd(state);
    valueEnd = state.position;
    if (isEol(state.input.charCodeAt(state.position))) {
      consumeLineBreak(state);
      valueEnd = state.position;
    }
  }
  checkPrintable(state, valueStart, valueEnd);
  addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
  return true;
}
function canStartPlainScalar(state, nodeContext) {
  const ch = state.input.charCodeAt(state.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
  if (ch === 63 || ch === 45) {
    const following = state.input.charCodeAt(state.position + 1);
    if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
  }
  return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
  if (!canStartPlainScalar(state, nodeContext)) return false;
  const start = state.position;
  let end = state.position;
  let ch = state.input.charCodeAt(state.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  let multiline = false;
  while (ch !== 0) {
    if (testDocumentBoundary(state)) break;
    if (ch === 58) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
    } else if (ch === 35) {
      if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
    } else if (inFlow && isFlowIndicator(ch)) break;
    else if (isEol(ch)) {
      const savedPosition = state.position;
      const savedLine = state.line;
      const savedLineStart = state.lineStart;
      const savedLineIndent = state.lineIndent;
      skipSeparationSpace(state, false);
      if (state.lineIndent >= nodeIndent) {
        multiline = true;
        ch = state.input.charCodeAt(state.position);
        continue;
      }
      state.position = savedPosition;
      state.line = savedLine;
      state.lineStart = savedLineStart;
      state.lineIndent = savedLineIndent;
      break;
    }
    if (!isWhiteSpace(ch)) end = state.position + 1;
    ch = state.input.charCodeAt(++state.position);
  }
  if (end === start) return false;
  checkPrintable(state, start, end);
  addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
  return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
  const startLine = state.line;
  skipSeparationSpace(state, true);
  if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
  const ch = state.input.charCodeAt(state.position);
  const isMapping2 = ch === 123;
  const start = state.position;
  let readNext = true;
  if (ch !== 91 && ch !== 123) return false;
  const terminator = isMapping2 ? 125 : 93;
  if (isMapping2) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
  else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
  state.position++;
  while (state.input.charCodeAt(state.position) !== 0) {
    skipFlowSeparationSpace(state, nodeIndent);
    let ch2 = state.input.charCodeAt(state.position);
    if (ch2 === terminator) {
      state.position++;
      addPopEvent(state);
      return true;
    } else if (!readNext) throwError(state, "missed comma between flow collection entries");
    else if (ch2 === 44) throwError(state, "expected the node content, but found ','");
    let isPair = false;
    let isExplicitPair = false;
    if (ch2 === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
      isPair = isExplicitPair = true;
      state.position += 1;
      skipFlowSeparationSpace(state, nodeIndent);
    }
    const entryLine = state.line;
    const entryStart = snapshotState(state);
    const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
    skipFlowSeparationSpace(state, nodeIndent);
    ch2 = state.input.charCodeAt(state.position);
    if ((isMapping2 || isExplicitPair || state.line === entryLine) && ch2 === 58) {
      isPair = true;
      state.position++;
      skipFlowSeparationSpace(state, nodeIndent);
      if (!isMapping2) {
        insertFlowPairMappingEvent(state, entryStart);
        if (!keyWasRead) addEmptyScalarEvent(state);
      } else if (!keyWasRead) addEmptyScalarEvent(state);
      if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
      skipFlowSeparationSpace(state, nodeIndent);
      if (!isMapping2) addPopEvent(state);
    } else if (isMapping2 && isPair) {
      if (!keyWasRead) addEmptyScalarEvent(state);
      addEmptyScalarEvent(state);
    } else if (isMapping2) addEmptyScalarEvent(state);
    else if (isPair) {
      insertFlowPairMappingEvent(state, entryStart);
      if (!keyWasRead) addEmptyScalarEvent(state);
      addEmptyScalarEvent(state);
      addPopEvent(state);
    }
    ch2 = state.input.charCodeAt(state.position);
    if (ch2 === 44) {
      readNext = true;
      state.position++;
    } else readNext = false;
  }
  throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
  if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
  addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
  while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
    if (state.firstTabInLine !== -1) {
      state.position = state.firstTabInLine;
      throwError(state, "tab characters must not be used in indentation");
    }
    const entryLine = state.line;
    state.position++;
    const hadBreak = skipSeparationSpace(state, true) > 0;
    if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
    if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
    else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
    skipSeparationSpace(state, true);
    if (state.lineIndent < nodeIndent || state.position >= state.length) break;
    if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
    if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
  }
  addPopEvent(state);
  return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
  let atExplicitKey = false;
  let detected = false;
  let mappingOpened = false;
  let pendingExplicitKey = false;
  if (state.firstTabInLine !== -1) return false;
  let ch = state.input.charCodeAt(state.position);
  while (ch !== 0) {
    if (!atExplicitKey && state.firstTabInLine !== -1) {
      state.position = state.firstTabInLine;
      throwError(state, "tab characters must not be used in indentation");
    }
    const following = state.input.charCodeAt(state.position + 1);
    const entryLine = state.line;
    if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
      if (!mappingOpened) {
        addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
        mappingOpened = true;
      }
      if (ch === 63) {
        if (atExplicitKey) addEmptyScalarEvent(state);
        detected = true;
        atExplicitKey = true;
      } else if (atExplicitKey) atExplicitKey = false;
      else {
        addEmptyScalarEvent(state);
        detected = true;
        atExplicitKey = false;
      }
      state.position += 1;
      pendingExplicitKey = true;
    } else {
      if (atExplicitKey) {
        addEmptyScalarEvent(state);
        atExplicitKey = false;
      }
      const beforeKey = snapshotState(state);
      if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
      if (state.line === entryLine) {
        ch = state.input.charCodeAt(state.position);
        while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
        if (ch === 58) {
          ch = state.input.charCodeAt(++state.position);
          if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
          if (!mappingOpened) {
            state.events.splice(beforeKey.eventsLength, 0, {
              type: EVENT_ID.MAPPING,
              start: beforeKey.position,
              anchorStart: props.anchorStart,
              anchorEnd: props.anchorEnd,
              tagStart: props.tagStart,
              tagEnd: props.tagEnd,
              style: COLLECTION_STYLE.BLOCK
            });
            mappingOpened = true;
          }
          detected = true;
          atExplicitKey = false;
          pendingExplicitKey = false;
        } else if (detected) throwError(state, "expected ':' after a mapping key");
        else {
          if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
            restoreState(state, beforeKey);
            return false;
          }
          return true;
        }
      } else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
      else {
        if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
          restoreState(state, beforeKey);
          return false;
        }
        return true;
      }
    }
    if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
    if (!atExplicitKey) {
      if (pendingExplicitKey) {
        addEmptyScalarEvent(state);
        pendingExplicitKey = false;
      }
    }
    skipSeparationSpace(state, true);
    ch = state.input.charCodeAt(state.position);
    if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
    else if (state.lineIndent < nodeIndent) break;
  }
  if (!detected) return false;
  if (atExplicitKey) addEmptyScalarEvent(state);
  if (mappingOpened) addPopEvent(state);
  return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
  if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
  state.depth++;
  let indentStatus = 1;
  let atNewLine = false;
  let hasContent = false;
  let propertyStart = null;
  const props = emptyProperties();
  let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
  let allowBlockCollections = allowBlockScalars;
  const allowBlockStyles = allowBlockScalars;
  if (allowToSeek && skipSeparationSpace(state, true)) {
    atNewLine = true;
    if (state.lineIndent > parentIndent) indentStatus = 1;
    else if (state.lineIndent === parentIndent) indentStatus = 0;
    else indentStatus = -1;
  }
  if (indentStatus === 1) while (true) {
    const ch = state.input.charCodeAt(state.position);
    const propertyState = snapshotState(state);
    if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
    if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
      const fallbackState = snapshotState(state);
      const flowIndent = parentIndent + 1;
      if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
        state.depth--;
        return true;
      }
      restoreState(state, fallbackState);
    }
    if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
    if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
    if (propertyStart === null) propertyStart = propertyState;
    if (skipSeparationSpace(state, true)) {
      atNewLine = true;
      allowBlockCollections = allowBlockStyles;
      if (state.lineIndent > parentIndent) indentStatus = 1;
      else if (state.lineIndent === parentIndent) indentStatus = 0;
      else indentStatus = -1;
    } else allowBlockCollections = false;
  }
  if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
  if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
    const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
    const blockIndent = state.position - state.lineStart;
    if (indentStatus === 1) {
      if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
      else {
        const ch = state.input.charCodeAt(state.position);
        if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
          const fallbackState = snapshotState(state);
          const propertyIndent = propertyStart.position - propertyStart.lineStart;
          restoreState(state, propertyStart);
          if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
          else restoreState(state, fallbackState);
        }
        if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
      }
    } else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
  }
  allowBlockScalars = allowBlockScalars && !hasContent;
  if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
    addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
    hasContent = true;
  }
  state.depth--;
  return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
  if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
  state.position++;
  const nameStart = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
  const name = state.input.slice(nameStart, state.position);
  const args = [];
  if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
  while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
    while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
    if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
    const start = state.position;
    while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
    args.push(state.input.slice(start, state.position));
  }
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  if (name === "YAML") {
    if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
    if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
    const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
    if (match === null) throwError(state, "ill-formed argument of the YAML directive");
    if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
    state.directives.push({
      kind: "yaml",
      version: args[0]
    });
  } else if (name === "TAG") {
    if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
    const [handle, prefix2] = args;
    if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
    if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
    if (!PATTERN_TAG_PREFIX.test(prefix2)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
    state.tagHandlers[handle] = prefix2;
    state.directives.push({
      kind: "tag",
      handle,
      prefix: prefix2
    });
  }
  return true;
}
function readDocument(state) {
  state.directives = [];
  state.tagHandlers = /* @__PURE__ */ Object.create(null);
  let hasDirectives = false;
  skipSeparationSpace(state, true);
  while (readDirective(state)) {
    hasDirectives = true;
    skipSeparationSpace(state, true);
  }
  let explicitStart = false;
  let explicitEnd = false;
  let allowCompact = true;
  if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
    explicitStart = true;
    const markerLine = state.line;
    state.position += 3;
    skipSeparationSpace(state, true);
    allowCompact = state.line > markerLine;
  } else if (hasDirectives) throwError(state, "directives end mark is expected");
  const documentEventIndex = state.events.length;
  if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
    state.position += 3;
    skipSeparationSpace(state, true);
    return;
  }
  addDocumentEvent(state, explicitStart, false);
  if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
  skipSeparationSpace(state, true);
  if (state.position === state.lineStart && testDocumentSeparator(state)) {
    explicitEnd = state.input.charCodeAt(state.position) === 46;
    if (explicitEnd) {
      const markerLine = state.line;
      state.position += 3;
      skipSeparationSpace(state, true);
      if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
    }
  }
  const documentEvent = state.events[documentEventIndex];
  if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
  addPopEvent(state);
  if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
function parseEvents(input, options) {
  const length = input.length;
  const state = {
    ...DEFAULT_PARSER_OPTIONS,
    ...options,
    input: `${input}\0`,
    length,
    position: 0,
    line: 0,
    lineStart: 0,
    lineIndent: 0,
    firstTabInLine: -1,
    depth: 0,
    directives: [],
    tagHandlers: /* @__PURE__ */ Object.create(null),
    events: []
  };
  const nullpos = input.indexOf("\0");
  if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
  while (state.position < state.length) {
    skipByteOrderMark(state);
    skipSeparationSpace(state, true);
    if (state.position >= state.length) break;
    const documentStart = state.position;
    readDocument(state);
    if (state.position === documentStart)
      throwError(state, "can not read a document");
  }
  return state.events;
}
var DEFAULT_LOAD_OPTIONS = {
  ...DEFAULT_PARSER_OPTIONS,
  ...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
  const opts = {
    ...DEFAULT_LOAD_OPTIONS,
    ...options
  };
  const source = String(input);
  const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS);
  const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
  return constructFromEvents(parseEvents(source, pick(opts, PARSER_OPT_KEYS)), {
    ...pick(opts, CONSTRUCTOR_OPT_KEYS),
    source
  });
}
function loadAll(input, iteratorOrOptions, options) {
  let iterator = null;
  if (typeof iteratorOrOptions === "function") iterator = iteratorOrOptions;
  else if (iteratorOrOptions !== null && typeof iteratorOrOptions === "object") options = iteratorOrOptions;
  const documents = loadDocuments(input, options);
  if (iterator === null) return documents;
  for (const document of documents) iterator(document);
}
function hasBit(mask, bit) {
  return (mask & 1 << bit) !== 0;
}
var DEFAULT_SCALAR_STYLE_RULES = {
  applyQuoteFlowKeysOption,
  doubleQuoteForInvisibles,
  doubleQuoteWhitespaceOnly,
  applyForceQuotesOption,
  tryLongOrMultilineAsBlock,
  quoteInvalidPlain,
  fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
  if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
  return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
  if (!layout.presenterOptions.quoteFlowKeys) return;
  if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
  layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
  if (!layout.presenterOptions.forceQuotes) return;
  if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
  if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
  layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
  if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
  const value = layout.node.value;
  const multiline = value.indexOf("\n") !== -1;
  if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
    if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
    return;
  }
  const w = layout.presenterOptions.lineWidth;
  if (w === -1) {
    if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
    return;
  }
  const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
  let position = 0;
  let shouldFold = false;
  while (position <= value.length) {
    let lineEnd = value.length;
    const nextLineBreak = value.indexOf("\n", position);
    if (nextLineBreak !== -1) lineEnd = nextLineBreak;
    const line = value.slice(position, lineEnd);
    if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
    if (nextLineBreak === -1) break;
    position = nextLineBreak + 1;
  }
  if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
  else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
  if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var DEFAULT_PRESENTER_OPTIONS = {
  indent: 2,
  seqNoIndent: false,
  seqInlineFirst: true,
  lineWidth: 80,
  flowBracketPadding: false,
  flowSkipCommaSpace: false,
  flowSkipColonSpace: false,
  quoteFlowKeys: false,
  quoteStyle: "single",
  forceQuotes: false,
  scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
  tagBeforeAnchor: false
};
var DEFAULT_DUMP_OPTIONS = {
  ...DEFAULT_PRESENTER_OPTIONS,
  schema: DUMP_SCHEMA,
  skipInvalid: false,
  noRefs: false,
  flowLevel: -1,
  sortKeys: false,
  transform: () => {
  }
};
var EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
var EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
var EVENT_MAPPING = EVENT_ID.MAPPING;
var EVENT_SCALAR = EVENT_ID.SCALAR;
var EVENT_ALIAS = EVENT_ID.ALIAS;
var EVENT_POP = EVENT_ID.POP;
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
var SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
var SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
var SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;

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
  const record2 = (path6, origin) => origins.set(key(path6), origin);
  const merge = (b, bPath, o, oPath, path6) => {
    if (isMapping(b) && isMapping(o)) {
      record2(path6, { doc: base, path: bPath });
      const out = {};
      for (const [k, v] of Object.entries(b)) {
        if (Object.hasOwn(o, k) && o[k] === null) continue;
        define(out, k, v);
        record2([...path6, k], { doc: base, path: [...bPath, k] });
      }
      for (const [k, v] of Object.entries(o)) {
        if (FORBIDDEN_KEYS.has(k) || v === null) continue;
        if (Object.hasOwn(b, k)) define(out, k, merge(b[k], [...bPath, k], v, [...oPath, k], [...path6, k]));
        else {
          define(out, k, v);
          record2([...path6, k], { doc: overlay, path: [...oPath, k] });
        }
      }
      return out;
    }
    if (isNamedList(b) && isNamedList(o)) {
      record2(path6, { doc: base, path: bPath });
      const out = [];
      const byName2 = new Map(o.map((item, j) => [item.name, j]));
      b.forEach((item, i) => {
        const j = byName2.get(item.name);
        if (j === void 0) {
          record2([...path6, out.length], { doc: base, path: [...bPath, i] });
          out.push(item);
        } else {
          out.push(merge(item, [...bPath, i], o[j], [...oPath, j], [...path6, out.length]));
        }
      });
      const inBase = new Set(b.map((item) => item.name));
      o.forEach((item, j) => {
        if (inBase.has(item.name)) return;
        record2([...path6, out.length], { doc: overlay, path: [...oPath, j] });
        out.push(item);
      });
      return out;
    }
    record2(path6, { doc: overlay, path: oPath });
    return o;
  };
  const data = merge(base.data, [], overlay.data, [], []);
  return {
    file: overlay.file,
    index: overlay.index,
    data,
    base: base.file,
    locate(path6, part) {
      for (let n = path6.length; n >= 0; n--) {
        const origin = origins.get(key(path6.slice(0, n)));
        if (!origin) continue;
        return { ...origin.doc.locate([...origin.path, ...path6.slice(n)], part), file: origin.doc.file };
      }
      return { ...overlay.locate([], part), file: overlay.file };
    }
  };
}
function key(path6) {
  return JSON.stringify(path6);
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
    const path6 = error.instancePath ? error.instancePath.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")) : [];
    if (error.keyword === "additionalProperties") path6.push(error.params.additionalProperty);
    else if (error.keyword === "required" || error.keyword === "if") continue;
    if (!drop(copy, path6)) return void 0;
  }
  return validate(copy) ? copy : void 0;
}
function drop(data, path6) {
  const last = path6.at(-1);
  if (last === void 0) return false;
  let node = data;
  for (const segment of path6.slice(0, -1)) {
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
      for (const d of fast) documents.push({ file, doc: { file: file.path, index: d.index, data: d.data, locate: (path6, part) => strict(d.index).locate(path6, part) } });
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
function settingsProblem(tenancy, path6, code3, message) {
  const full = ["spec", "tenancy", ...path6];
  return tenancy.source ? problemAt(tenancy.source, full, code3, message) : { file: SETTINGS_FILE, code: code3, message };
}
function settingsPlace(tenancy, path6) {
  const p = settingsProblem(tenancy, path6, "", "");
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
      for (const { host, path: path6 } of unitHosts(app, base)) {
        const key2 = `${env}/${host}`;
        const other = taken.get(key2);
        if (other && other.claim !== claim.metadata.name) {
          problems.push(problemAt(doc2, path6, "host-clash", `host ${host} is already served by claim "${other.claim}" at ${placeOf(other.doc, other.path)}; a host belongs to one claim per environment`));
        } else if (!other) {
          taken.set(key2, { doc: doc2, path: path6, claim: claim.metadata.name });
        }
        if (registry && team && !team.hosts.some((p) => hostMatches(host, p))) {
          problems.push(problemAt(doc2, path6, "host-not-granted", `host ${host} is outside the hosts granted to team ${team.id} (${team.hosts.join(", ") || "none"}); the platform grants hosts in ${settingsPlace(settings.tenancy, ["teams", team.id])} (hosts)`));
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
  const path6 = (key2) => [...base, "values", "ingress", "annotations", key2];
  const granted = team?.grants.ingressGroups ?? [];
  const where = team && settings.tenancy ? `${settingsPlace(settings.tenancy, ["teams", team.id])} (grants.ingressGroups)` : "deployments/settings.yaml (spec.tenancy.teams.<team>.grants.ingressGroups)";
  const problems = [];
  const group = annotations[ALB_GROUP_NAME];
  const groupGranted = typeof group === "string" && granted.includes(group);
  if (group !== void 0 && !groupGranted) {
    problems.push(problemAt(doc2, path6(ALB_GROUP_NAME), "ingress-group-not-granted", `${ALB_GROUP_NAME} would put this Ingress on a load balancer shared with other claims; only a group granted to the team may be joined (${granted.join(", ") || "none granted"}): ${where}`));
  }
  if (annotations[ALB_GROUP_ORDER] !== void 0 && !groupGranted) {
    problems.push(problemAt(doc2, path6(ALB_GROUP_ORDER), "ingress-group-not-granted", `${ALB_GROUP_ORDER} orders this Ingress's rules among other claims' on a shared load balancer; it needs ${ALB_GROUP_NAME} naming a group granted to the team: ${where}`));
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
    const path6 = ["securityContext", k];
    if (k === "readOnlyRootFilesystem" && x === false) {
      out.push({ path: path6, message: "securityContext.readOnlyRootFilesystem: false makes the root filesystem writable", grant: "securityContext.readOnlyRootFilesystem" });
      continue;
    }
    const ok = k === "runAsNonRoot" && x === true || k === "allowPrivilegeEscalation" && x === false || k === "readOnlyRootFilesystem" && x === true || k === "runAsUser" && isId(x) || k === "capabilities" && isObject(x) && Object.keys(x).every((c) => c === "drop") && Array.isArray(x.drop) && x.drop.includes("ALL");
    if (!ok) out.push({ path: path6, message: `securityContext.${k}: ${show(x)} loosens the container's security (Pod Security restricted: no privilege escalation, capabilities drop ALL and add none, non-root)` });
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
        const path6 = ["spec", "applications", i, "values", ...v.path];
        if (v.grant) {
          problems.push(problemAt(source, path6, "values-needs-grant", `${v.message}; only the platform team can allow it, by granting "${v.grant}" to team "${team}" (${GRANTS_FIELD})`, "key"));
        } else {
          problems.push(problemAt(source, path6, "values-loosens-security", `${v.message}; ${v.why ?? "the chart runs every pod under Pod Security restricted, so values may only tighten this, and no grant changes that"}`, "key"));
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
function walk(node, path6, key2, doc2, out) {
  if (typeof node === "string") {
    const rule2 = credentialIn(key2, node);
    if (rule2) out.push(problemAt(doc2, path6, "credential-in-claim", `${key2 ?? "this value"} looks like a credential (${rule2}); ${ADVICE} (or the chart's existingSecret)`));
  } else if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, [...path6, i], key2, doc2, out));
  } else if (node !== null && typeof node === "object") {
    const map = node;
    for (const [k, v] of Object.entries(map)) {
      const name = k === "value" && typeof map.name === "string" ? map.name : k;
      walk(v, [...path6, k], name, doc2, out);
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
      const path6 = Object.hasOwn(team.namespaces, env) ? ["teams", team.id, "namespaces", env] : ["teams", team.id];
      const owner = namespaceOwner(namespace, settings);
      const other = homes.get(`${env}/${namespace}`);
      if (owner) problems.push(settingsProblem(tenancy, path6, "namespace-reserved", `team ${team.id}'s namespace in ${env}, ${namespace}, is ${owner}`));
      else if (other) problems.push(settingsProblem(tenancy, path6, "namespace-clash", `team ${team.id}'s namespace in ${env}, ${namespace}, is also team ${other}'s; give each team its own`));
      else homes.set(`${env}/${namespace}`, team.id);
    }
  }
  for (const team of teams) {
    team.grants.namespaces.forEach((namespace, i) => {
      const path6 = ["teams", team.id, "grants", "namespaces", i];
      const owner = namespaceOwner(namespace, settings);
      const home = [...homes].find(([key2, id]) => key2.endsWith(`/${namespace}`) && id !== team.id);
      if (owner) problems.push(settingsProblem(tenancy, path6, "namespace-reserved", `namespace ${namespace} is ${owner}; it cannot be granted`));
      else if (home) problems.push(settingsProblem(tenancy, path6, "namespace-clash", `namespace ${namespace} is team ${home[1]}'s (${home[0].split("/")[0]}); a grant would let team ${team.id} read its Secrets`));
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
        const path6 = ["spec", "applications", i, list2, j, "name"];
        const name = jobObjectName(app.name, job.name);
        if (name.length > max) {
          problems.push(problemAt(doc2, path6, "job-name-too-long", `"${name}" (app-job) is ${name.length} characters; a ${list2 === "jobs" ? "Job" : "CronJob"} name allows ${max}: shorten the job or the app name`));
        }
        const key2 = `${list2}/${name}`;
        const other = seen.get(key2);
        if (other) problems.push(problemAt(doc2, path6, "duplicate-job", `${list2 === "jobs" ? "Job" : "CronJob"} "${name}" is already made by ${placeOf(doc2, other)}`));
        else seen.set(key2, path6);
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
function resourceProblems(r, path6, doc2, at) {
  if (!r?.limits) return [];
  const out = [];
  for (const k of ["cpu", "memory"]) {
    const req = r.requests?.[k] ?? r[k];
    const lim = r.limits[k];
    if (req === void 0 || lim === void 0) continue;
    const a = parseQuantity(req);
    const b = parseQuantity(lim);
    if (a !== void 0 && b !== void 0 && a > b) out.push(at(doc2, [...path6, "limits", k], "request-over-limit", `${k} limit ${lim} is below the request ${req}`));
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

// src/io/tree.ts
import { randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { readdir as readdir3, rmdir, unlink } from "node:fs/promises";
import path3 from "node:path";

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
  const existing = await scanRendered(root, options.envs);
  const byPath = new Map(existing.files.map((f) => [f.path, f]));
  const planned = new Set(files.map((f) => f.path));
  const written = [];
  let unchanged = 0;
  const problems = [];
  for (const file of files) {
    const current = byPath.get(file.path);
    if (current && !current.generated) {
      problems.push({ file: file.path, code: "not-generated", message: `${file.path} exists but was not generated by infraforge-render; refusing to overwrite it` });
      continue;
    }
    if (current && current.content.length === Buffer.byteLength(file.content) && current.content.toString("utf8") === file.content) unchanged++;
    else written.push(file);
  }
  const deleted = existing.files.filter((f) => f.generated && !planned.has(f.path)).map((f) => f.path);
  const unmanaged = unmanagedProblems(unmanagedFiles(existing.files, planned), options.allowUnmanaged === true);
  problems.push(...unmanaged.problems);
  if (problems.length) throw new InputError(sortProblems(problems));
  if (!options.allowDeletions) guardDeletions(existing.files, files, options.maxDeletedApps);
  const result = { written: written.map((f) => f.path), deleted, unchanged, unmanaged: unmanaged.allowed };
  if (options.check) return result;
  await stageAndCommit(root, written, existing.dirs);
  await mapLimit(deleted, IO_CONCURRENCY, (rel) => unlink(path3.join(root, rel)));
  await removeEmptyDirs(root, deleted);
  for (const stale of existing.staleTemps) await unlink(path3.join(root, stale)).catch(() => void 0);
  return result;
}
function guardDeletions(existing, files, maxDeletedApps) {
  const mass = massDeletion(
    existing.filter((f) => f.generated).map((f) => f.path),
    files.map((f) => f.path),
    maxDeletedApps
  );
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
    ensureRealDirs(root, files.map((f) => path3.posix.dirname(f.path)), realDirs);
    files.forEach((file, i) => {
      const target = path3.join(root, file.path);
      const temp = `${path3.dirname(target)}/.${path3.basename(target)}.${tag}-${i}${TEMP_SUFFIX}`;
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
    for (let d = dir; d !== "." && d !== ""; d = path3.posix.dirname(d)) {
      if (needed.has(d)) break;
      needed.add(d);
    }
  }
  const byDepth = [...needed].sort((a, b) => a.split("/").length - b.split("/").length || cmp(a, b));
  for (const rel of byDepth) {
    if (realDirs.has(rel)) continue;
    const abs = path3.join(root, rel);
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
    let dir = path3.posix.dirname(rel);
    while (dir.startsWith(`${RENDERED_DIR}/`)) {
      dirs.add(dir);
      dir = path3.posix.dirname(dir);
    }
  }
  for (const dir of [...dirs].sort((a, b) => b.length - a.length || cmp(a, b))) {
    try {
      if ((await readdir3(path3.join(root, dir))).length === 0) await rmdir(path3.join(root, dir));
    } catch {
    }
  }
}

// src/oci/render-checks.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";
import path4 from "node:path";

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
  const at = chartFieldPosition(file, await readFile(path4.join(options.root, file), "utf8").catch(() => ""), "version");
  throw new InfraError(`${file}:${at.line}:${at.col}: chart ${target.display} is not published yet; ApplicationSets must not pin a version the registry lacks: publish it first (publish-chart / infraforge chart publish)`);
}
async function recordedDigests(root, images) {
  const digests = /* @__PURE__ */ new Map();
  for (const image of images.filter((i) => i.pinnable)) {
    const text = await readFile(path4.join(root, image.valuesPath), "utf8").catch(() => void 0);
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
var import_yaml2 = __toESM(require_dist(), 1);
var DATA_TYPES = ["postgresql", "redis", "rabbitmq", "mongodb", "elasticsearch", "kafka"];
var storeKey = (s) => `${s.env}/${s.claim}/${s.name}`;
var HEADER = /^# Generated by infraforge-render from (\S+)\. /;
var VALUES = /^rendered\/([^/]+)\/([^/]+)\/([^/]+)\/values\.yaml$/;
var APPSET = /^rendered\/([^/]+)\/([^/]+)\/applicationset\.yaml$/;
var isDoc = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function read(text) {
  try {
    const doc2 = (0, import_yaml2.parse)(text, { maxAliasCount: 0, uniqueKeys: true });
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
  for (const [path6, text] of files) {
    const m = APPSET.exec(path6);
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
  for (const [path6, text] of files) {
    const m = VALUES.exec(path6);
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
  const path6 = index >= 0 ? ["spec", "components", index, "name"] : ["spec", "components"];
  return { file: loaded.source.file, ...loaded.source.locate(path6, "value"), field: formatFieldPath(path6) };
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
      const path6 = ["spec", "acknowledge", j];
      stale.push({
        file: loaded.source.file,
        ...loaded.source.locate(path6, "value"),
        code: "acknowledge-stale",
        message: `acknowledgement of ${a.change} for ${a.component} matches no change in this run: remove it once its change is merged, so it cannot wave through a later one`,
        field: formatFieldPath(path6)
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
    ...pick2(options, ["verifyImages", "verifyChart", "digestSource", "log"])
  });
  if (checks.problems.length) throw new InputError(sortProblems(checks.problems));
  const renderSettings = checks.digests ? { ...settings, image: { ...settings.image, digests: checks.digests } } : settings;
  const inputBytes = new Map(discovery.files.map((f) => [f.path, Buffer.byteLength(f.text)]));
  const plan = renderPlan(claims, renderSettings, await valuesValidator(root), { inputBytes });
  if (plan.problems.length) throw new InputError(sortProblems(plan.problems));
  const envs = wanted ? [...wanted].sort(cmp) : known;
  return { settings, claims, files: plan.files, envs, ignored: discovery.ignored };
}
async function listEnvironments(root) {
  const discovery = await discoverClaimFiles(root);
  if (discovery.problems.length) throw new InputError(sortProblems(discovery.problems));
  return environmentsInScope(root, discovery.envs);
}
async function environmentsInScope(root, deploymentEnvs) {
  const renderedEnvs = await listDirs(path5.join(root, RENDERED_DIR));
  return [.../* @__PURE__ */ new Set([...deploymentEnvs, ...renderedEnvs])].sort(cmp);
}
async function renderRepository(options) {
  const rendered = await buildPlan(options);
  const safety = dataSafety(await renderedOnDisk(options.root, rendered.envs), new Map(rendered.files.map((f) => [f.path, f.content])), rendered.claims);
  for (const p of safety.verdict.stale) options.log?.(`warning: ${formatProblem(p)}`);
  if (safety.verdict.renderProblems.length) throw new InputError(sortProblems(safety.verdict.renderProblems));
  const result = await applyPlan(rendered.files, {
    root: options.root,
    envs: rendered.envs,
    check: options.check ?? false,
    allowDeletions: rendered.settings.allowDeletions,
    maxDeletedApps: rendered.settings.maxDeletedApps,
    allowUnmanaged: options.allowUnmanaged ?? false
  });
  return { ...result, rendered };
}
async function valuesValidator(root) {
  const file = `${CHART_DIR}/values.schema.json`;
  let schema;
  try {
    schema = JSON.parse(await readFile2(path5.join(root, file), "utf8"));
  } catch (error) {
    throw new InputError([{ file, code: "values-schema-missing", message: `cannot read ${file}: ${error.message}` }]);
  }
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
function pick2(from, keys) {
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
  CORE_SCHEMA,
  loadAll,
  scanRendered,
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

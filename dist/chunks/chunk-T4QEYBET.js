import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/printable.ts
var NOT_PRINTABLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
var SHORT_ESCAPES = { "\n": "\\n", "\r": "\\r", "	": "\\t", "\b": "\\b", "\f": "\\f" };
var escapeChar = (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
function isPrintable(text) {
  NOT_PRINTABLE.lastIndex = 0;
  return !NOT_PRINTABLE.test(text);
}
function escapeText(text) {
  return text.replace(/\\/g, "\\\\").replace(NOT_PRINTABLE, escapeChar);
}
function printableLine(line) {
  return line.replace(NOT_PRINTABLE, escapeChar);
}

// src/errors.ts
var ExitCode = {
  ok: 0,
  /** `--check` found rendered/ out of date. */
  outOfDate: 1,
  /** Invalid input: claims, settings, chart. Nothing was written or pushed. */
  invalidInput: 2,
  /** Anything else: git, network, registry, disk. */
  failure: 3
};
function formatProblem(p) {
  const field = p.field ? ` (${p.field})` : "";
  if (!p.file) return printableLine(`${p.message}${field}`);
  if (p.line === void 0) return printableLine(`${p.file}: ${p.message}${field}`);
  return printableLine(`${p.file}:${p.line}:${p.col ?? 1}: ${p.message}${field}`);
}
var InputError = class extends Error {
  problems;
  constructor(problems) {
    super(problems.length === 1 ? formatProblem(problems[0]) : `${problems.length} problems in the input`);
    this.name = "InputError";
    this.problems = problems;
  }
};
var InfraError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "InfraError";
  }
};
function errorMessage(error) {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
function exitCodeFor(error) {
  if (error instanceof InputError) return ExitCode.invalidInput;
  return ExitCode.failure;
}
var MAX_PRINTED_PROBLEMS = 100;
function moreProblems(count) {
  return `... and ${count} more problem${count === 1 ? "" : "s"}`;
}
function formatProblems(problems, limit = MAX_PRINTED_PROBLEMS) {
  const lines = problems.slice(0, limit).map(formatProblem);
  if (problems.length > limit) lines.push(moreProblems(problems.length - limit));
  return lines;
}
function sortProblems(problems) {
  return [...problems].sort(
    (a, b) => cmp(a.file ?? "", b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0) || cmp(a.code, b.code) || cmp(a.message, b.message)
  );
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

export {
  __require,
  __commonJS,
  __toESM,
  isPrintable,
  escapeText,
  ExitCode,
  formatProblem,
  InputError,
  InfraError,
  errorMessage,
  exitCodeFor,
  MAX_PRINTED_PROBLEMS,
  moreProblems,
  formatProblems,
  sortProblems,
  cmp
};

import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  CODEOWNERS_FILE,
  codeownersState,
  expectedCodeowners
} from "./chunk-2JEQF4TG.js";
import {
  BASE_DIR,
  DEPLOYMENTS_DIR,
  buildPlan,
  dataSafety,
  handChangeProblems,
  handChanges,
  lifecycleNotes,
  massDeletion,
  massDeletionNote,
  scanRendered,
  unmanagedFiles,
  unmanagedProblems
} from "./chunk-CBOGXRTG.js";
import {
  emitYaml
} from "./chunk-T33CZHQ3.js";
import {
  packageChart
} from "./chunk-YJGC4BPW.js";
import {
  CHART_DIR
} from "./chunk-TRNSBTO5.js";
import {
  require_dist
} from "./chunk-I2SHB5ML.js";
import {
  InputError,
  __toESM,
  cmp,
  formatProblems,
  sortProblems
} from "./chunk-T4QEYBET.js";

// src/diff/base-claims.ts
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
function baseClaimReach(changedBases, trees, changes) {
  return [...changedBases].sort(cmp).map((file) => {
    const named = (content) => (content.split("\n", 1)[0] ?? "").includes(` from ${file} + `);
    const envs = /* @__PURE__ */ new Set();
    for (const tree of trees) for (const [p, content] of tree) if (named(content)) envs.add(p.split("/")[1]);
    const changedEnvs = new Set(changes.filter((c) => envs.has(c.env)).map((c) => c.env));
    return { file, envs: [...envs].sort(cmp), changedEnvs: [...changedEnvs].sort(cmp) };
  });
}
async function changedBaseClaims(beforeRoot, afterRoot) {
  const [before, after] = await Promise.all([readBases(beforeRoot), readBases(afterRoot)]);
  const names = [.../* @__PURE__ */ new Set([...before.keys(), ...after.keys()])];
  return names.filter((n) => before.get(n) !== after.get(n)).map((n) => `${DEPLOYMENTS_DIR}/${BASE_DIR}/${n}`);
}
async function readBases(root) {
  const dir = path.join(root, DEPLOYMENTS_DIR, BASE_DIR);
  const out = /* @__PURE__ */ new Map();
  let entries;
  try {
    entries = await readdir(dir, { recursive: true });
  } catch {
    return out;
  }
  for (const name of entries.filter((n) => /\.ya?ml$/.test(n)).sort(cmp)) {
    out.set(name.split(path.sep).join("/"), await readFile(path.join(dir, name), "utf8").catch(() => ""));
  }
  return out;
}
function baseClaimLines(reach) {
  return reach.map((r) => {
    const file = r.file.replace(/[^A-Za-z0-9._/-]/g, "?");
    const list = (envs) => envs.map((e) => `\`${e}\``).join(", ");
    if (r.envs.length === 0) return `- Base claim \`${file}\` changed; no environment uses it.`;
    const changed = r.changedEnvs.length ? `rendered output changes in ${list(r.changedEnvs)}` : "no rendered output changes";
    return `- Base claim \`${file}\` changed: it reaches ${list(r.envs)}; ${changed}.`;
  });
}

// src/diff/markdown.ts
var COMMENT_MARKER = "<!-- infraforge-render:diff -->";
var GITHUB_COMMENT_LIMIT = 65536;
var MAX_LIFECYCLE_NOTES = 60;
function fence(text, info = "diff") {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(Math.max(3, longest + 1));
  return `${ticks}${info}
${text.endsWith("\n") ? text : `${text}
`}${ticks}`;
}
function summaryMarkdown(report) {
  const { changes } = report;
  const lines = [COMMENT_MARKER, "### infraforge render diff", ""];
  if (report.baseSha) lines.push(`Rendered \`${report.baseSha.slice(0, 12)}\` \u2192 ${report.headSha ? `\`${report.headSha.slice(0, 12)}\`` : "the work tree"}.`, "");
  lines.push(...ownershipLines(report));
  if (report.dataSafety) lines.push(report.dataSafety);
  if (report.baseClaims?.length) lines.push(...baseClaimLines(report.baseClaims), "");
  if (changes.length === 0) {
    lines.push(report.handEdits?.length ? "The claims of this change render exactly as those of the base." : "No change to `rendered/`.");
    return `${lines.join("\n")}
`;
  }
  const removedUnits = changes.filter((c) => c.kind === "removed" && c.unit);
  const removedClaims = changes.filter((c) => c.kind === "removed" && c.path.endsWith("/applicationset.yaml"));
  if (removedUnits.length || removedClaims.length) {
    lines.push("> [!CAUTION]");
    lines.push(`> This change **removes ${removedUnits.length} app(s)/component(s)**${removedClaims.length ? ` and **${removedClaims.length} claim(s)**` : ""}. What Argo CD will do:`);
    const notes = lifecycleNotes(changes);
    for (const note of notes.slice(0, MAX_LIFECYCLE_NOTES)) lines.push(`> - ${note}`);
    if (notes.length > MAX_LIFECYCLE_NOTES) lines.push(`> - \u2026 and ${notes.length - MAX_LIFECYCLE_NOTES} more, in the same words.`);
    if (report.massDeletion) lines.push(">", `> ${massDeletionNote(report.massDeletion)}`);
    lines.push("");
  }
  lines.push("| environment | claim | added | removed | changed | lines |", "|---|---|---|---|---|---:|");
  const groups = /* @__PURE__ */ new Map();
  for (const c of changes) {
    const key = `${c.env}\0${c.claim}`;
    groups.set(key, [...groups.get(key) ?? [], c]);
  }
  for (const key of [...groups.keys()].sort(cmp)) {
    const group = groups.get(key);
    const [env, claim] = key.split("\0");
    const units = (kind) => group.filter((c) => c.kind === kind && c.unit).map((c) => `\`${c.unit}\``).join(", ") || "\u2014";
    const removed = units("removed");
    const plus = group.reduce((n, c) => n + c.added, 0);
    const minus = group.reduce((n, c) => n + c.removed, 0);
    lines.push(`| \`${env}\` | \`${claim}\` | ${units("added")} | ${removed === "\u2014" ? removed : `**${removed}**`} | ${units("changed")} | +${plus} \u2212${minus} |`);
  }
  return `${lines.join("\n")}
`;
}
function ownershipLines(report) {
  const lines = [];
  const edits = report.handEdits ?? [];
  if (edits.length) {
    lines.push("> [!CAUTION]", `> **\`rendered/\` was changed by hand**: ${edits.length} file(s) do not match the render of this change's claims. \`rendered/\` belongs to the renderer, so this check fails until they do.`, "");
    lines.push(fence(formatProblems(edits).join("\n"), "text"), "");
  }
  if (report.unmanaged?.length) {
    lines.push(`Left alone (allow-unmanaged): ${report.unmanaged.length} file(s) in \`rendered/\` that no claim produces.`, "", fence(report.unmanaged.join("\n"), "text"), "");
  }
  return lines;
}
function details(title, body) {
  return `<details><summary>${title}</summary>

${body}

</details>
`;
}
function section(c, patch) {
  return details(`${c.kind === "removed" ? "\u{1F5D1}\uFE0F " : ""}<code>${c.path}</code> (${c.kind}, +${c.added} \u2212${c.removed})`, fence(patch));
}
function commentMarkdown(report, limit = GITHUB_COMMENT_LIMIT) {
  const summary = summaryMarkdown(report);
  const notice = (n) => `
> [!NOTE]
> The diff was cut to fit GitHub's comment limit${n ? `; ${n} more file(s) are not shown` : ""}. The full diff is in this run's job summary and in the \`diff\` output of the step.
`;
  const reserve = notice(report.changes.length).length + 64;
  const parts = [summary, "\n"];
  let used = summary.length + 1;
  let shown = 0;
  let truncated = false;
  const sections = [
    ...report.changes.map((c) => ({ change: c, patch: c.patch })),
    ...(report.extra ?? []).map((e) => ({ patch: e.body, title: e.title }))
  ];
  for (const s of sections) {
    const text = s.change ? section(s.change, s.patch) : details(s.title ?? "", s.patch);
    if (used + text.length + reserve <= limit) {
      parts.push(text);
      used += text.length;
      shown++;
      continue;
    }
    truncated = true;
    const room = limit - used - reserve - 400;
    if (s.change && room > 500) {
      const cut = s.patch.slice(0, room).replace(/\n[^\n]*$/, "\n");
      const partial = section(s.change, `${cut}\u2026 (cut here)
`);
      if (used + partial.length + reserve <= limit) {
        parts.push(partial);
        used += partial.length;
        shown++;
      }
    }
    break;
  }
  if (truncated) parts.push(notice(sections.length - shown));
  return { body: parts.join(""), truncated, shownFiles: shown };
}
function fullMarkdown(report) {
  return [summaryMarkdown(report), "\n", ...report.changes.map((c) => section(c, c.patch)), ...(report.extra ?? []).map((e) => details(e.title, e.body))].join("");
}

// src/diff/diff.ts
import path4 from "node:path";

// src/ownership/check-change.ts
async function checkRenderedChange(baseRoot, headRoot, render, allowUnmanaged) {
  const [base, head] = await Promise.all([scanRendered(baseRoot, "all"), scanRendered(headRoot, "all")]);
  const findings = handChanges(bytesByPath(base.files), bytesByPath(head.files), render);
  const touched = new Set(findings.map((f) => f.path));
  const untouched = unmanagedFiles(head.files, new Set(render.keys())).filter((p) => !touched.has(p));
  const unmanaged = unmanagedProblems(untouched, allowUnmanaged);
  return { problems: sortProblems([...handChangeProblems(findings), ...unmanaged.problems]), unmanaged: unmanaged.allowed };
}
function bytesByPath(files) {
  return new Map(files.map((f) => [f.path, f.content]));
}

// ../../main/node_modules/diff/libesm/diff/base.js
var Diff = class {
  diff(oldStr, newStr, options = {}) {
    let callback;
    if (typeof options === "function") {
      callback = options;
      options = {};
    } else if ("callback" in options) {
      callback = options.callback;
    }
    const oldString = this.castInput(oldStr, options);
    const newString = this.castInput(newStr, options);
    const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
    const newTokens = this.removeEmpty(this.tokenize(newString, options));
    return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
  }
  diffWithOptionsObj(oldTokens, newTokens, options, callback) {
    var _a;
    const done = (value) => {
      value = this.postProcess(value, options);
      if (callback) {
        setTimeout(function() {
          callback(value);
        }, 0);
        return void 0;
      } else {
        return value;
      }
    };
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let editLength = 1;
    let maxEditLength = newLen + oldLen;
    if (options.maxEditLength != null) {
      maxEditLength = Math.min(maxEditLength, options.maxEditLength);
    }
    const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
    const abortAfterTimestamp = Date.now() + maxExecutionTime;
    const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
    let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
    if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
      return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
    }
    let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
    const execEditLength = () => {
      for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
        let basePath;
        const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
        if (removePath) {
          bestPath[diagonalPath - 1] = void 0;
        }
        let canAdd = false;
        if (addPath) {
          const addPathNewPos = addPath.oldPos - diagonalPath;
          canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
        }
        const canRemove = removePath && removePath.oldPos + 1 < oldLen;
        if (!canAdd && !canRemove) {
          bestPath[diagonalPath] = void 0;
          continue;
        }
        if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
          basePath = this.addToPath(addPath, true, false, 0, options);
        } else {
          basePath = this.addToPath(removePath, false, true, 1, options);
        }
        newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
        if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
        } else {
          bestPath[diagonalPath] = basePath;
          if (basePath.oldPos + 1 >= oldLen) {
            maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
          }
          if (newPos + 1 >= newLen) {
            minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
          }
        }
      }
      editLength++;
    };
    if (callback) {
      (function exec() {
        setTimeout(function() {
          if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
            return callback(void 0);
          }
          if (!execEditLength()) {
            exec();
          }
        }, 0);
      })();
    } else {
      while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
        const ret = execEditLength();
        if (ret) {
          return ret;
        }
      }
    }
  }
  addToPath(path5, added, removed, oldPosInc, options) {
    const last = path5.lastComponent;
    if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
      return {
        oldPos: path5.oldPos + oldPosInc,
        lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
      };
    } else {
      return {
        oldPos: path5.oldPos + oldPosInc,
        lastComponent: { count: 1, added, removed, previousComponent: last }
      };
    }
  }
  extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
      newPos++;
      oldPos++;
      commonCount++;
      if (options.oneChangePerToken) {
        basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
      }
    }
    if (commonCount && !options.oneChangePerToken) {
      basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
    }
    basePath.oldPos = oldPos;
    return newPos;
  }
  equals(left, right, options) {
    if (options.comparator) {
      return options.comparator(left, right);
    } else {
      return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
    }
  }
  removeEmpty(array) {
    const ret = [];
    for (let i = 0; i < array.length; i++) {
      if (array[i]) {
        ret.push(array[i]);
      }
    }
    return ret;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  castInput(value, options) {
    return value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  tokenize(value, options) {
    return Array.from(value);
  }
  join(chars) {
    return chars.join("");
  }
  postProcess(changeObjects, options) {
    return changeObjects;
  }
  get useLongestToken() {
    return false;
  }
  buildValues(lastComponent, newTokens, oldTokens) {
    const components = [];
    let nextComponent;
    while (lastComponent) {
      components.push(lastComponent);
      nextComponent = lastComponent.previousComponent;
      delete lastComponent.previousComponent;
      lastComponent = nextComponent;
    }
    components.reverse();
    const componentLen = components.length;
    let componentPos = 0, newPos = 0, oldPos = 0;
    for (; componentPos < componentLen; componentPos++) {
      const component = components[componentPos];
      if (!component.removed) {
        if (!component.added && this.useLongestToken) {
          let value = newTokens.slice(newPos, newPos + component.count);
          value = value.map(function(value2, i) {
            const oldValue = oldTokens[oldPos + i];
            return oldValue.length > value2.length ? oldValue : value2;
          });
          component.value = this.join(value);
        } else {
          component.value = this.join(newTokens.slice(newPos, newPos + component.count));
        }
        newPos += component.count;
        if (!component.added) {
          oldPos += component.count;
        }
      } else {
        component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
        oldPos += component.count;
      }
    }
    return components;
  }
};

// ../../main/node_modules/diff/libesm/diff/line.js
var LineDiff = class extends Diff {
  constructor() {
    super(...arguments);
    this.tokenize = tokenize;
  }
  equals(left, right, options) {
    if (options.ignoreWhitespace) {
      if (!options.newlineIsToken || !left.includes("\n")) {
        left = left.trim();
      }
      if (!options.newlineIsToken || !right.includes("\n")) {
        right = right.trim();
      }
    } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
      if (left.endsWith("\n")) {
        left = left.slice(0, -1);
      }
      if (right.endsWith("\n")) {
        right = right.slice(0, -1);
      }
    }
    return super.equals(left, right, options);
  }
};
var lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
  return lineDiff.diff(oldStr, newStr, options);
}
function tokenize(value, options) {
  if (options.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i = 0; i < linesAndNewlines.length; i++) {
    const line = linesAndNewlines[i];
    if (i % 2 && !options.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}

// ../../main/node_modules/diff/libesm/patch/create.js
function needsQuoting(s) {
  for (let i = 0; i < s.length; i++) {
    if (s[i] < " " || s[i] > "~" || s[i] === '"' || s[i] === "\\") {
      return true;
    }
  }
  return false;
}
function quoteFileNameIfNeeded(s) {
  if (!needsQuoting(s)) {
    return s;
  }
  let result = '"';
  const bytes = new TextEncoder().encode(s);
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 7) {
      result += "\\a";
    } else if (b === 8) {
      result += "\\b";
    } else if (b === 9) {
      result += "\\t";
    } else if (b === 10) {
      result += "\\n";
    } else if (b === 11) {
      result += "\\v";
    } else if (b === 12) {
      result += "\\f";
    } else if (b === 13) {
      result += "\\r";
    } else if (b === 34) {
      result += '\\"';
    } else if (b === 92) {
      result += "\\\\";
    } else if (b >= 32 && b <= 126) {
      result += String.fromCharCode(b);
    } else {
      result += "\\" + b.toString(8).padStart(3, "0");
    }
    i++;
  }
  result += '"';
  return result;
}
var INCLUDE_HEADERS = {
  includeIndex: true,
  includeUnderline: true,
  includeFileHeaders: true
};
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  let optionsObj;
  if (!options) {
    optionsObj = {};
  } else if (typeof options === "function") {
    optionsObj = { callback: options };
  } else {
    optionsObj = options;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
      const patch = diffLinesResultToPatch(diff);
      callback(patch);
    } }));
  }
  function diffLinesResultToPatch(diff) {
    if (!diff) {
      return;
    }
    diff.push({ value: "", lines: [] });
    function contextLines(lines) {
      return lines.map(function(entry) {
        return " " + entry;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff.length; i++) {
      const current = diff[i], lines = current.lines || splitLines(current.value);
      current.lines = lines;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff[i - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines.length;
        } else {
          oldLine += lines.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines.length <= context * 2 && i < diff.length - 2) {
            for (const line of contextLines(lines)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines.length, context);
            for (const line of contextLines(lines.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines.length;
        newLine += lines.length;
      }
    }
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.lines.length; i++) {
        if (hunk.lines[i].endsWith("\n")) {
          hunk.lines[i] = hunk.lines[i].slice(0, -1);
        } else {
          hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
          i++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function formatPatch(patch, headerOptions) {
  var _a, _b, _c, _d, _e, _f;
  if (!headerOptions) {
    headerOptions = INCLUDE_HEADERS;
  }
  if (Array.isArray(patch)) {
    if (patch.length > 1 && !headerOptions.includeFileHeaders && !patch.every((p) => p.isGit)) {
      throw new Error("Cannot omit file headers on a multi-file patch. (The result would be unparseable; how would a tool trying to apply the patch know which changes are to which file?)");
    }
    return patch.map((p) => formatPatch(p, headerOptions)).join("\n");
  }
  const ret = [];
  if (patch.isGit) {
    headerOptions = INCLUDE_HEADERS;
    if (!patch.oldFileName) {
      throw new Error("oldFileName must be specified for Git patches");
    }
    if (!patch.newFileName) {
      throw new Error("newFileName must be specified for Git patches");
    }
    let gitOldName = patch.oldFileName;
    let gitNewName = patch.newFileName;
    if (patch.isCreate && gitOldName === "/dev/null") {
      gitOldName = gitNewName.replace(/^b\//, "a/");
    } else if (patch.isDelete && gitNewName === "/dev/null") {
      gitNewName = gitOldName.replace(/^a\//, "b/");
    }
    ret.push("diff --git " + quoteFileNameIfNeeded(gitOldName) + " " + quoteFileNameIfNeeded(gitNewName));
    if (patch.isDelete) {
      ret.push("deleted file mode " + ((_a = patch.oldMode) !== null && _a !== void 0 ? _a : "100644"));
    }
    if (patch.isCreate) {
      ret.push("new file mode " + ((_b = patch.newMode) !== null && _b !== void 0 ? _b : "100644"));
    }
    if (patch.oldMode && patch.newMode && !patch.isDelete && !patch.isCreate) {
      ret.push("old mode " + patch.oldMode);
      ret.push("new mode " + patch.newMode);
    }
    if (patch.isRename) {
      ret.push("rename from " + quoteFileNameIfNeeded(((_c = patch.oldFileName) !== null && _c !== void 0 ? _c : "").replace(/^a\//, "")));
      ret.push("rename to " + quoteFileNameIfNeeded(((_d = patch.newFileName) !== null && _d !== void 0 ? _d : "").replace(/^b\//, "")));
    }
    if (patch.isCopy) {
      ret.push("copy from " + quoteFileNameIfNeeded(((_e = patch.oldFileName) !== null && _e !== void 0 ? _e : "").replace(/^a\//, "")));
      ret.push("copy to " + quoteFileNameIfNeeded(((_f = patch.newFileName) !== null && _f !== void 0 ? _f : "").replace(/^b\//, "")));
    }
  } else {
    if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName && patch.oldFileName !== void 0) {
      ret.push("Index: " + patch.oldFileName);
    }
    if (headerOptions.includeUnderline) {
      ret.push("===================================================================");
    }
  }
  const hasHunks = patch.hunks.length > 0;
  if (headerOptions.includeFileHeaders && patch.oldFileName !== void 0 && patch.newFileName !== void 0 && (!patch.isGit || hasHunks)) {
    ret.push("--- " + quoteFileNameIfNeeded(patch.oldFileName) + (patch.oldHeader ? "	" + patch.oldHeader : ""));
    ret.push("+++ " + quoteFileNameIfNeeded(patch.newFileName) + (patch.newHeader ? "	" + patch.newHeader : ""));
  }
  for (let i = 0; i < patch.hunks.length; i++) {
    const hunk = patch.hunks[i];
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    ret.push("@@ -" + oldStart + "," + hunk.oldLines + " +" + newStart + "," + hunk.newLines + " @@");
    for (const line of hunk.lines) {
      ret.push(line);
    }
  }
  return ret.join("\n") + "\n";
}
function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  if (typeof options === "function") {
    options = { callback: options };
  }
  if (!(options === null || options === void 0 ? void 0 : options.callback)) {
    const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options);
    if (!patchObj) {
      return;
    }
    return formatPatch(patchObj, options === null || options === void 0 ? void 0 : options.headerOptions);
  } else {
    const { callback } = options;
    structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, Object.assign(Object.assign({}, options), { callback: (patchObj) => {
      if (!patchObj) {
        callback(void 0);
      } else {
        callback(formatPatch(patchObj, options.headerOptions));
      }
    } }));
  }
}
function splitLines(text) {
  const hasTrailingNl = text.endsWith("\n");
  const result = text.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
}

// src/diff/compare.ts
function compareTrees(base, head) {
  const paths = [.../* @__PURE__ */ new Set([...base.keys(), ...head.keys()])].sort(cmp);
  const changes = [];
  for (const path5 of paths) {
    const before = base.get(path5);
    const after = head.get(path5);
    if (before === after) continue;
    const kind = before === void 0 ? "added" : after === void 0 ? "removed" : "changed";
    const parts = path5.split("/");
    const structured = structuredPatch(`a/${path5}`, `b/${path5}`, before ?? "", after ?? "", "", "", { context: 3 });
    let added = 0;
    let removed = 0;
    for (const hunk of structured.hunks) {
      for (const line of hunk.lines) {
        if (line.startsWith("+")) added++;
        else if (line.startsWith("-")) removed++;
      }
    }
    changes.push({
      path: path5,
      kind,
      env: parts[1] ?? "",
      claim: parts[2] ?? "",
      unit: parts.length === 5 ? parts[3] : void 0,
      unitType: parts.length === 5 ? unitTypeOf(after ?? before ?? "") : void 0,
      added,
      removed,
      // The '=====' rule the diff package puts first says nothing a reviewer needs.
      patch: createTwoFilesPatch(before === void 0 ? "/dev/null" : `a/${path5}`, after === void 0 ? "/dev/null" : `b/${path5}`, before ?? "", after ?? "", "", "", { context: 3 }).replace(/^=+\n/, "")
    });
  }
  return changes;
}
function unitTypeOf(values) {
  return /^type: "?([a-z0-9-]+)"?$/m.exec(values)?.[1];
}

// src/diff/manifests.ts
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path2 from "node:path";
import { promisify } from "node:util";
var import_yaml = __toESM(require_dist(), 1);
var run = promisify(execFile);
async function helmAvailable() {
  try {
    await run("helm", ["version", "--short"]);
    return true;
  } catch {
    return false;
  }
}
function redactedObjects(manifest, compareWith) {
  const previous = /* @__PURE__ */ new Map();
  if (compareWith !== void 0) {
    for (const o of objectsOf(compareWith)) if (o.kind === "Secret") previous.set(objectKey(o), secretValues(o));
  }
  return objectsOf(manifest).map((o) => {
    if (o.kind !== "Secret") return emitYaml(o);
    const { data: _data, stringData: _stringData, ...rest } = o;
    const values = secretValues(o);
    const before = previous.get(objectKey(o));
    const data = {};
    for (const [k, v] of Object.entries(values)) {
      const size = `${Buffer.byteLength(v)} bytes`;
      data[k] = !before ? `(${size})` : before[k] === void 0 ? `added (${size})` : before[k] === v ? `(${size})` : `changed (${size})`;
    }
    return emitYaml({ ...rest, data });
  }).join("---\n");
}
function objectsOf(manifest) {
  return (0, import_yaml.parseAllDocuments)(manifest).map((d) => d.toJS()).filter((o) => o !== null && typeof o === "object");
}
function objectKey(o) {
  return `${o.kind}/${o.metadata?.namespace ?? ""}/${o.metadata?.name ?? ""}`;
}
function secretValues(o) {
  const out = {};
  for (const [k, v] of Object.entries(o.data ?? {})) out[k] = Buffer.from(String(v), "base64").toString("latin1");
  for (const [k, v] of Object.entries(o.stringData ?? {})) out[k] = String(v);
  return out;
}
async function template(chartDir, release, values, work, name) {
  if (values === void 0) return "";
  const file = path2.join(work, `${name}.yaml`);
  await writeFile(file, values);
  const { stdout } = await run("helm", ["template", release, chartDir, "--kube-version", "1.31.0", "-f", file], { maxBuffer: 64 << 20 });
  return stdout;
}
var MAX_TEMPLATED_UNITS = 25;
async function manifestDiff(changes, base, head) {
  const work = await mkdtemp(path2.join(tmpdir(), "infraforge-manifests-"));
  try {
    const parts = [];
    const units = changes.filter((x) => x.unit);
    for (const c of units.slice(0, MAX_TEMPLATED_UNITS)) {
      const release = `${c.claim}-${c.unit}`;
      const before = await template(base.chartDir, release, base.files.get(c.path), work, "base").catch((e) => `# helm template failed: ${e.message.split("\n")[0]}
`);
      const after = await template(head.chartDir, release, head.files.get(c.path), work, "head").catch((e) => `# helm template failed: ${e.message.split("\n")[0]}
`);
      const patch = createTwoFilesPatch(`a/${c.env}/${release}`, `b/${c.env}/${release}`, redactedObjects(before), redactedObjects(after, before), "", "", { context: 3 });
      if (patch.split("\n").some((l) => /^[+-][^+-]/.test(l))) parts.push(patch);
    }
    const more = units.length > MAX_TEMPLATED_UNITS ? `
${units.length - MAX_TEMPLATED_UNITS} more changed units were not templated (limit ${MAX_TEMPLATED_UNITS}).
` : "";
    return parts.length ? fence(parts.join("\n")) + more : "";
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

// src/diff/moved-tags.ts
var import_yaml2 = __toESM(require_dist(), 1);
function movedTags(base, head) {
  const lines = [];
  for (const [file, after] of [...head].sort(([a], [b]) => cmp(a, b))) {
    const before = base.get(file);
    if (!file.endsWith("/values.yaml") || before === void 0 || before === after) continue;
    const a = imageOf(before);
    const b = imageOf(after);
    if (!a || !b || a.repository !== b.repository || a.tag !== b.tag) continue;
    if (typeof a.digest !== "string" || typeof b.digest !== "string" || a.digest === b.digest) continue;
    lines.push(`tag ${String(b.tag)} now points at a different image: ${String(b.repository)}:${String(b.tag)} was ${a.digest}, is ${b.digest} (${file})`);
  }
  return lines;
}
function imageOf(text) {
  try {
    const image = (0, import_yaml2.parse)(text, { maxAliasCount: 0 })?.image;
    return image && typeof image === "object" ? image : void 0;
  } catch {
    return void 0;
  }
}

// src/diff/trees.ts
import { mkdtemp as mkdtemp2, rm as rm2 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import path3 from "node:path";
async function renderTree(root, options) {
  const plan = await buildPlan({ ...options, root });
  return { files: new Map(plan.files.map((f) => [f.path, f.content])), settings: plan.settings, claims: plan.claims };
}
async function withWorktree(git, sha, fn) {
  const parent = await mkdtemp2(path3.join(tmpdir2(), "infraforge-base-"));
  const dir = path3.join(parent, "tree");
  await git.addWorktree(dir, sha);
  try {
    return await fn(dir);
  } finally {
    await git.removeWorktree(dir);
    await rm2(parent, { recursive: true, force: true });
  }
}

// src/diff/diff.ts
async function diffAgainst(options) {
  const { git, root } = options;
  const log = options.log ?? (() => void 0);
  const baseSha = await git.resolveCommit(options.baseRef);
  const headTree = await renderTree(root, options);
  const { files: head, settings, claims } = headTree;
  const codeownersProblem = await staleCodeowners(root, headTree);
  const headSha = options.headIsWorkTree ? void 0 : await git.headSha().catch(() => void 0);
  return withWorktree(git, baseSha, async (baseDir) => {
    const base = await renderTree(baseDir, { ...options, verifyImages: false, verifyChart: false, digestSource: "rendered" }).then(
      (tree) => tree.files,
      (error) => {
        if (!(error instanceof InputError)) throw error;
        log(`the base ${baseSha.slice(0, 12)} does not render (${error.problems.length} problem(s)); comparing against an empty tree`);
        return /* @__PURE__ */ new Map();
      }
    );
    const changes = compareTrees(base, head);
    const ownership = await checkRenderedChange(baseDir, root, head, options.allowUnmanaged === true);
    const mass = massDeletion([...base.keys()], [...head.keys()], settings.maxDeletedApps);
    const safety = dataSafety(base, head, claims);
    const report = {
      changes,
      baseSha,
      ...headSha ? { headSha } : {},
      ...mass ? { massDeletion: mass } : {},
      ...safety.markdown ? { dataSafety: safety.markdown } : {},
      ...ownership.problems.length ? { handEdits: ownership.problems } : {},
      ...ownership.unmanaged.length ? { unmanaged: ownership.unmanaged } : {}
    };
    const bases = await changedBaseClaims(baseDir, root);
    if (bases.length) report.baseClaims = baseClaimReach(bases, [base, head], changes);
    const moved = movedTags(base, head);
    if (moved.length) report.extra = [{ title: "Image tags that now point at a different image", body: `${moved.join("\n")}
` }];
    if (options.manifests !== false && changes.some((c) => c.unit) && await helmAvailable()) {
      const objects = await manifestDiff(changes, { chartDir: path4.join(baseDir, CHART_DIR), files: base }, { chartDir: path4.join(root, CHART_DIR), files: head });
      if (objects) report.extra = [...report.extra ?? [], { title: "Kubernetes objects (helm template)", body: objects }];
    }
    const chartProblem = await chartBumpProblem(path4.join(baseDir, CHART_DIR), path4.join(root, CHART_DIR));
    return { report, changes, chartProblem, codeownersProblem, safety: safety.verdict, ownershipProblems: ownership.problems, baseSha };
  });
}
async function staleCodeowners(root, head) {
  const expected = expectedCodeowners(head);
  if (expected === void 0) return void 0;
  const state = await codeownersState(root, expected);
  if (state === "up to date") return void 0;
  return { file: CODEOWNERS_FILE, code: "codeowners-stale", message: `${state}: run \`infraforge codeowners\` and commit it (each claim file is reviewed by its team's owners, deployments/settings.yaml and the rest by the platform's)` };
}
async function chartBumpProblem(baseChart, headChart) {
  const base = await packageChart(baseChart, CHART_DIR).catch(() => void 0);
  if (!base) return void 0;
  const head = await packageChart(headChart, CHART_DIR);
  if (base.contentDigest === head.contentDigest || base.meta.version !== head.meta.version) return void 0;
  return {
    file: `${CHART_DIR}/Chart.yaml`,
    code: "chart-version-not-bumped",
    message: `${CHART_DIR} changed but its version is still ${head.meta.version}; bump version in Chart.yaml (a published version is immutable)`
  };
}

export {
  COMMENT_MARKER,
  fence,
  commentMarkdown,
  fullMarkdown,
  diffAgainst
};

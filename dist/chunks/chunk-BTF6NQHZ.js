import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  CODEOWNERS_FILE,
  codeownersState,
  expectedCodeowners
} from "./chunk-I5PNQMXV.js";
import {
  BASE_DIR,
  DEPLOYMENTS_DIR,
  INDEX_PATH,
  buildPlan,
  dataSafety,
  handChangeProblems,
  handChanges,
  lifecycleNotes,
  massDeletion,
  massDeletionNote,
  provenIndex,
  scanRendered,
  serializeIndex,
  unmanagedFiles,
  unmanagedProblems
} from "./chunk-S5MSHGIY.js";
import {
  buildDir
} from "./chunk-VEAVCBDV.js";
import {
  CORE_SCHEMA,
  emitYaml,
  loadAll
} from "./chunk-YRF63MWK.js";
import {
  packageChart
} from "./chunk-QKHAPBJ3.js";
import {
  CHART_DIR
} from "./chunk-7DMIJNEK.js";
import {
  require_dist
} from "./chunk-VVC7TDTM.js";
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

// src/diff/fit.ts
var characters = (text) => text.length;
var utf8Bytes = (text) => Buffer.byteLength(text);
function fitBlocks(blocks, limit, measure, notice, reserve = 2e3) {
  const counts = /* @__PURE__ */ new Map();
  const tally = (label, omitted, total) => {
    const c = counts.get(label) ?? { label, omitted: 0, total: 0 };
    counts.set(label, { label, omitted: c.omitted + omitted, total: c.total + total });
  };
  const everything = blocks.reduce((n, b) => n + measure(b.text), 0);
  const room = limit - (blocks.some((b) => b.held?.omitted) || everything > limit ? reserve : 0);
  const parts = [];
  let used = 0;
  let heading = "";
  for (const b of blocks) {
    if (b.heading) {
      heading = b.text;
      continue;
    }
    const size = measure(heading + b.text);
    if (used + size <= room) {
      parts.push(heading + b.text);
      heading = "";
      used += size;
      if (b.held) tally(b.held.label, b.held.omitted, b.held.total);
      else if (!b.table) tally(b.label, 0, 1);
      continue;
    }
    if (!b.table) {
      tally(b.label, 1, 1);
      continue;
    }
    const rows = [];
    let taken = measure(b.table.head) + 1;
    for (const row of b.table.rows) {
      const n = measure(row) + 1;
      if (used + taken + n + 200 > room) break;
      rows.push(row);
      taken += n;
    }
    const omitted = b.table.rows.length - rows.length;
    tally(b.label, omitted + (b.held?.omitted ?? 0), b.table.rows.length + (b.held?.omitted ?? 0));
    if (rows.length) {
      const text = `${[b.table.head, ...rows, b.table.more(omitted)].join("\n")}
`;
      parts.push(text);
      used += measure(text);
    }
  }
  const leftOut = [...counts.values()].filter((c) => c.omitted > 0);
  const closing = leftOut.length ? notice(leftOut) : "";
  if (measure(closing) > reserve) throw new Error(`internal: the notice (${measure(closing)}) is larger than its reserve (${reserve})`);
  return { text: parts.join("") + closing, leftOut };
}

// src/diff/md.ts
function fence(text, info = "diff") {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(Math.max(3, longest + 1));
  return `${ticks}${info}
${text.endsWith("\n") ? text : `${text}
`}${ticks}`;
}
function details(title, body) {
  return `<details><summary>${title}</summary>

${body}

</details>
`;
}
function html(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function count(n) {
  return n.toLocaleString("en-US");
}
function plural(noun, n) {
  if (n === 1) return noun;
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

// src/diff/grouping/group.ts
import { createHash } from "node:crypto";

// src/diff/grouping/names.ts
var TEAM_LABEL = /^ {2}platform\.infraforge\.io\/team: "?([^"\n]+)"?$/m;
var SOURCE = /deployments\/[^\s+]+?\.ya?ml/g;
function namesOf(change, before, after) {
  const names = { env: change.env };
  const parts = change.path.split("/");
  if (parts.length >= 4) names.claim = change.claim;
  if (change.unit) {
    names.unit = change.unit;
    names.release = `${change.claim}-${change.unit}`;
  }
  const team = agreed(before, after, (text) => TEAM_LABEL.exec(text)?.[1]);
  if (team) names.team = team;
  const source = agreed(before, after, (text) => (text.split("\n", 1)[0] ?? "").match(SOURCE)?.join(" + "));
  if (source && !source.includes(" + ")) names.source = source;
  return names;
}
function agreed(before, after, read) {
  const a = before === void 0 ? void 0 : read(before);
  const b = after === void 0 ? void 0 : read(after);
  if (before !== void 0 && after !== void 0) return a === b ? a : void 0;
  return a ?? b;
}
var escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function masked(text, names) {
  const roles = /* @__PURE__ */ new Map();
  for (const [role, value] of Object.entries(names)) {
    if (value) roles.set(value, [...roles.get(value) ?? [], role]);
  }
  if (roles.size === 0) return JSON.stringify([text]);
  const values = [...roles.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = new RegExp(`(?<![A-Za-z0-9_])(${values.map(escape).join("|")})(?![A-Za-z0-9_])`, "g");
  const parts = text.split(pattern);
  return JSON.stringify(parts.map((p, i) => i % 2 === 1 ? { name: roles.get(p).sort().join("|") } : p));
}

// src/diff/grouping/group.ts
function comparablePatch(patch) {
  const lines2 = patch.split("\n");
  const start = lines2.findIndex((l) => l.startsWith("@@"));
  return (start < 0 ? [] : lines2.slice(start)).map((l) => l.startsWith("@@") ? "@@" : l.replace(/^([-+ ]\s*checksum\/[\w.-]+: )"?[0-9a-f]{64}"?$/, "$1#checksum")).join("\n");
}
function changeKey(item) {
  const text = JSON.stringify([item.kind, item.change, masked(comparablePatch(item.patch), item.names)]);
  return createHash("sha256").update(text).digest("hex");
}
var ChangeGroups = class {
  byKey = /* @__PURE__ */ new Map();
  add(item) {
    const key = changeKey(item);
    const group = this.byKey.get(key);
    if (group) {
      group.members.push(item.label);
      if (cmp(item.label, group.first.label) < 0) group.first = item;
    } else this.byKey.set(key, { first: item, members: [item.label] });
  }
  /** Changes filed so far (members counted, not distinct). */
  get size() {
    let n = 0;
    for (const g of this.byKey.values()) n += g.members.length;
    return n;
  }
  /** The most widespread change first; ties by kind, then by the first label. Deterministic. */
  groups() {
    const groups = [...this.byKey.values()];
    for (const g of groups) g.members.sort(cmp);
    return groups.sort((a, b) => b.members.length - a.members.length || cmp(a.first.kind, b.first.kind) || cmp(a.members[0], b.members[0]));
  }
};

// src/diff/sections.ts
function fileGroups(changes) {
  const groups = new ChangeGroups();
  for (const c of changes) groups.add({ kind: fileKind(c.path), change: c.kind, label: c.path, patch: c.patch, names: c.names ?? namesOf(c, void 0, void 0), added: c.added, removed: c.removed });
  return groups.groups();
}
function fileKind(path5) {
  const file = path5.slice(path5.lastIndexOf("/") + 1);
  if (file === "values.yaml") return "values file";
  if (file === "applicationset.yaml") return "ApplicationSet";
  if (file === "appproject.yaml") return "AppProject";
  return `${file} file`;
}
function groupSection(group, listCap, whatIsIt) {
  const { first, members } = group;
  const bin = first.change === "removed" ? "\u{1F5D1}\uFE0F " : "";
  if (members.length === 1) {
    const title2 = whatIsIt === "file" ? `<code>${html(first.label)}</code>` : `${html(first.kind)} <code>${html(first.label)}</code>`;
    return details(`${bin}${title2} (${first.change}, ${lines(first)})`, fence(first.patch));
  }
  const many = plural(first.kind, members.length);
  const title = `${bin}The same change in ${count(members.length)} ${html(many)} (${first.change}, ${lines(first)} each), shown for <code>${html(first.label)}</code>`;
  return details(title, `${fence(first.patch)}

${memberList(members, listCap, many)}`);
}
function lines(item) {
  return `+${item.added} \u2212${item.removed}`;
}
function memberList(members, listCap, many) {
  const shown = members.slice(0, listCap);
  const rest = members.length - shown.length;
  const text = `${shown.join("\n")}${rest ? `
\u2026 and ${count(rest)} more (the full diff lists every one)` : ""}`;
  return details(`All ${count(members.length)} ${html(many)}`, fence(text, "text"));
}

// src/diff/markdown.ts
var COMMENT_MARKER = "<!-- infraforge-render:diff -->";
var GITHUB_COMMENT_LIMIT = 65536;
var JOB_SUMMARY_LIMIT = 1024 * 1024 - 64 * 1024;
var COMMENT_CAPS = { members: 20, rows: 150 };
var JOB_SUMMARY_CAPS = { members: 500, rows: 5e3 };
var NO_CAPS = { members: Number.POSITIVE_INFINITY, rows: Number.POSITIVE_INFINITY };
var MAX_LIFECYCLE_NOTES = 60;
function summaryBlocks(report, caps) {
  const { changes } = report;
  const block = (lines2, label) => ({ text: `${lines2.join("\n")}
`, label });
  const head = [COMMENT_MARKER, "### infraforge render diff", ""];
  if (report.baseSha) head.push(`Rendered \`${report.baseSha.slice(0, 12)}\` \u2192 ${report.headSha ? `\`${report.headSha.slice(0, 12)}\`` : "the work tree"}.`, "");
  const blocks = [block(head, "the headline")];
  const ownership = ownershipLines(report);
  if (ownership.length) blocks.push(block(ownership, "the list of files changed by hand"));
  if (report.dataSafety) blocks.push(block([report.dataSafety], "the data-safety table"));
  if (report.baseClaims?.length) blocks.push(block([...baseClaimLines(report.baseClaims), ""], "the base claims"));
  if (changes.length === 0) {
    blocks.push(block([report.handEdits?.length ? "The claims of this change render exactly as those of the base." : "No change to `rendered/`."], "the no-change line"));
    return blocks;
  }
  const removedUnits = changes.filter((c) => c.kind === "removed" && c.unit);
  const removedClaims = changes.filter((c) => c.kind === "removed" && c.path.endsWith("/applicationset.yaml"));
  if (removedUnits.length || removedClaims.length) {
    const lines2 = ["> [!CAUTION]"];
    lines2.push(`> This change **removes ${removedUnits.length} app(s)/component(s)**${removedClaims.length ? ` and **${removedClaims.length} claim(s)**` : ""}. What Argo CD will do:`);
    const notes = lifecycleNotes(changes);
    for (const note of notes.slice(0, MAX_LIFECYCLE_NOTES)) lines2.push(`> - ${note}`);
    if (notes.length > MAX_LIFECYCLE_NOTES) lines2.push(`> - \u2026 and ${notes.length - MAX_LIFECYCLE_NOTES} more, in the same words.`);
    if (report.massDeletion) lines2.push(">", `> ${massDeletionNote(report.massDeletion)}`);
    lines2.push("");
    blocks.push(block(lines2, "the removal warning"));
  }
  blocks.push(block([countsLine(report), ""], "the counts"));
  const groups = /* @__PURE__ */ new Map();
  for (const c of changes) {
    const key = `${c.env}\0${c.claim}`;
    groups.set(key, [...groups.get(key) ?? [], c]);
  }
  const rows = [];
  for (const key of [...groups.keys()].sort(cmp)) {
    const group = groups.get(key);
    const [env, claim] = key.split("\0");
    const units = (kind) => group.filter((c) => c.kind === kind && c.unit).map((c) => `\`${c.unit}\``).join(", ") || "\u2014";
    const removed = units("removed");
    const plus = group.reduce((n, c) => n + c.added, 0);
    const minus = group.reduce((n, c) => n + c.removed, 0);
    rows.push(`| \`${env}\` | \`${claim}\` | ${units("added")} | ${removed === "\u2014" ? removed : `**${removed}**`} | ${units("changed")} | +${plus} \u2212${minus} |`);
  }
  const tableHead = "| environment | claim | added | removed | changed | lines |\n|---|---|---|---|---|---:|";
  const shown = rows.slice(0, caps.rows);
  const hidden = rows.length - shown.length;
  const more = (n) => `| \u2026 | ${count(n + hidden)} more claims in the full diff | | | | |`;
  blocks.push({
    text: `${[tableHead, ...shown, ...hidden ? [more(0)] : []].join("\n")}
`,
    label: "rows of the claim table",
    table: { head: tableHead, rows: shown, more },
    ...hidden ? { held: { label: "rows of the claim table", omitted: hidden, total: rows.length } } : {}
  });
  return blocks;
}
function countsLine(report) {
  const units = report.changes.filter((c) => c.unit);
  const claims = new Set(report.changes.map((c) => `${c.env}/${c.claim}`));
  const perEnv = /* @__PURE__ */ new Map();
  for (const c of units) perEnv.set(c.env, (perEnv.get(c.env) ?? 0) + 1);
  const envs = [...perEnv].sort(([a], [b]) => cmp(a, b)).map(([env, n]) => `\`${env}\`: ${count(n)}`);
  const kinds = ["added", "removed", "changed"].map((k) => `${count(units.filter((c) => c.kind === k).length)} ${k}`);
  const parts = [
    `**${count(units.length)} unit(s)** in ${count(claims.size)} claim(s)${envs.length ? ` (${envs.join(", ")})` : ""}: ${kinds.join(", ")}`,
    `**${count(fileGroups(report.changes).length)} distinct change(s)** to ${count(report.changes.length)} file(s) of \`rendered/\``
  ];
  const o = report.objects;
  if (o) parts.push(`**${count(o.groups.length)} distinct object change(s)** in ${count(o.units)} templated unit(s)${o.failures.length ? `, ${count(o.failures.length)} that helm could not template` : ""}`);
  return `${parts.join(" \xB7 ")}.`;
}
function ownershipLines(report) {
  const lines2 = [];
  const edits = report.handEdits ?? [];
  if (edits.length) {
    lines2.push("> [!CAUTION]", `> **\`rendered/\` was changed by hand**: ${edits.length} file(s) do not match the render of this change's claims. \`rendered/\` belongs to the renderer, so this check fails until they do.`, "");
    lines2.push(fence(formatProblems(edits).join("\n"), "text"), "");
  }
  if (report.unmanaged?.length) {
    lines2.push(`Left alone (allow-unmanaged): ${report.unmanaged.length} file(s) in \`rendered/\` that no claim produces.`, "", fence(report.unmanaged.join("\n"), "text"), "");
  }
  return lines2;
}
function documentBlocks(report, caps) {
  const blocks = summaryBlocks(report, caps);
  const files = fileGroups(report.changes);
  if (files.length) blocks.push({ text: "\n", label: "the spacing" });
  for (const g of files) blocks.push(groupBlock(g, caps, "file", "file changes"));
  for (const e of report.extra ?? []) blocks.push({ text: details(e.title, e.body), label: `the section "${e.title}"` });
  const o = report.objects;
  if (o && (o.groups.length || o.failures.length)) {
    const lines2 = ["", "#### Kubernetes objects (helm template)", ""];
    lines2.push(`${count(o.units)} changed unit(s) templated with the base chart and values and with the head's: **${count(o.groups.length)} distinct object change(s)**.`);
    if (o.failures.length) lines2.push("", `helm could not template ${count(o.failures.length)} unit(s):`, "", fence(o.failures.map((f) => `${f.label}: ${f.message}`).join("\n"), "text"));
    blocks.push({ text: `${lines2.join("\n")}

`, label: "the object diff heading", heading: o.groups.length > 0 });
    for (const g of o.groups) blocks.push(groupBlock(g, caps, "object", "object changes"));
  }
  return blocks;
}
function groupBlock(group, caps, what, label) {
  const omitted = Math.max(0, group.members.length - caps.members);
  return { text: groupSection(group, caps.members, what), label, ...omitted ? { held: { label: "names in the lists of identical changes", omitted, total: group.members.length } } : {} };
}
function commentMarkdown(report, place = {}, limit = GITHUB_COMMENT_LIMIT) {
  const where = linked("this run's job summary and its artifact (the step's `diff-file`)", place);
  return fitted(report, COMMENT_CAPS, limit, characters, `GitHub's comment limit (${count(GITHUB_COMMENT_LIMIT)} characters)`, where);
}
function jobSummaryMarkdown(report, place = {}, limit = JOB_SUMMARY_LIMIT) {
  return fitted(report, JOB_SUMMARY_CAPS, limit, utf8Bytes, "GitHub's job summary limit (1 MiB)", linked("this run's artifact (the step's `diff-file`)", place));
}
function fullMarkdown(report) {
  return documentBlocks(report, NO_CAPS).map((b) => b.text).join("");
}
function fitted(report, caps, limit, measure, limitName, where) {
  const notice = (leftOut2) => `
> [!NOTE]
> **Cut to fit ${limitName}**: left out ${leftOut2.map((l) => l.label.startsWith("the ") ? l.label : `${count(l.omitted)} of ${count(l.total)} ${l.label}`).join(", ")}. The full diff: ${where}.
`;
  const { text, leftOut } = fitBlocks(documentBlocks(report, caps), limit, measure, notice);
  return { body: text, truncated: leftOut.length > 0, leftOut };
}
function linked(text, place) {
  return place.runUrl ? `[${text}](${place.runUrl})` : text;
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

// node_modules/diff/libesm/diff/base.js
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

// node_modules/diff/libesm/diff/line.js
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

// node_modules/diff/libesm/patch/create.js
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
    function contextLines(lines2) {
      return lines2.map(function(entry) {
        return " " + entry;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff.length; i++) {
      const current = diff[i], lines2 = current.lines || splitLines(current.value);
      current.lines = lines2;
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
        for (const line of lines2) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines2.length;
        } else {
          oldLine += lines2.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines2.length <= context * 2 && i < diff.length - 2) {
            for (const line of contextLines(lines2)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines2.length, context);
            for (const line of contextLines(lines2.slice(0, contextSize))) {
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
        oldLine += lines2.length;
        newLine += lines2.length;
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
    const env = parts[1] ?? "";
    const claim = parts[2] ?? "";
    const unit = parts.length === 5 ? parts[3] : void 0;
    changes.push({
      path: path5,
      kind,
      env,
      claim,
      unit,
      unitType: parts.length === 5 ? unitTypeOf(after ?? before ?? "") : void 0,
      added,
      removed,
      // The '=====' rule the diff package puts first says nothing a reviewer needs.
      patch: createTwoFilesPatch(before === void 0 ? "/dev/null" : `a/${path5}`, after === void 0 ? "/dev/null" : `b/${path5}`, before ?? "", after ?? "", "", "", { context: 3 }).replace(/^=+\n/, ""),
      names: namesOf({ path: path5, env, claim, unit }, before, after)
    });
  }
  return changes;
}
function unitTypeOf(values) {
  return /^type: "?([a-z0-9-]+)"?$/m.exec(values)?.[1];
}

// src/diff/redact.ts
var import_yaml = __toESM(require_dist(), 1);
function redactedObjectList(manifest, compareWith) {
  const previous = /* @__PURE__ */ new Map();
  if (compareWith !== void 0) {
    for (const o of objectsOf(compareWith)) if (o.kind === "Secret") previous.set(objectKey(o), secretValues(o));
  }
  return objectsOf(manifest).map((o) => {
    const item = (text) => ({ kind: String(o.kind ?? "object"), key: objectKey(o), text });
    if (o.kind !== "Secret") return item(emitYaml(o));
    const { data: _data, stringData: _stringData, ...rest } = o;
    const values = secretValues(o);
    const before = previous.get(objectKey(o));
    const data = {};
    for (const [k, v] of Object.entries(values)) {
      const size = `${Buffer.byteLength(v)} bytes`;
      data[k] = !before ? `(${size})` : before[k] === void 0 ? `added (${size})` : before[k] === v ? `(${size})` : `changed (${size})`;
    }
    return item(emitYaml({ ...rest, data }));
  });
}
function objectsOf(manifest) {
  return manifestDocuments(manifest).filter((o) => o !== null && typeof o === "object");
}
function manifestDocuments(manifest) {
  try {
    return loadAll(manifest, { schema: CORE_SCHEMA, maxAliases: 100 });
  } catch {
    return strictManifestDocuments(manifest);
  }
}
function strictManifestDocuments(manifest) {
  return (0, import_yaml.parseAllDocuments)(manifest).map((d) => d.toJS());
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

// src/diff/grouping/objects.ts
function objectChanges(unit, names, beforeManifest, afterManifest) {
  const before = byKey(redactedObjectList(beforeManifest));
  const after = byKey(redactedObjectList(afterManifest, beforeManifest));
  const keys = [...after.keys(), ...[...before.keys()].filter((k) => !after.has(k))];
  const items = [];
  for (const key of keys) {
    const a = before.get(key);
    const b = after.get(key);
    if (a?.text === b?.text) continue;
    const kind = (b ?? a).kind;
    const name = key.slice(key.lastIndexOf("/") + 1);
    const where = `${unit.env}/${unit.claim}/${unit.unit}`;
    const file = `${where}/${kind}/${name}`;
    const patch = createTwoFilesPatch(a ? `a/${file}` : "/dev/null", b ? `b/${file}` : "/dev/null", a?.text ?? "", b?.text ?? "", "", "", { context: 3 }).replace(/^=+\n/, "");
    let added = 0;
    let removed = 0;
    for (const line of patch.split("\n").slice(2)) {
      if (line.startsWith("+")) added++;
      else if (line.startsWith("-")) removed++;
    }
    items.push({ kind, change: !a ? "added" : !b ? "removed" : "changed", label: name === unit.unit ? where : `${where}:${name}`, patch, names, added, removed });
  }
  return items;
}
function byKey(objects) {
  const map = /* @__PURE__ */ new Map();
  for (const o of objects) {
    let key = o.key;
    for (let n = 2; map.has(key); n++) key = `${o.key}#${n}`;
    map.set(key, o);
  }
  return map;
}
var ObjectDiffCollector = class {
  grouped = new ChangeGroups();
  units = 0;
  failures = [];
  /** `values` are the unit's rendered values files (for its team and source names), `manifests` helm's output. */
  addUnit(change, values, manifests) {
    this.units++;
    const names = namesOf(change, values.before, values.after);
    for (const item of objectChanges(change, names, manifests.before, manifests.after)) this.grouped.add(item);
  }
  addFailure(change, message) {
    this.failures.push({ label: `${change.env}/${change.claim}/${change.unit}`, message });
  }
  result() {
    const failures = [...this.failures].sort((a, b) => cmp(a.label, b.label) || cmp(a.message, b.message));
    return { units: this.units, groups: this.grouped.groups(), failures };
  }
};

// src/diff/manifests.ts
async function* templatedUnits(changes, base, head, templater) {
  const units = changes.filter((c) => c.unit !== void 0);
  const windowSize = Math.max(1, Math.floor(templater.concurrency / 2));
  const window = [];
  let next = 0;
  while (next < units.length || window.length) {
    while (next < units.length && window.length < windowSize) {
      const unit = templateUnit(units[next++], base, head, templater);
      unit.catch(() => void 0);
      window.push(unit);
    }
    yield await window.shift();
  }
}
async function templateUnit(change, base, head, templater) {
  const release = `${change.claim}-${change.unit}`;
  const values = { before: base.files.get(change.path), after: head.files.get(change.path) };
  const side = (s, v) => v === void 0 ? Promise.resolve(void 0) : templater.template({ chartDir: s.chartDir, release, values: v });
  const [before, after] = await Promise.all([side(base, values.before), side(head, values.after)]);
  return { change, release, values, ...before ? { before } : {}, ...after ? { after } : {} };
}
function templateFailure(u) {
  const errors = [u.before && "error" in u.before ? `base: ${u.before.error}` : void 0, u.after && "error" in u.after ? `head: ${u.after.error}` : void 0].filter((e) => e !== void 0);
  return errors.length ? errors.join("\n") : void 0;
}
var manifestOf = (t) => t && "manifest" in t ? t.manifest : "";
async function manifestDiff(changes, base, head, templater) {
  const collector = new ObjectDiffCollector();
  for await (const u of templatedUnits(changes, base, head, templater)) {
    const failure = templateFailure(u);
    if (failure) collector.addFailure(u.change, failure);
    else collector.addUnit(u.change, u.values, { before: manifestOf(u.before), after: manifestOf(u.after) });
  }
  return collector.result();
}

// src/diff/moved-tags.ts
var import_yaml2 = __toESM(require_dist(), 1);
function movedTags(base, head) {
  const lines2 = [];
  for (const [file, after] of [...head].sort(([a], [b]) => cmp(a, b))) {
    const before = base.get(file);
    if (!file.endsWith("/values.yaml") || before === void 0 || before === after) continue;
    const a = imageOf(before);
    const b = imageOf(after);
    if (!a || !b || a.repository !== b.repository || a.tag !== b.tag) continue;
    if (typeof a.digest !== "string" || typeof b.digest !== "string" || a.digest === b.digest) continue;
    lines2.push(`tag ${String(b.tag)} now points at a different image: ${String(b.repository)}:${String(b.tag)} was ${a.digest}, is ${b.digest} (${file})`);
  }
  return lines2;
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
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path2 from "node:path";
async function renderTree(root, options) {
  const plan = await buildPlan({ ...options, root });
  const files = new Map(plan.files.map((f) => [f.path, f.content]));
  if (plan.kept.size && plan.indexDir) {
    for (const p of plan.kept.keys()) files.set(p, readFileSync(path2.join(plan.indexDir, p), "utf8"));
  }
  const sorted = new Map([...files].sort(([a], [b]) => cmp(a, b)));
  return { files: sorted, index: plan.index && serializeIndex(plan.index), kept: plan.kept.size, settings: plan.settings, claims: plan.claims };
}
async function withWorktree(git, sha, fn) {
  const parent = await mkdtemp(path2.join(tmpdir(), "infraforge-base-"));
  const dir = path2.join(parent, "tree");
  await git.addWorktree(dir, sha);
  try {
    return await fn(dir);
  } finally {
    await git.removeWorktree(dir);
    await rm(parent, { recursive: true, force: true });
  }
}

// src/helm-engine/open.ts
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { availableParallelism } from "node:os";
import path3 from "node:path";
import { promisify } from "node:util";

// src/helm-engine/engine-process.ts
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

// src/helm-engine/templater.ts
var KUBE_VERSION = "1.31.0";
var TEMPLATE_NAMESPACE = "default";
var DEBUG_HINT = "\n\nUse --debug flag to render out invalid YAML";
function helmErrorMessage(stderr) {
  const lines2 = stderr.replace(/\r\n/g, "\n").split("\n");
  let start = -1;
  for (let i = lines2.length - 1; i >= 0; i--) {
    if (lines2[i].startsWith("Error: ")) {
      start = i;
      break;
    }
  }
  if (start < 0) return stderr.trim() || "helm template failed without a message";
  const text = lines2.slice(start).join("\n").slice("Error: ".length).replace(/\n+$/, "");
  return text.endsWith(DEBUG_HINT) ? text.slice(0, -DEBUG_HINT.length) : text;
}

// src/helm-engine/engine-process.ts
var STDERR_TAIL = 4e3;
function engineProcess(bin, cpus) {
  const child = spawn(bin, [], { stdio: ["pipe", "pipe", "pipe"] });
  const pending = /* @__PURE__ */ new Map();
  let nextId = 1;
  let stderr = "";
  let failure;
  const fail = (error) => {
    failure ??= error;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (t) => stderr = (stderr + t).slice(-STDERR_TAIL));
  child.on("error", fail);
  child.stdin.on("error", () => void 0);
  const exited = new Promise(
    (resolve) => child.on("close", (code, signal) => {
      fail(new Error(`${bin} exited (${signal ?? `code ${code}`}) with requests unanswered${stderr ? `: ${stderr.trim()}` : ""}`));
      resolve();
    })
  );
  createInterface({ input: child.stdout, crlfDelay: Infinity }).on("line", (line) => {
    let answer;
    try {
      answer = JSON.parse(line);
    } catch {
      return fail(new Error(`${bin} printed a line that is not JSON: ${line.slice(0, 200)}`));
    }
    const p = pending.get(answer.id);
    if (!p) return fail(new Error(`${bin} answered request ${answer.id}, which nobody asked`));
    pending.delete(answer.id);
    p.resolve(answer.error !== void 0 ? { error: answer.error } : { manifest: answer.manifest ?? "" });
  });
  return {
    name: `helm-engine (${bin})`,
    // Four per CPU: the helper's workers (one per CPU) never wait for the next request while
    // this process parses and diffs the last answers.
    concurrency: 4 * cpus,
    template(request) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      const line = JSON.stringify({
        id,
        chart: request.chartDir,
        release: request.release,
        namespace: request.namespace ?? TEMPLATE_NAMESPACE,
        values: request.values,
        kubeVersion: request.kubeVersion ?? KUBE_VERSION
      });
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.stdin.write(`${line}
`);
      });
    },
    async close() {
      child.stdin.end();
      await exited;
    }
  };
}

// src/helm-engine/helm-pool.ts
import { spawn as spawn2 } from "node:child_process";
var MAX_OUTPUT = 64 << 20;
function helmPool(helm, size) {
  let running = 0;
  const waiting = [];
  const acquire = async () => {
    if (running < size) {
      running++;
      return;
    }
    await new Promise((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    name: `helm template (${size} processes at a time)`,
    concurrency: size,
    async template(request) {
      await acquire();
      try {
        return await helmTemplate(helm, request);
      } finally {
        release();
      }
    },
    async close() {
    }
  };
}
function helmTemplateArgs(request) {
  const namespace = request.namespace ?? TEMPLATE_NAMESPACE;
  const kubeVersion = request.kubeVersion ?? KUBE_VERSION;
  return ["template", request.release, request.chartDir, "--namespace", namespace, "--kube-version", kubeVersion, "-f", "-"];
}
function helmTemplate(helm, request) {
  return new Promise((resolve, reject) => {
    const child = spawn2(helm, helmTemplateArgs(request), { stdio: ["pipe", "pipe", "pipe"] });
    const out = [];
    const err = [];
    let size = 0;
    child.stdout.on("data", (b) => {
      size += b.length;
      if (size > MAX_OUTPUT) child.kill();
      else out.push(b);
    });
    child.stderr.on("data", (b) => err.push(b));
    child.on("error", reject);
    child.stdin.on("error", () => void 0);
    child.stdin.end(request.values);
    child.on("close", (code, signal) => {
      if (size > MAX_OUTPUT) return reject(new Error(`helm template ${request.release} printed more than ${MAX_OUTPUT} bytes`));
      if (code === 0) return resolve({ manifest: Buffer.concat(out).toString("utf8") });
      if (signal) return reject(new Error(`helm template ${request.release} was killed by ${signal}`));
      resolve({ error: helmErrorMessage(Buffer.concat(err).toString("utf8")) });
    });
  });
}

// src/helm-engine/open.ts
var run = promisify(execFile);
var ENGINE_BINARY = "helm-engine";
async function openTemplater(env) {
  const cpus = availableParallelism();
  const helm = await helmOnPath(env);
  const engine = env.INFRAFORGE_HELM_ENGINE === "off" ? void 0 : await locateEngine(env, helm?.major);
  if (engine) return engineProcess(engine, cpus);
  if (helm) return helmPool(helm.bin, cpus);
  return void 0;
}
async function helmOnPath(env) {
  for (const dir of pathDirs(env)) {
    const bin = path3.join(dir, "helm");
    if (!executable(bin)) continue;
    const major = majorOf(await versionOf(bin, ["version", "--short"]), /^v(\d+)\./);
    return major === void 0 ? void 0 : { bin, major };
  }
  return void 0;
}
async function locateEngine(env, helmMajor) {
  const dirs = pathDirs(env);
  dirs.push(path3.join(buildRoot(), ".ci", ".tools", "bin"));
  for (const dir of dirs) {
    const bin = path3.join(dir, ENGINE_BINARY);
    if (!executable(bin)) continue;
    const major = majorOf(await versionOf(bin, ["--version"]), /^helm\.sh\/helm\/v(\d+) /);
    if (major !== void 0 && (helmMajor === void 0 || major === helmMajor)) return bin;
  }
  return void 0;
}
function pathDirs(env) {
  return (env.PATH ?? "").split(path3.delimiter).filter((d) => path3.isAbsolute(d));
}
function majorOf(version, pattern) {
  const m = pattern.exec(version.trim());
  return m ? Number(m[1]) : void 0;
}
async function versionOf(bin, args) {
  return run(bin, args).then(
    (r) => r.stdout,
    () => ""
  );
}
function buildRoot() {
  return path3.dirname(buildDir());
}
function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// src/diff/diff.ts
async function diffAgainst(options) {
  const { git, root } = options;
  const log = options.log ?? (() => void 0);
  const baseSha = await git.resolveCommit(options.baseRef);
  const headSha = options.headIsWorkTree ? void 0 : await git.headSha().catch(() => void 0);
  return withWorktree(git, baseSha, async (baseDir) => {
    const previous = await provenIndex(baseDir);
    const index = previous ? { index: { previous, dir: baseDir } } : {};
    const headTree = await renderTree(root, { ...options, ...index });
    const { files: head, settings, claims } = headTree;
    const codeownersProblem = await staleCodeowners(root, headTree);
    let baseKept = 0;
    const base = await renderTree(baseDir, { ...options, ...index, verifyImages: false, verifyChart: false, digestSource: "rendered" }).then(
      (tree) => (baseKept = tree.kept, tree.files),
      (error) => {
        if (!(error instanceof InputError)) throw error;
        log(`the base ${baseSha.slice(0, 12)} does not render (${error.problems.length} problem(s)); comparing against an empty tree`);
        return /* @__PURE__ */ new Map();
      }
    );
    if (previous) log(`the base's render index: head took ${headTree.kept} and base ${baseKept} of their files from it; only claims whose inputs differ were rendered`);
    const changes = compareTrees(base, head);
    const owned = headTree.index === void 0 ? head : new Map([...head, [INDEX_PATH, headTree.index]]);
    const ownership = await checkRenderedChange(baseDir, root, owned, options.allowUnmanaged === true);
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
    const charts = await chartPackages(path4.join(baseDir, CHART_DIR), path4.join(root, CHART_DIR));
    const units = unitsToTemplate(changes, base, head, charts !== void 0 && charts.base.contentDigest !== charts.head.contentDigest);
    const templater = options.manifests !== false && units.length ? await openTemplater(options.env ?? process.env) : void 0;
    if (templater) {
      log(`templating ${units.length} changed unit(s) with ${templater.name}`);
      report.objects = await manifestDiff(units, { chartDir: path4.join(baseDir, CHART_DIR), files: base }, { chartDir: path4.join(root, CHART_DIR), files: head }, templater).finally(() => templater.close());
    }
    const chartProblem = chartBumpProblem(charts);
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
function unitsToTemplate(changes, base, head, chartChanged) {
  if (!chartChanged) return changes.filter((c) => c.unit);
  const changed = new Map(changes.map((c) => [c.path, c]));
  const paths = [.../* @__PURE__ */ new Set([...base.keys(), ...head.keys()])].filter((p) => VALUES_FILE.test(p)).sort(cmp);
  return paths.map((p) => {
    const [, env = "", claim = "", unit] = p.split("/");
    return changed.get(p) ?? { path: p, kind: "changed", env, claim, unit, unitType: void 0, added: 0, removed: 0, patch: "" };
  });
}
var VALUES_FILE = /^rendered\/[^/]+\/[^/]+\/[^/]+\/values\.yaml$/;
async function chartPackages(baseChart, headChart) {
  const base = await packageChart(baseChart, CHART_DIR).catch(() => void 0);
  return base && { base, head: await packageChart(headChart, CHART_DIR) };
}
function chartBumpProblem(charts) {
  if (!charts) return void 0;
  const { base, head } = charts;
  if (base.contentDigest === head.contentDigest || base.meta.version !== head.meta.version) return void 0;
  return {
    file: `${CHART_DIR}/Chart.yaml`,
    code: "chart-version-not-bumped",
    message: `${CHART_DIR} changed but its version is still ${head.meta.version}; bump version in Chart.yaml (a published version is immutable)`
  };
}

export {
  fence,
  COMMENT_MARKER,
  commentMarkdown,
  jobSummaryMarkdown,
  fullMarkdown,
  diffAgainst
};

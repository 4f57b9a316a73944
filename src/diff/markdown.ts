/**
 * The PR comment, the job summary and the full diff: one document of blocks (fit.ts). A summary
 * first (counts, then per environment and claim: units added, removed, changed, with line
 * counts; removals loud, each saying what Argo CD will delete and keep, see lifecycle.ts; data
 * safety), then one collapsible section per distinct change — identical changes said once
 * (grouping/) — to the files of rendered/, then to the Kubernetes objects. Fences are longer
 * than any backtick run in the content, so nothing inside — backticks, HTML, @mentions —
 * renders or pings.
 * The comment stays within GitHub's 65,536 characters and the job summary within its 1 MiB:
 * blocks are kept whole while they fit and the rest is named in a closing notice that links the
 * full diff (the job summary and the run's artifact). The CLI prints the full diff.
 */
import { cmp, formatProblems, type Problem } from '../errors.js';
import type { MassDeletion } from '../io/deletion-guard.js';
import { baseClaimLines, type BaseClaimReach } from './base-claims.js';
import type { FileChange } from './compare.js';
import { type Block, characters, fitBlocks, type LeftOut, type Measure, utf8Bytes } from './fit.js';
import type { ChangeGroup } from './grouping/group.js';
import type { ObjectDiffs } from './grouping/objects.js';
import { lifecycleNotes, massDeletionNote } from './lifecycle.js';
import { count, details, fence } from './md.js';
import { fileGroups, groupSection } from './sections.js';

export { fence } from './md.js';

export const COMMENT_MARKER = '<!-- infraforge-render:diff -->';
/** GitHub refuses issue comments longer than this (HTTP 422). */
export const GITHUB_COMMENT_LIMIT = 65_536;
/**
 * GitHub shows at most 1 MiB of job summary per step; the step's failure summary (main.ts) may
 * follow the diff's, so the diff keeps 64 KiB of it free.
 */
export const JOB_SUMMARY_LIMIT = 1024 * 1024 - 64 * 1024;
/**
 * How much of a long list one rendering shows: members per group, rows of the claim table. The
 * comment keeps most of its room for the distinct changes; the full diff shows everything.
 */
interface Caps {
  members: number;
  rows: number;
}
const COMMENT_CAPS: Caps = { members: 20, rows: 150 };
const JOB_SUMMARY_CAPS: Caps = { members: 500, rows: 5_000 };
const NO_CAPS: Caps = { members: Number.POSITIVE_INFINITY, rows: Number.POSITIVE_INFINITY };
/** Each note is a few hundred characters; this many keep the summary well inside the limit. */
const MAX_LIFECYCLE_NOTES = 60;

export interface DiffReport {
  changes: FileChange[];
  /** Extra sections (e.g. the Kubernetes object diff), already fenced. */
  extra?: { title: string; body: string }[];
  /** The commit rendered as the head; absent when the head is an uncommitted work tree. */
  headSha?: string;
  baseSha?: string;
  /** Set when the render after the merge will stop at the mass-deletion guard. */
  massDeletion?: MassDeletion;
  /** The "Data safety" section (src/safety/markdown.ts); the comment opens with it. */
  dataSafety?: string;
  /** Base claims (deployments/base/) the change edits, and the environments each reaches. */
  baseClaims?: BaseClaimReach[];
  /** Files the change put into rendered/ by hand (the check fails on them). */
  handEdits?: Problem[];
  /** Unmanaged files left alone as allowed. */
  unmanaged?: string[];
  /** The Kubernetes objects of the changed units (helm template), grouped; absent without helm. */
  objects?: ObjectDiffs;
}

export function summaryMarkdown(report: DiffReport): string {
  return summaryBlocks(report, NO_CAPS)
    .map((b) => b.text)
    .join('');
}

/** The summary as blocks: each whole markdown, ending with a newline; the claim table may lose rows. */
function summaryBlocks(report: DiffReport, caps: Caps): Block[] {
  const { changes } = report;
  const block = (lines: string[], label: string): Block => ({ text: `${lines.join('\n')}\n`, label });
  const head = [COMMENT_MARKER, '### infraforge render diff', ''];
  if (report.baseSha) head.push(`Rendered \`${report.baseSha.slice(0, 12)}\` → ${report.headSha ? `\`${report.headSha.slice(0, 12)}\`` : 'the work tree'}.`, '');
  const blocks = [block(head, 'the headline')];
  const ownership = ownershipLines(report);
  if (ownership.length) blocks.push(block(ownership, 'the list of files changed by hand'));
  if (report.dataSafety) blocks.push(block([report.dataSafety], 'the data-safety table'));
  if (report.baseClaims?.length) blocks.push(block([...baseClaimLines(report.baseClaims), ''], 'the base claims'));
  if (changes.length === 0) {
    blocks.push(block([report.handEdits?.length ? 'The claims of this change render exactly as those of the base.' : 'No change to `rendered/`.'], 'the no-change line'));
    return blocks;
  }
  const removedUnits = changes.filter((c) => c.kind === 'removed' && c.unit);
  const removedClaims = changes.filter((c) => c.kind === 'removed' && c.path.endsWith('/applicationset.yaml'));
  if (removedUnits.length || removedClaims.length) {
    const lines = ['> [!CAUTION]'];
    lines.push(`> This change **removes ${removedUnits.length} app(s)/component(s)**${removedClaims.length ? ` and **${removedClaims.length} claim(s)**` : ''}. What Argo CD will do:`);
    const notes = lifecycleNotes(changes);
    for (const note of notes.slice(0, MAX_LIFECYCLE_NOTES)) lines.push(`> - ${note}`);
    if (notes.length > MAX_LIFECYCLE_NOTES) lines.push(`> - … and ${notes.length - MAX_LIFECYCLE_NOTES} more, in the same words.`);
    if (report.massDeletion) lines.push('>', `> ${massDeletionNote(report.massDeletion)}`);
    lines.push('');
    blocks.push(block(lines, 'the removal warning'));
  }
  blocks.push(block([countsLine(report), ''], 'the counts'));
  const groups = new Map<string, FileChange[]>();
  for (const c of changes) {
    const key = `${c.env}\u0000${c.claim}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const rows: string[] = [];
  for (const key of [...groups.keys()].sort(cmp)) {
    const group = groups.get(key)!;
    const [env, claim] = key.split('\u0000');
    const units = (kind: string) => group.filter((c) => c.kind === kind && c.unit).map((c) => `\`${c.unit}\``).join(', ') || '—';
    const removed = units('removed');
    const plus = group.reduce((n, c) => n + c.added, 0);
    const minus = group.reduce((n, c) => n + c.removed, 0);
    rows.push(`| \`${env}\` | \`${claim}\` | ${units('added')} | ${removed === '—' ? removed : `**${removed}**`} | ${units('changed')} | +${plus} −${minus} |`);
  }
  const tableHead = '| environment | claim | added | removed | changed | lines |\n|---|---|---|---|---|---:|';
  const shown = rows.slice(0, caps.rows);
  const hidden = rows.length - shown.length;
  const more = (n: number) => `| … | ${count(n + hidden)} more claims in the full diff | | | | |`;
  blocks.push({
    text: `${[tableHead, ...shown, ...(hidden ? [more(0)] : [])].join('\n')}\n`,
    label: 'rows of the claim table',
    table: { head: tableHead, rows: shown, more },
    ...(hidden ? { held: { label: 'rows of the claim table', omitted: hidden, total: rows.length } } : {}),
  });
  return blocks;
}

/** One line a reviewer reads first: how many units, where, and how many distinct changes. */
function countsLine(report: DiffReport): string {
  const units = report.changes.filter((c) => c.unit);
  const claims = new Set(report.changes.map((c) => `${c.env}/${c.claim}`));
  const perEnv = new Map<string, number>();
  for (const c of units) perEnv.set(c.env, (perEnv.get(c.env) ?? 0) + 1);
  const envs = [...perEnv].sort(([a], [b]) => cmp(a, b)).map(([env, n]) => `\`${env}\`: ${count(n)}`);
  const kinds = (['added', 'removed', 'changed'] as const).map((k) => `${count(units.filter((c) => c.kind === k).length)} ${k}`);
  const parts = [
    `**${count(units.length)} unit(s)** in ${count(claims.size)} claim(s)${envs.length ? ` (${envs.join(', ')})` : ''}: ${kinds.join(', ')}`,
    `**${count(fileGroups(report.changes).length)} distinct change(s)** to ${count(report.changes.length)} file(s) of \`rendered/\``,
  ];
  const o = report.objects;
  if (o) parts.push(`**${count(o.groups.length)} distinct object change(s)** in ${count(o.units)} templated unit(s)${o.failures.length ? `, ${count(o.failures.length)} that helm could not template` : ''}`);
  return `${parts.join(' · ')}.`;
}

/** rendered/ belongs to the renderer: hand edits fail the check; allowed unmanaged files are named. File names are the change author's: fenced. */
function ownershipLines(report: DiffReport): string[] {
  const lines: string[] = [];
  const edits = report.handEdits ?? [];
  if (edits.length) {
    lines.push('> [!CAUTION]', `> **\`rendered/\` was changed by hand**: ${edits.length} file(s) do not match the render of this change's claims. \`rendered/\` belongs to the renderer, so this check fails until they do.`, '');
    lines.push(fence(formatProblems(edits).join('\n'), 'text'), '');
  }
  if (report.unmanaged?.length) {
    lines.push(`Left alone (allow-unmanaged): ${report.unmanaged.length} file(s) in \`rendered/\` that no claim produces.`, '', fence(report.unmanaged.join('\n'), 'text'), '');
  }
  return lines;
}

/** Summary, then every distinct change: files of rendered/, the extra sections, the Kubernetes objects. */
function documentBlocks(report: DiffReport, caps: Caps): Block[] {
  const blocks = summaryBlocks(report, caps);
  const files = fileGroups(report.changes);
  if (files.length) blocks.push({ text: '\n', label: 'the spacing' });
  for (const g of files) blocks.push(groupBlock(g, caps, 'file', 'file changes'));
  for (const e of report.extra ?? []) blocks.push({ text: details(e.title, e.body), label: `the section "${e.title}"` });
  const o = report.objects;
  if (o && (o.groups.length || o.failures.length)) {
    const lines = ['', '#### Kubernetes objects (helm template)', ''];
    lines.push(`${count(o.units)} changed unit(s) templated with the base chart and values and with the head's: **${count(o.groups.length)} distinct object change(s)**.`);
    if (o.failures.length) lines.push('', `helm could not template ${count(o.failures.length)} unit(s):`, '', fence(o.failures.map((f) => `${f.label}: ${f.message}`).join('\n'), 'text'));
    blocks.push({ text: `${lines.join('\n')}\n\n`, label: 'the object diff heading', heading: o.groups.length > 0 });
    for (const g of o.groups) blocks.push(groupBlock(g, caps, 'object', 'object changes'));
  }
  return blocks;
}

function groupBlock(group: ChangeGroup, caps: Caps, what: 'file' | 'object', label: string): Block {
  const omitted = Math.max(0, group.members.length - caps.members);
  return { text: groupSection(group, caps.members, what), label, ...(omitted ? { held: { label: 'names in the lists of identical changes', omitted, total: group.members.length } } : {}) };
}

export interface CommentBody {
  body: string;
  truncated: boolean;
  leftOut: LeftOut[];
}

export interface FullDiffPlace {
  /** The run's page, where its job summary and artifacts are (absent outside Actions). */
  runUrl?: string;
}

/** The comment body, within `limit` characters; what did not fit is named, with the way to the full diff. */
export function commentMarkdown(report: DiffReport, place: FullDiffPlace = {}, limit = GITHUB_COMMENT_LIMIT): CommentBody {
  const where = linked("this run's job summary and its artifact (the step's `diff-file`)", place);
  return fitted(report, COMMENT_CAPS, limit, characters, `GitHub's comment limit (${count(GITHUB_COMMENT_LIMIT)} characters)`, where);
}

/** The job summary: everything that fits in GitHub's 1 MiB, the rest in the artifact. */
export function jobSummaryMarkdown(report: DiffReport, place: FullDiffPlace = {}, limit = JOB_SUMMARY_LIMIT): CommentBody {
  return fitted(report, JOB_SUMMARY_CAPS, limit, utf8Bytes, "GitHub's job summary limit (1 MiB)", linked("this run's artifact (the step's `diff-file`)", place));
}

/** The whole diff, nothing left out: the CLI's output and the artifact. */
export function fullMarkdown(report: DiffReport): string {
  return documentBlocks(report, NO_CAPS)
    .map((b) => b.text)
    .join('');
}

function fitted(report: DiffReport, caps: Caps, limit: number, measure: Measure, limitName: string, where: string): CommentBody {
  const notice = (leftOut: LeftOut[]) =>
    `\n> [!NOTE]\n> **Cut to fit ${limitName}**: left out ${leftOut.map((l) => (l.label.startsWith('the ') ? l.label : `${count(l.omitted)} of ${count(l.total)} ${l.label}`)).join(', ')}. The full diff: ${where}.\n`;
  const { text, leftOut } = fitBlocks(documentBlocks(report, caps), limit, measure, notice);
  return { body: text, truncated: leftOut.length > 0, leftOut };
}

function linked(text: string, place: FullDiffPlace): string {
  return place.runUrl ? `[${text}](${place.runUrl})` : text;
}

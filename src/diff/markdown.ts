/**
 * The PR comment: a summary first (per environment and claim: units added, removed, changed,
 * with line counts; removals loud, each saying what Argo CD will delete and keep, see
 * lifecycle.ts), then one collapsible section per changed file with a fenced diff. Fences are
 * longer than any backtick run in the content, so nothing inside — backticks, HTML,
 * @mentions — renders or pings.
 * The comment stays within GitHub's 65,536-character limit: the summary is kept whole, file
 * sections are added while they fit, the one that does not is cut with a notice, and the
 * rest are named only. The full diff goes to the job summary and an output.
 */
import { cmp, formatProblems, type Problem } from '../errors.js';
import type { MassDeletion } from '../io/deletion-guard.js';
import { baseClaimLines, type BaseClaimReach } from './base-claims.js';
import type { FileChange } from './compare.js';
import { lifecycleNotes, massDeletionNote } from './lifecycle.js';

export const COMMENT_MARKER = '<!-- infraforge-render:diff -->';
/** GitHub refuses issue comments longer than this (HTTP 422). */
export const GITHUB_COMMENT_LIMIT = 65_536;
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
}

export function fence(text: string, info = 'diff'): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  return `${ticks}${info}\n${text.endsWith('\n') ? text : `${text}\n`}${ticks}`;
}

export function summaryMarkdown(report: DiffReport): string {
  const { changes } = report;
  const lines = [COMMENT_MARKER, '### infraforge render diff', ''];
  if (report.baseSha) lines.push(`Rendered \`${report.baseSha.slice(0, 12)}\` → ${report.headSha ? `\`${report.headSha.slice(0, 12)}\`` : 'the work tree'}.`, '');
  lines.push(...ownershipLines(report));
  if (report.dataSafety) lines.push(report.dataSafety);
  if (report.baseClaims?.length) lines.push(...baseClaimLines(report.baseClaims), '');
  if (changes.length === 0) {
    lines.push(report.handEdits?.length ? 'The claims of this change render exactly as those of the base.' : 'No change to `rendered/`.');
    return `${lines.join('\n')}\n`;
  }
  const removedUnits = changes.filter((c) => c.kind === 'removed' && c.unit);
  const removedClaims = changes.filter((c) => c.kind === 'removed' && c.path.endsWith('/applicationset.yaml'));
  if (removedUnits.length || removedClaims.length) {
    lines.push('> [!CAUTION]');
    lines.push(`> This change **removes ${removedUnits.length} app(s)/component(s)**${removedClaims.length ? ` and **${removedClaims.length} claim(s)**` : ''}. What Argo CD will do:`);
    const notes = lifecycleNotes(changes);
    for (const note of notes.slice(0, MAX_LIFECYCLE_NOTES)) lines.push(`> - ${note}`);
    if (notes.length > MAX_LIFECYCLE_NOTES) lines.push(`> - … and ${notes.length - MAX_LIFECYCLE_NOTES} more, in the same words.`);
    if (report.massDeletion) lines.push('>', `> ${massDeletionNote(report.massDeletion)}`);
    lines.push('');
  }
  lines.push('| environment | claim | added | removed | changed | lines |', '|---|---|---|---|---|---:|');
  const groups = new Map<string, FileChange[]>();
  for (const c of changes) {
    const key = `${c.env}\u0000${c.claim}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const key of [...groups.keys()].sort(cmp)) {
    const group = groups.get(key)!;
    const [env, claim] = key.split('\u0000');
    const units = (kind: string) => group.filter((c) => c.kind === kind && c.unit).map((c) => `\`${c.unit}\``).join(', ') || '—';
    const removed = units('removed');
    const plus = group.reduce((n, c) => n + c.added, 0);
    const minus = group.reduce((n, c) => n + c.removed, 0);
    lines.push(`| \`${env}\` | \`${claim}\` | ${units('added')} | ${removed === '—' ? removed : `**${removed}**`} | ${units('changed')} | +${plus} −${minus} |`);
  }
  return `${lines.join('\n')}\n`;
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

function details(title: string, body: string): string {
  return `<details><summary>${title}</summary>\n\n${body}\n\n</details>\n`;
}

function section(c: FileChange, patch: string): string {
  return details(`${c.kind === 'removed' ? '🗑️ ' : ''}<code>${c.path}</code> (${c.kind}, +${c.added} −${c.removed})`, fence(patch));
}

export interface CommentBody {
  body: string;
  truncated: boolean;
  shownFiles: number;
}

/** The comment body, within `limit` characters. */
export function commentMarkdown(report: DiffReport, limit = GITHUB_COMMENT_LIMIT): CommentBody {
  const summary = summaryMarkdown(report);
  const notice = (n: number) => `\n> [!NOTE]\n> The diff was cut to fit GitHub's comment limit${n ? `; ${n} more file(s) are not shown` : ''}. The full diff is in this run's job summary and in the \`diff\` output of the step.\n`;
  const reserve = notice(report.changes.length).length + 64;
  const parts = [summary, '\n'];
  let used = summary.length + 1;
  let shown = 0;
  let truncated = false;
  const sections: { change?: FileChange; patch: string; title?: string }[] = [
    ...report.changes.map((c) => ({ change: c, patch: c.patch })),
    ...(report.extra ?? []).map((e) => ({ patch: e.body, title: e.title })),
  ];
  for (const s of sections) {
    const text = s.change ? section(s.change, s.patch) : details(s.title ?? '', s.patch);
    if (used + text.length + reserve <= limit) {
      parts.push(text);
      used += text.length;
      shown++;
      continue;
    }
    truncated = true;
    const room = limit - used - reserve - 400;
    if (s.change && room > 500) {
      const cut = s.patch.slice(0, room).replace(/\n[^\n]*$/, '\n');
      const partial = section(s.change, `${cut}… (cut here)\n`);
      if (used + partial.length + reserve <= limit) {
        parts.push(partial);
        used += partial.length;
        shown++;
      }
    }
    break;
  }
  if (truncated) parts.push(notice(sections.length - shown));
  return { body: parts.join(''), truncated, shownFiles: shown };
}

/** The full diff for the job summary (no limit there beyond GitHub's 1 MiB per step). */
export function fullMarkdown(report: DiffReport): string {
  return [summaryMarkdown(report), '\n', ...report.changes.map((c) => section(c, c.patch)), ...(report.extra ?? []).map((e) => details(e.title, e.body))].join('');
}

/**
 * What a run tells GitHub: annotations on claim lines, the job summary, step outputs.
 * Behind a small interface so the orchestration does not import @actions/core directly.
 */
import * as core from '@actions/core';
import { fence } from '../diff/markdown.js';
import type { Problem } from '../errors.js';
import { errorMessage, formatProblem, formatProblems, InputError, MAX_PRINTED_PROBLEMS, moreProblems } from '../errors.js';
import { inertLine } from './workflow-commands.js';

export interface Reporter {
  info(line: string): void;
  warning(line: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  annotate(problems: readonly Problem[]): void;
  output(name: string, value: string): void;
  summary(markdown: string): Promise<void>;
}

export const actionsReporter: Reporter = {
  // core.info writes its text raw; core.warning, core.error and core.group escape it as command data.
  info: (line) => core.info(inertLine(line)),
  warning: (line) => core.warning(line),
  group: (name, fn) => core.group(name, fn),
  annotate(problems) {
    for (const p of problems.slice(0, MAX_PRINTED_PROBLEMS)) {
      const where = p.file ? { file: p.file, ...(p.line !== undefined ? { startLine: p.line, startColumn: p.col ?? 1 } : {}) } : {};
      core.error(p.message + (p.field ? ` (${p.field})` : ''), { ...where, title: p.code });
    }
    if (problems.length > MAX_PRINTED_PROBLEMS) core.error(moreProblems(problems.length - MAX_PRINTED_PROBLEMS));
    for (const p of problems) core.info(inertLine(formatProblem(p)));
  },
  output: (name, value) => core.setOutput(name, value),
  async summary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await core.summary.addRaw(markdown, true).write();
  },
};

/** `rendered/<env>/<claim>/…` → per-claim counts, as a markdown table. */
export function renderSummary(result: { written: string[]; deleted: string[]; files: { path: string; env: string; claim: string }[] }, headline: string): string {
  const rows = new Map<string, { written: number; deleted: number; unchanged: number }>();
  const key = (p: string) => p.split('/').slice(1, 3).join('/');
  const row = (k: string) => {
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { written: 0, deleted: 0, unchanged: 0 }));
    return r;
  };
  const written = new Set(result.written);
  for (const f of result.files) {
    if (written.has(f.path)) row(key(f.path)).written++;
    else row(key(f.path)).unchanged++;
  }
  for (const d of result.deleted) row(key(d)).deleted++;
  const lines = [`### infraforge render`, '', headline, '', '| environment / claim | written | deleted | unchanged |', '|---|---:|---:|---:|'];
  for (const [k, r] of [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    lines.push(`| \`${k}\` | ${r.written} | ${r.deleted ? `**${r.deleted}**` : 0} | ${r.unchanged} |`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The job summary of a failed run: what failed, where, what to do. Problems and messages can
 * quote claim text, so they go inside a fence (nothing in them renders or pings anyone).
 */
export function failureSummary(command: string | undefined, error: unknown): string {
  const title = `### infraforge ${command ?? 'action'} failed`;
  if (error instanceof InputError) {
    const n = error.problems.length;
    const files = [...new Set(error.problems.flatMap((p) => (p.file ? [p.file] : [])))];
    return [
      title,
      '',
      `**${n} problem${n === 1 ? '' : 's'} in the input**${files.length ? ` (${files.length} file${files.length === 1 ? '' : 's'})` : ''}. Nothing was written, committed or pushed.`,
      '',
      fence(formatProblems(error.problems).join('\n'), 'text'),
      '',
      'What to do: fix each line above (the same problems are annotated on the files in this run), then push again.',
      '',
    ].join('\n');
  }
  return [
    title,
    '',
    '**The run stopped on a failure outside the claims** (git, network, registry or disk); nothing was force-pushed.',
    '',
    fence(errorMessage(error), 'text'),
    '',
    'What to do: read the message above and the log of this step; when the cause was passing (a registry or network hiccup, other jobs pushing first), re-run the job — every command is safe to re-run.',
    '',
  ].join('\n');
}

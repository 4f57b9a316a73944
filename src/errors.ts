/**
 * Errors and exit codes. The CLI and the action both turn failures into exit codes here
 * and nowhere else (see src/cli/main.ts and src/main.ts).
 */

import { printableLine } from './printable.js';

export const ExitCode = {
  ok: 0,
  /** `--check` found rendered/ out of date. */
  outOfDate: 1,
  /** Invalid input: claims, settings, chart. Nothing was written or pushed. */
  invalidInput: 2,
  /** Anything else: git, network, registry, disk. */
  failure: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * One thing wrong with the input, pinned to a place a human can open. A problem about a
 * file as a whole (or about no file: a flag, a missing folder) has no line, or no file, rather
 * than a made-up `1:1`.
 */
export interface Problem {
  /** Path relative to the repository root, with `/` separators; absent when no file is at fault. */
  file?: string;
  line?: number;
  col?: number;
  /** Stable machine-readable code; tests assert on it, not on the message. */
  code: string;
  message: string;
  /** Field path inside the document, e.g. `spec.applications[0].name`. */
  field?: string;
}

/** One printable line: messages quote claim text, and no claim text may break or hide a line. */
export function formatProblem(p: Problem): string {
  const field = p.field ? ` (${p.field})` : '';
  if (!p.file) return printableLine(`${p.message}${field}`);
  if (p.line === undefined) return printableLine(`${p.file}: ${p.message}${field}`);
  return printableLine(`${p.file}:${p.line}:${p.col ?? 1}: ${p.message}${field}`);
}

/** Invalid input; carries every problem found. Exit code 2. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.length === 1 ? formatProblem(problems[0]!) : `${problems.length} problems in the input`);
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** A failure of something outside the input: git, network, registry, disk. Exit code 3. */
export class InfraError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InfraError';
  }
}

/** Any thrown value as a message; non-Error throws are not swallowed. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof InputError) return ExitCode.invalidInput;
  return ExitCode.failure;
}

/** The most problems printed for one run; the rest are counted, not listed. */
export const MAX_PRINTED_PROBLEMS = 100;

/** The line that stands for the problems past the limit. */
export function moreProblems(count: number): string {
  return `... and ${count} more problem${count === 1 ? '' : 's'}`;
}

export function formatProblems(problems: Problem[], limit = MAX_PRINTED_PROBLEMS): string[] {
  const lines = problems.slice(0, limit).map(formatProblem);
  if (problems.length > limit) lines.push(moreProblems(problems.length - limit));
  return lines;
}

/** By file, line, column: the order an author fixes them in. Problems without a file come first. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      cmp(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0) || cmp(a.code, b.code) || cmp(a.message, b.message),
  );
}

/** Code-unit order: the same on every machine and locale (unlike localeCompare). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

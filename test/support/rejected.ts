/**
 * The bad-input harness (RELIABILITY.md): a file put into a repository that rendered cleanly
 * must make render and validate exit 2 at the expected place, and leave rendered/ byte for byte.
 */
import { expect } from 'vitest';
import { cli, type TempRepo, tempRepo } from './repo.js';

export interface Expected {
  code: string;
  line?: number;
  col?: number;
  /** The file the problem points at, when not the file written. */
  file?: string;
}

export interface Rejection {
  run: { code: number; stdout: string; stderr: string };
  problems: { code: string; file: string; line: number; col: number; message: string }[];
}

/** Writes `text` to `file` in `repo`, renders, validates, and checks what a user would see. */
export async function expectRejected(repo: TempRepo, before: Record<string, string>, file: string, text: string | Buffer, expected: Expected): Promise<Rejection> {
  repo.write(file, text);
  const run = await cli(repo.root, 'render', '--json');
  expect(run.code, run.stderr).toBe(2);
  const where = `${expected.file ?? file}:${expected.line ?? ''}`;
  expect(run.stderr).toContain(where);
  if (expected.line !== undefined && expected.col !== undefined) {
    expect(run.stderr).toMatch(new RegExp(`^${escapeRegExp(expected.file ?? file)}:${expected.line}:${expected.col}: `, 'm'));
  }
  const validate = await cli(repo.root, 'validate', '--json');
  expect(validate.code).toBe(2);
  const problems = (JSON.parse(validate.stdout) as Rejection).problems;
  expect(problems.map((p) => p.code)).toContain(expected.code);
  expect(repo.snapshot()).toEqual(before);
  expect(run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack traces
  return { run, problems };
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A repository with these files that renders cleanly, and its rendered/ as the baseline. */
export async function renderedRepo(files: Record<string, string>, settings?: string): Promise<{ repo: TempRepo; before: Record<string, string> }> {
  const repo = tempRepo(files, settings ? { settings } : {});
  const first = await cli(repo.root, 'render');
  expect(first.code, first.stderr).toBe(0);
  return { repo, before: repo.snapshot() };
}

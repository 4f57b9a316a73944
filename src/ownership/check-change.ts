/**
 * The pull-request side of "rendered/ belongs to the renderer": reads the base's and the
 * head's rendered/ and holds them against the render of the head's claims (rules.ts).
 */
import { type Problem, sortProblems } from '../errors.js';
import { type ExistingFile, scanRendered } from '../io/rendered-scan.js';
import { handChangeProblems, handChanges, unmanagedFiles, unmanagedProblems } from './rules.js';

export interface ChangeOwnership {
  /** Each file the change made differ from the render, and each unmanaged file not allowed. */
  problems: Problem[];
  /** Unmanaged files the change did not touch, allowed by allow-unmanaged: listed only. */
  unmanaged: string[];
}

export async function checkRenderedChange(baseRoot: string, headRoot: string, render: ReadonlyMap<string, string>, allowUnmanaged: boolean): Promise<ChangeOwnership> {
  const [base, head] = await Promise.all([scanRendered(baseRoot, 'all'), scanRendered(headRoot, 'all')]);
  const findings = handChanges(bytesByPath(base.files), bytesByPath(head.files), render);
  const touched = new Set(findings.map((f) => f.path));
  // A file the change added is reported once, as added; the rest were there before it.
  const untouched = unmanagedFiles(head.files, new Set(render.keys())).filter((p) => !touched.has(p));
  const unmanaged = unmanagedProblems(untouched, allowUnmanaged);
  return { problems: sortProblems([...handChangeProblems(findings), ...unmanaged.problems]), unmanaged: unmanaged.allowed };
}

function bytesByPath(files: readonly ExistingFile[]): Map<string, Buffer> {
  return new Map(files.map((f) => [f.path, f.content]));
}

/**
 * Two rendered trees (path → content) in, the list of file changes out, with line counts and
 * a unified patch each. Pure.
 */
import { createTwoFilesPatch, structuredPatch } from 'diff';
import { cmp } from '../errors.js';
import { namesOf, type UnitNames } from './grouping/names.js';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FileChange {
  path: string;
  kind: ChangeKind;
  env: string;
  claim: string;
  /** The app or component, for values files. */
  unit: string | undefined;
  /** For values files: `microservice` for an app, else the component type (`postgresql`, …). */
  unitType: string | undefined;
  added: number;
  removed: number;
  patch: string;
  /** The unit's own names, masked when identical changes are grouped (grouping/names.ts); from the path when absent. */
  names?: UnitNames;
}

export function compareTrees(base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>): FileChange[] {
  const paths = [...new Set([...base.keys(), ...head.keys()])].sort(cmp);
  const changes: FileChange[] = [];
  for (const path of paths) {
    const before = base.get(path);
    const after = head.get(path);
    if (before === after) continue;
    const kind: ChangeKind = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
    const parts = path.split('/');
    const structured = structuredPatch(`a/${path}`, `b/${path}`, before ?? '', after ?? '', '', '', { context: 3 });
    let added = 0;
    let removed = 0;
    for (const hunk of structured.hunks) {
      for (const line of hunk.lines) {
        if (line.startsWith('+')) added++;
        else if (line.startsWith('-')) removed++;
      }
    }
    const env = parts[1] ?? '';
    const claim = parts[2] ?? '';
    const unit = parts.length === 5 ? parts[3] : undefined;
    changes.push({
      path,
      kind,
      env,
      claim,
      unit,
      unitType: parts.length === 5 ? unitTypeOf(after ?? before ?? '') : undefined,
      added,
      removed,
      // The '=====' rule the diff package puts first says nothing a reviewer needs.
      patch: createTwoFilesPatch(before === undefined ? '/dev/null' : `a/${path}`, after === undefined ? '/dev/null' : `b/${path}`, before ?? '', after ?? '', '', '', { context: 3 }).replace(/^=+\n/, ''),
      names: namesOf({ path, env, claim, unit }, before, after),
    });
  }
  return changes;
}

/**
 * The top-level `type:` of a rendered values file. The file is our own output (sorted keys,
 * nested keys indented), so a key at column 0 is the top-level one.
 */
function unitTypeOf(values: string): string | undefined {
  return /^type: "?([a-z0-9-]+)"?$/m.exec(values)?.[1];
}

/**
 * rendered/ belongs to the renderer: the rules, pure, over trees given as path → bytes.
 * - render: a file under rendered/ that no claim produces and that we did not generate is
 *   *unmanaged*. The render never overwrites or deletes it, but it refuses to run over it
 *   unless allowed, and even then never over one that Argo CD's root Application applies.
 * - diff (a pull request): every path the change touched under rendered/ (added, edited or
 *   deleted against the base) must hold exactly what the render of the change's claims puts
 *   there. A path the change did not touch may lag behind the claims: the render after the
 *   merge brings it in line (and prunes generated files of claims that went).
 */
import { cmp, type Problem } from '../errors.js';

export interface ScannedFile {
  path: string;
  /** Carries our header, in a place the render can write. */
  generated: boolean;
}

export type HandChange = 'edited' | 'added' | 'deleted';

export interface Finding {
  path: string;
  change: HandChange;
  /** First line where the file differs from the render (edits only). */
  line?: number;
}

/** Root Applications apply `rendered/<env>/*\/applicationset.yaml` and `*\/appproject.yaml` (README). */
const APPLIED_BY_ARGO_CD = /^rendered\/[^/]+\/[^/]+\/(applicationset|appproject)\.yaml$/;

/** Files in rendered/ that no claim produces and that we did not generate, sorted. */
export function unmanagedFiles(existing: readonly ScannedFile[], planned: ReadonlySet<string>): string[] {
  return existing.filter((f) => !f.generated && !planned.has(f.path)).map((f) => f.path).sort(cmp);
}

/** What a change did to rendered/ that the render of its claims does not do, sorted by path. */
export function handChanges(
  base: ReadonlyMap<string, Buffer>,
  head: ReadonlyMap<string, Buffer>,
  render: ReadonlyMap<string, string>,
): Finding[] {
  const findings: Finding[] = [];
  for (const p of [...new Set([...base.keys(), ...head.keys()])].sort(cmp)) {
    const before = base.get(p);
    const now = head.get(p);
    if (sameBytes(before, now)) continue; // untouched by the change
    const wanted = render.get(p);
    if (now !== undefined && wanted !== undefined && now.equals(Buffer.from(wanted))) continue;
    if (now === undefined && wanted === undefined) continue; // a deletion the render agrees with
    if (now === undefined) findings.push({ path: p, change: 'deleted' });
    else if (wanted === undefined) findings.push({ path: p, change: 'added' });
    else findings.push({ path: p, change: 'edited', line: firstDifferentLine(now.toString('utf8'), wanted) });
  }
  return findings;
}

/** The render's verdict on unmanaged files: problems, and the files left alone as allowed. */
export function unmanagedProblems(unmanaged: readonly string[], allow: boolean): { problems: Problem[]; allowed: string[] } {
  const problems: Problem[] = [];
  const allowed: string[] = [];
  for (const file of unmanaged) {
    if (APPLIED_BY_ARGO_CD.test(file)) {
      problems.push({
        file,
        code: 'unmanaged-applied',
        message: `Argo CD's root Application applies this file, but no claim produces it and infraforge-render did not write it; remove it (--allow-unmanaged never covers a file Argo CD applies)`,
      });
    } else if (!allow) {
      problems.push({
        file,
        code: 'unmanaged-file',
        message: 'no claim produces this file and infraforge-render did not write it; rendered/ belongs to the renderer: move the file out of rendered/ (or pass --allow-unmanaged, action input allow-unmanaged: true, to leave it be)',
      });
    } else {
      allowed.push(file);
    }
  }
  return { problems, allowed };
}

const HAND_CHANGE_MESSAGES: Record<HandChange, string> = {
  edited: 'this change edits a file the renderer writes, and it no longer matches the render of the claims; change the claim and run infraforge render, or drop the edit',
  added: 'this change adds a file that no claim produces; rendered/ holds only the render of deployments/: remove it',
  deleted: 'this change deletes a file the claims still produce, and the next render writes it again; restore it, or change the claim',
};

export function handChangeProblems(findings: readonly Finding[]): Problem[] {
  return findings.map((f) => ({
    file: f.path,
    ...(f.line !== undefined ? { line: f.line, col: 1 } : {}),
    code: `rendered-${f.change}`,
    message: HAND_CHANGE_MESSAGES[f.change],
  }));
}

function sameBytes(a: Buffer | undefined, b: Buffer | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.equals(b);
}

function firstDifferentLine(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i + 1;
}

/**
 * Which environments a change to a base claim (deployments/base/) reaches. A reviewer sees one
 * edited file; the PR comment says it lands in dev, staging and prod. Pure: the rendered trees
 * name their sources in their headers (render/plan.ts `header`), so the environments a base
 * reaches are read from the rendered files, before and after.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { BASE_DIR, DEPLOYMENTS_DIR } from '../claims/discover.js';
import { cmp } from '../errors.js';
import type { FileChange } from './compare.js';

export interface BaseClaimReach {
  /** deployments/base/<file>, relative to the root. */
  file: string;
  /** Environments whose claims are made from it, before or after the change. */
  envs: string[];
  /** Those of them whose rendered files change. */
  changedEnvs: string[];
}

export function baseClaimReach(changedBases: readonly string[], trees: readonly ReadonlyMap<string, string>[], changes: readonly FileChange[]): BaseClaimReach[] {
  return [...changedBases].sort(cmp).map((file) => {
    const named = (content: string) => (content.split('\n', 1)[0] ?? '').includes(` from ${file} + `);
    const envs = new Set<string>();
    for (const tree of trees) for (const [p, content] of tree) if (named(content)) envs.add(p.split('/')[1]!);
    const changedEnvs = new Set(changes.filter((c) => envs.has(c.env)).map((c) => c.env));
    return { file, envs: [...envs].sort(cmp), changedEnvs: [...changedEnvs].sort(cmp) };
  });
}

/** The base claim files whose bytes differ between two checkouts (added and removed ones too). */
export async function changedBaseClaims(beforeRoot: string, afterRoot: string): Promise<string[]> {
  const [before, after] = await Promise.all([readBases(beforeRoot), readBases(afterRoot)]);
  const names = [...new Set([...before.keys(), ...after.keys()])];
  return names.filter((n) => before.get(n) !== after.get(n)).map((n) => `${DEPLOYMENTS_DIR}/${BASE_DIR}/${n}`);
}

async function readBases(root: string): Promise<Map<string, string>> {
  const dir = path.join(root, DEPLOYMENTS_DIR, BASE_DIR);
  const out = new Map<string, string>();
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch {
    return out;
  }
  for (const name of entries.filter((n) => /\.ya?ml$/.test(n)).sort(cmp)) {
    out.set(name.split(path.sep).join('/'), await readFile(path.join(dir, name), 'utf8').catch(() => ''));
  }
  return out;
}

/** One line per changed base claim, for the top of the PR comment. */
export function baseClaimLines(reach: readonly BaseClaimReach[]): string[] {
  return reach.map((r) => {
    // A file name is the author's: nothing in it may leave the inline code span.
    const file = r.file.replace(/[^A-Za-z0-9._/-]/g, '?');
    const list = (envs: string[]) => envs.map((e) => `\`${e}\``).join(', ');
    if (r.envs.length === 0) return `- Base claim \`${file}\` changed; no environment uses it.`;
    const changed = r.changedEnvs.length ? `rendered output changes in ${list(r.changedEnvs)}` : 'no rendered output changes';
    return `- Base claim \`${file}\` changed: it reaches ${list(r.envs)}; ${changed}.`;
  });
}

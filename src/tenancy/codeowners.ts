/**
 * `.github/CODEOWNERS` from the team registry: each claim file is owned by its team's GitHub
 * owners; everything a tenant must not change alone by the platform's. Built by construction:
 * entries (a path and its owners, both from a safe alphabet) → text → parsed back and compared,
 * so no file name can add an owner or a pattern nobody asked for. Pure.
 */
import type { LoadedClaim } from '../claims/types.js';
import { cmp, type Problem } from '../errors.js';
import { GENERATED_MARKER } from '../render/plan.js';
import type { Tenancy } from '../settings/tenancy.js';
import { teamOf } from './registry.js';

export const CODEOWNERS_FILE = '.github/CODEOWNERS';

export interface CodeownersEntry {
  /** A pattern anchored at the repository root: `/charts/`, `/deployments/dev/shop.yaml`. */
  pattern: string;
  owners: string[];
}

/** What the platform owns, whoever else a claim file names. */
const PLATFORM_PATHS = ['/.github/', '/charts/', '/deployments/', '/deployments/settings.yaml', '/infrastructure/', '/rendered/'];

/** Letters, digits, '.', '_', '-' and '/': no space, '#', '!' or glob character can reach the file. */
const SAFE_PATH = /^[A-Za-z0-9._/-]+$/;
/** `@org/team` or `@user`, as the settings schema admits them. */
const SAFE_OWNER = /^@[A-Za-z0-9][-A-Za-z0-9]*(\/[A-Za-z0-9][-_.A-Za-z0-9]*)?$/;

const HEADER = `${GENERATED_MARKER} from deployments/settings.yaml (spec.tenancy) and the claims.
# Do not edit: run \`infraforge codeowners\`; \`infraforge validate\` fails while this file is stale.
# GitHub applies the last matching line: the platform owns everything listed first, each claim
# file its team. Binding only with "Require review from Code Owners" (infrastructure/github/).
`;

export interface CodeownersPlan {
  /** What the platform owns, then each claim file: GitHub applies the last line that matches. */
  platform: CodeownersEntry[];
  claims: CodeownersEntry[];
  problems: Problem[];
}

/** The entries for a registry and the claims of every environment. */
export function codeownersEntries(tenancy: Tenancy, claims: readonly LoadedClaim[], envs: readonly string[]): CodeownersPlan {
  const problems: Problem[] = [];
  const platform = tenancy.platformOwners;
  const platformEntries = [...PLATFORM_PATHS, ...envs.map((env) => `/deployments/${env}/`)].sort(cmp).map((pattern) => ({ pattern, owners: platform }));
  const entries: CodeownersEntry[] = [];

  const byFile = new Map<string, string[]>();
  for (const loaded of claims) {
    const team = teamOf(loaded.claim, tenancy);
    if (!team) continue; // an unregistered team is a claim problem of its own
    const owners = byFile.get(loaded.source.file) ?? [];
    for (const o of team.owners) if (!owners.includes(o)) owners.push(o);
    byFile.set(loaded.source.file, owners);
  }
  for (const [file, owners] of [...byFile].sort(([a], [b]) => cmp(a, b))) {
    if (!SAFE_PATH.test(file)) {
      problems.push({ file, code: 'codeowners-path', message: "a claim file's name must be letters, digits, '.', '_' and '-' to be named in .github/CODEOWNERS; rename the file" });
      continue;
    }
    entries.push({ pattern: `/${file}`, owners });
  }
  return { platform: platformEntries, claims: entries, problems };
}

/** The file's text. Throws when the entries would not read back as themselves. */
export function codeownersText(plan: Pick<CodeownersPlan, 'platform' | 'claims'>): string {
  const entries = [...plan.platform, ...plan.claims];
  for (const e of entries) {
    if (!SAFE_PATH.test(e.pattern) || e.owners.length === 0 || !e.owners.every((o) => SAFE_OWNER.test(o))) {
      throw new Error(`internal: unsafe CODEOWNERS entry ${JSON.stringify(e)}`);
    }
  }
  const block = (list: readonly CodeownersEntry[]) => list.map((e) => `${e.pattern} ${e.owners.join(' ')}\n`).join('');
  const text = `${HEADER}\n${block(plan.platform)}${plan.claims.length ? `\n${block(plan.claims)}` : ''}`;
  if (JSON.stringify(parseCodeowners(text)) !== JSON.stringify(entries.map((e) => ({ pattern: e.pattern, owners: e.owners })))) {
    throw new Error('internal: CODEOWNERS text does not read back as its entries');
  }
  return text;
}

/** Entries of a CODEOWNERS text, as GitHub reads it: a pattern and owners per line, '#' comments. */
export function parseCodeowners(text: string): CodeownersEntry[] {
  const entries: CodeownersEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [pattern, ...owners] = line.split(/\s+/);
    entries.push({ pattern: pattern!, owners: owners.filter((o) => !o.startsWith('#')) });
  }
  return entries;
}

/** Whether a file at `.github/CODEOWNERS` is ours to overwrite. */
export function isGeneratedCodeowners(text: string): boolean {
  return text.startsWith(GENERATED_MARKER);
}

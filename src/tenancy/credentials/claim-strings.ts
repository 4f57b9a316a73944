/**
 * No credentials in git: every env value and every string under `values:` is read as the line a
 * secret scanner would see (`NAME=value`, as in a dotenv file) and checked with gitleaks' rules,
 * plus URLs that carry a password. The message names the rule, never the value.
 */
import { type FieldPath, problemAt, type SourceDoc } from '../../claims/source.js';
import type { LoadedClaim } from '../../claims/types.js';
import type { Problem } from '../../errors.js';
import { findCredential } from './rules.js';

const ADVICE = 'credentials never go into git: put it in a Secret and use secretKeyRef';

export function credentialProblems(claims: readonly LoadedClaim[]): Problem[] {
  const problems: Problem[] = [];
  for (const { claim, source: doc } of claims) {
    claim.spec.applications.forEach((app, i) => {
      const base: FieldPath = ['spec', 'applications', i];
      (app.env ?? []).forEach((e, j) => {
        if (typeof e.value !== 'string') return;
        const rule = credentialIn(e.name, e.value);
        if (rule) problems.push(problemAt(doc, [...base, 'env', j, 'value'], 'credential-in-claim', `env ${e.name} looks like a credential (${rule}); ${ADVICE}`));
      });
      if (app.values) walk(app.values, [...base, 'values'], undefined, doc, problems);
    });
  }
  return problems;
}

/** What finds a credential in `name=value`, as words for the message; undefined when nothing does. */
export function credentialIn(name: string | undefined, value: string): string | undefined {
  const rule = findCredential(name === undefined ? value : `${name}=${value}`);
  if (rule) return `gitleaks rule ${rule}`;
  return urlWithPassword(value) ? 'a URL with a password' : undefined;
}

function walk(node: unknown, path: FieldPath, key: string | undefined, doc: SourceDoc, out: Problem[]): void {
  if (typeof node === 'string') {
    const rule = credentialIn(key, node);
    if (rule) out.push(problemAt(doc, path, 'credential-in-claim', `${key ?? 'this value'} looks like a credential (${rule}); ${ADVICE} (or the chart's existingSecret)`));
  } else if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, [...path, i], key, doc, out));
  } else if (node !== null && typeof node === 'object') {
    const map = node as Record<string, unknown>;
    for (const [k, v] of Object.entries(map)) {
      // `{ name: X, value: … }` (an env entry, a parameter) is the line `X=…`.
      const name = k === 'value' && typeof map.name === 'string' ? map.name : k;
      walk(v, [...path, k], name, doc, out);
    }
  }
}

/**
 * A URL whose userinfo has a password. Kubernetes' `$(VAR)` reference to another env var (itself
 * from a Secret) is how a URL is built without one, so a password that is only that is fine.
 */
function urlWithPassword(value: string): boolean {
  for (const token of value.split(/\s+/)) {
    if (!token.includes('://')) continue;
    let password: string;
    try {
      password = decodeURIComponent(new URL(token).password);
    } catch {
      continue;
    }
    if (password && !/^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(password)) return true;
  }
  return false;
}

/**
 * gitleaks' detection, for one string at a time: the rules of its maintained config
 * (gitleaks-rules.json, ported by port-gitleaks.py with the commit it came from), applied the way
 * gitleaks applies them (detect/detect.go): only when the line holds one of the rule's keywords, the rule's regex, the secret is its first non-empty
 * capture group, a finding needs more Shannon entropy than the rule's threshold, and the rule's
 * allowlists (regexes on the secret, the match or the line; stopwords in the secret) clear it.
 *
 * Ported rule ids: aws-access-token, gcp-api-key, github-app-token, github-fine-grained-pat,
 * github-oauth, github-pat, github-refresh-token, gitlab-deploy-token, gitlab-pat,
 * gitlab-pat-routable, gitlab-ptt, gitlab-rrt, npm-access-token, pypi-upload-token, private-key,
 * jwt, slack-app-token, slack-bot-token, slack-config-access-token, slack-config-refresh-token,
 * slack-legacy-bot-token, slack-legacy-token, slack-legacy-workspace-token, slack-user-token,
 * slack-webhook-url, stripe-access-token, generic-api-key.
 */
import ported from './gitleaks-rules.json' with { type: 'json' };

interface PortedRegex {
  source: string;
  flags: string;
}

interface PortedRule {
  id: string;
  description: string;
  regex: PortedRegex;
  keywords?: string[];
  entropy?: number;
  secretGroup?: number;
  allowlists?: { regexTarget: string; condition: string; regexes: PortedRegex[]; stopwords: string[] }[];
}

interface Allowlist {
  target: 'secret' | 'match' | 'line';
  all: boolean;
  regexes: RegExp[];
  stopwords: string[];
}

export interface CredentialRule {
  id: string;
  regex: RegExp;
  /** Lowercase; the rule runs only on a line that contains one (none: always). */
  keywords: string[];
  entropy: number;
  secretGroup: number;
  allowlists: Allowlist[];
}

/** Where the rules come from, for messages and the README. */
export const RULES_SOURCE: string = ported.source;

let compiled: CredentialRule[] | undefined;

/** The rules, compiled once, in the order of the config. */
export function credentialRules(): CredentialRule[] {
  compiled ??= (ported.rules as PortedRule[]).map((r) => ({
    id: r.id,
    regex: new RegExp(r.regex.source, `${r.regex.flags}g`),
    keywords: r.keywords ?? [],
    entropy: r.entropy ?? 0,
    secretGroup: r.secretGroup ?? 0,
    allowlists: (r.allowlists ?? []).map((a) => ({
      target: a.regexTarget as Allowlist['target'],
      all: a.condition === 'AND',
      regexes: a.regexes.map((x) => new RegExp(x.source, x.flags)),
      stopwords: a.stopwords,
    })),
  }));
  return compiled;
}

/** The first rule that finds a credential in `line`, or undefined. */
export function findCredential(line: string): string | undefined {
  const lower = line.toLowerCase();
  for (const rule of credentialRules()) {
    if (rule.keywords.length && !rule.keywords.some((k) => lower.includes(k))) continue;
    for (const m of line.matchAll(rule.regex)) {
      const secret = (rule.secretGroup > 0 ? m[rule.secretGroup] : m.slice(1).find((g) => g)) ?? m[0];
      if (rule.entropy > 0 && shannonEntropy(secret) <= rule.entropy) continue;
      const targets = { secret, match: m[0], line };
      if (rule.allowlists.some((a) => allowed(a, targets))) continue;
      return rule.id;
    }
  }
  return undefined;
}

function allowed(a: Allowlist, t: Record<Allowlist['target'], string>): boolean {
  const checks: boolean[] = [];
  if (a.regexes.length) checks.push(a.regexes.some((r) => r.test(t[a.target])));
  if (a.stopwords.length) {
    const lower = t.secret.toLowerCase();
    checks.push(a.stopwords.some((w) => lower.includes(w)));
  }
  return checks.length > 0 && (a.all ? checks.every(Boolean) : checks.some(Boolean));
}

/** Shannon entropy in bits per character, as gitleaks computes it (over code points, divided by the length in bytes). */
export function shannonEntropy(data: string): number {
  if (!data) return 0;
  const counts = new Map<string, number>();
  for (const ch of data) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const inv = 1 / Buffer.byteLength(data, 'utf8');
  let entropy = 0;
  for (const count of counts.values()) {
    const freq = count * inv;
    entropy -= freq * Math.log2(freq);
  }
  return entropy;
}

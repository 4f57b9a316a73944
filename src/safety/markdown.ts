/**
 * The "Data safety" section the PR comment opens with: one row per data component the change
 * touches, its class (the worst of its changes) and, per change, what happens and what to do
 * instead. Nothing when no data component changes. Pure.
 */
import { severity, worst } from './classes.js';
import type { Verdict } from './verdict.js';

/** Table cells hold our sentences and claim names (DNS labels, versions): only `|` and newlines could break a row. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function dataSafetyMarkdown(v: Verdict): string {
  if (v.findings.length === 0) return '';
  const rows = new Map<string, number[]>();
  v.findings.forEach((f, i) => {
    const key = `${f.env}/${f.claim}/${f.component}`;
    rows.set(key, [...(rows.get(key) ?? []), i]);
  });
  const lines = ['#### Data safety', '', '| component | class | what happens, and what to do instead |', '|---|---|---|'];
  const ordered = [...rows.entries()].map(([key, idx]) => ({ key, idx, cls: worst(idx.map((i) => v.findings[i]!.class)) }));
  ordered.sort((a, b) => severity(b.cls) - severity(a.cls) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { key, idx, cls } of ordered) {
    const first = v.findings[idx[0]!]!;
    const refusers = [...new Set(idx.map((i) => v.findings[i]!.by).filter((b) => b !== undefined))];
    const by = cls === 'refused after merge' && refusers.length ? ` (${refusers.map((b) => (b === 'api-server' ? 'API server' : 'operator')).join(', ')})` : '';
    const allAcknowledged = idx.filter((i) => v.findings[i]!.class === cls).every((i) => v.acknowledged.has(i));
    const ack = cls === 'data loss' && allAcknowledged ? ` — acknowledged in \`${first.claimFile ?? '?'}\`` : '';
    const what = idx.map((i) => {
      const f = v.findings[i]!;
      return `\`${f.change}\`${v.acknowledged.has(i) ? ' (acknowledged)' : ''}: ${f.sentence}`;
    });
    lines.push(`| \`${key}\` (${first.type}) | **${cls}**${by}${ack} | ${cell(what.join('<br>'))} |`);
  }
  const failing = v.reviewProblems.length;
  lines.push(
    '',
    failing
      ? `**${failing} change(s) fail this check**: a change the operator or the API server refuses after the merge never syncs, and a data loss needs an \`acknowledge\` entry in its claim.`
      : 'Nothing here fails the check.',
  );
  return `${lines.join('\n')}\n`;
}

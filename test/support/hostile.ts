/**
 * Seeded generators of hostile claim input, one per class of .github/SECURITY.md. Each draws
 * from fragments that mean something to a YAML reader, a template engine or a runner (newline,
 * `---`, `: `, `{{`, `::`, `%0A`, escape sequences, bidi marks, over-long parts) and mixes them
 * with ordinary text, so a run covers combinations no hand-written list would.
 */

import { rng } from './seeded.js';

export interface Pick {
  int(lo: number, hi: number): number;
  one<T>(items: readonly T[]): T;
  word(length?: number): string;
}

export function picker(seed: number): Pick {
  const next = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    int,
    one: (items) => items[int(0, items.length - 1)]!,
    word: (length = int(1, 8)) => Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[int(0, 35)]).join(''),
  };
}

/** Text that ends a line, starts a document or a mapping, or talks to the runner or a terminal. */
export const INJECTIONS = [
  '\n',
  '\r\n',
  '\n---\n',
  '\n---\napiVersion: v1\nkind: Pod\n',
  ': ',
  '{a: b}',
  '[x]',
  '#',
  ' ',
  '\t',
  '\n::notice::pwned',
  '::stop-commands::tok',
  '%0A::warning::x',
  '##[error]x',
  '\u001b[31m',
  '\u202e',
  '\u2028',
  '\u0085',
  '"',
  "'",
  '\\',
  '{{',
  '}}',
  '*',
  '&',
  '!',
  '|',
  '>',
  '?',
  '@',
  '`',
] as const;

/** One safe word with one to three injections somewhere in it. */
export function hostileText(pick: Pick, allowed: readonly string[] = INJECTIONS): string {
  let text = pick.word();
  const n = pick.int(1, 3);
  for (let i = 0; i < n; i++) {
    const at = pick.int(0, text.length);
    text = text.slice(0, at) + pick.one(allowed) + text.slice(at);
  }
  return text;
}

/** Label keys a YAML reader would take for something else, or the API server would refuse. */
export function hostileKey(pick: Pick): string {
  switch (pick.int(0, 5)) {
    case 0:
    case 1:
    case 2:
      return hostileText(pick);
    case 3:
      return `${pick.word()}/${'n'.repeat(pick.int(64, 100))}`; // name part over 63
    case 4:
      return `${'p'.repeat(pick.int(254, 300))}/name`; // prefix over 253
    default:
      return `${pick.one(['Upper.example.com', 'a..b', '-a.com', 'a/b/c', '/x', 'x/'])}${pick.one(['', '/k'])}`;
  }
}

/** Label values the API server refuses, or that Argo CD's goTemplate would evaluate. */
export function hostileLabelValue(pick: Pick): string {
  switch (pick.int(0, 4)) {
    case 0:
      return `${pick.word()}-{{.name}}`;
    case 1:
      return `{{ ${pick.one(['.name', 'index . "x"', 'env "HOME"'])} }}`;
    case 2:
      return 'v'.repeat(pick.int(64, 120));
    case 3:
      return `${pick.one(['-', '_', '.'])}${pick.word()}`;
    default:
      return hostileText(pick);
  }
}

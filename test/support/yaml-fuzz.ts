/**
 * Seeded generators of hostile and ordinary YAML for the parser-agreement test: random small
 * documents built from the edge cases of YAML 1.2 and 1.1 (numeric-looking keys, tags,
 * anchors, merge keys, block and flow scalars, control characters, odd indentation), and real
 * claims with one to three hostile edits. The same seed gives the same inputs on every machine.
 */

export type Rand = () => number;
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, n: number) => Math.floor(r() * n);

/** Keys that collide as numbers, read as other types, or carry indicators. */
export const KEYS = [
  'a', 'b', 'name', 'app-1', 'x.y/z', 'ä', '1', '1.0', '01', '0x10', '16', '0o20', '1e1', '10', '+10', '-0', '0',
  '"1"', "'1'", '"a"', "'a'", '"a\\x41"', '"aA"', '"a\\tb"', 'yes', 'no', 'on', 'off', 'true', 'True', '~', 'null', '.inf', '.nan', '__proto__',
  'constructor', '<<', 'a b', 'a#b', '"a: b"', '? a', '&k a', '!!str 7', '!!int "7"', '[a]', '{a: 1}', '- a', 'a\u0000', 'k\u0085',
];

/** Values: every scalar style, YAML 1.1 booleans and octals, numbers in every spelling, indicators. */
export const VALUES = [
  'x', 'two words', 'café ☕', '1', '1.0', '1.10', '010', '0o10', '0x10', '-0', '-0.0', '1e3', '.5', '+1', '1_000', '12345678901234567890',
  'yes', 'No', 'on', 'OFF', '~', 'null', 'true', 'False', '2024-01-01', '12:30:00', '.inf', '-.Inf', '.NaN', '""', "''", '"q"', "'q'",
  '"a\\tb"', '"a\\u0041"', '"\\x00"', '"a\\/b"', '"\\N\\_"', "'it''s'", '"x\n  y"', "'x\n\n  y'", 'x\n  continued', 'a # comment', 'a#b', 'a: b',
  '|\n  lit\n  eral\n', '|-\n  lit\n', '|+\n  keep\n\n', '>\n  folded\n  text\n\n  para\n', '>-\n  x\n    more\n  y\n', '|2\n   two\n',
  '[a, b]', '[1, "2", 3.0]', '{a: 1, b: [x]}', '[]', '{}', '[a: b]', '{a, b: c}', '[\n  a,\n  b\n]', '&x v', '*x', '!!str 1', '!!binary aGk=',
  '!custom v', '!!js/function "f"', '!<tag:yaml.org,2002:str> t', '- x', '? x', ': x', '%x', '@x', '`x', 'x\u0000y', 'x\u0007', 'x\u007f',
  'x\u0085y', 'x\u2028y', 'x\uFEFFy', 'x\uD800', '\u00a0', 'a\u200bb', '😀', '"😀"', 'x ', "'a'b", '"a"b', '-', '--', '---', '...',
];

/** The plain subset (fast-parse.ts): what most claims are written in, still with traps for a reader. */
const PLAIN_KEYS = ['a', 'b', 'name', 'app-1', 'x.y/z', 'ä', '"1"', "'a'", '"aA"', 'a b', 'a#b', '"a: b"', '"true"', "'~'", 'ports', 'env'];
const PLAIN_VALUES = [
  'x', 'two words', 'café', '1', '1.10', '0', '-7', '3.25', '-0', 'true', 'False', 'TRUE', '~', 'null', 'Null', '', '""', "''", '"q"', "'it''s'",
  'a#b', 'a # comment', 'x ', '12345678901234567890', '9007199254740993', '2024-01-01', '"a: b"', "'#x'", 'http://x/y?z=1', '1.0.0', 'v1', '-x', 'a:b',
];

/** A random document of nested block maps and sequences, with occasional structural faults. */
export function randomDocument(r: Rand, options: { plain?: boolean; maxDepth?: number } = {}): string {
  const maxDepth = options.maxDepth ?? 4;
  const keys = options.plain ? PLAIN_KEYS : KEYS;
  const values = options.plain ? PLAIN_VALUES : VALUES;
  const lines: string[] = [];
  const emit = (indent: number, depth: number): void => {
    const asSeq = r() < 0.3;
    const n = 1 + int(r, 4);
    for (let i = 0; i < n; i++) {
      // Now and then the indentation is off by one: a fault one parser may forgive.
      const pad = ' '.repeat(Math.max(0, indent + (r() < 0.04 ? pick(r, [-1, 1]) : 0)));
      const head = asSeq ? `${pad}- ` : `${pad}${pick(r, keys)}:`;
      if (depth < maxDepth && r() < 0.35) {
        lines.push(asSeq ? `${pad}-` : head);
        emit(indent + 2, depth + 1);
        continue;
      }
      const value = pick(r, values);
      const text = value.replace(/\n/g, `\n${pad}  `);
      lines.push(asSeq ? `${head}${text}` : `${head} ${text}`);
      if (r() < 0.05) lines.push(`${pad}# a comment`);
    }
  };
  emit(0, 0);
  let text = `${lines.join('\n')}\n`;
  if (r() < 0.08) text = `---\n${text}`;
  if (r() < 0.05) text = `${text}...\n`;
  if (r() < 0.05) text = `${text}---\n${lines.slice(0, 2).join('\n')}\n`;
  if (r() < 0.03) text = `%YAML 1.1\n---\n${text}`;
  return text;
}

/** Hostile edits of a real claim, one class each; `name` says which (for the test's table). */
export const CLAIM_EDITS: readonly { name: string; apply: (text: string, r: Rand) => string }[] = [
  { name: 'duplicate numeric-like keys', apply: (t, r) => insertUnder(t, 'metadata:', `  labels:\n    ${pick(r, ['1', '0x10', '1e1', '"1"', '+1', '0o20'])}: a\n    ${pick(r, ['1.0', '16', '10', '1', '01', '16.0'])}: b\n`) },
  { name: 'NUL and control characters', apply: (t, r) => spliceAt(t, r, pick(r, ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b', '\uFFFE', '\uD800'])) },
  { name: 'tags', apply: (t, r) => t.replace('name: api', `name: ${pick(r, ['!!str api', '!Secret api', '!!binary YXBp', '!!js/function api', '!<tag:yaml.org,2002:str> api'])}`) },
  { name: 'anchors and aliases', apply: (t) => t.replace('  healthCheck:', '  healthCheck: &hc').replace(/\n$/, '\n    - name: worker\n      version: "1.0.0"\n      healthCheck: *hc\n') },
  { name: 'alias bomb', apply: (t) => `${aliasBomb()}${t}` },
  { name: 'merge keys', apply: (t) => t.replace('  owner:\n', '  base: &b { team: Shop Team }\n  owner:\n    <<: *b\n') },
  { name: 'huge scalar', apply: (t, r) => t.replace('team: Shop Team', `team: ${pick(r, ['', '"', "'"])}${'x'.repeat(200_000 + int(r, 600_000))}`).replace(/team: (["'])(x+)/, 'team: $1$2$1') },
  { name: 'deep nesting', apply: (t, r) => `${t}  deep: ${r() < 0.5 ? '['.repeat(70 + int(r, 5000)) : blockNest(70 + int(r, 30))}\n` },
  { name: 'BOM and CRLF', apply: (t, r) => (r() < 0.5 ? '\uFEFF' : '') + (r() < 0.7 ? t.replace(/\n/g, '\r\n') : t) },
  { name: 'tabs', apply: (t, r) => spliceAt(t, r, '\t') },
  { name: 'YAML 1.1 booleans and octals', apply: (t, r) => t.replace('version: "1.0.0"', `version: ${pick(r, ['1.10', '010', '0o10', 'yes', 'on', 'NO', '1e3'])}\n      replicas: ${pick(r, ['010', '0x2', '2', 'yes', '2.0', '-0'])}\n      enabled: ${pick(r, ['yes', 'true', 'off', 'True', '~'])}`) },
  { name: 'random line edit', apply: (t, r) => lineEdit(t, r) },
  { name: 'random document', apply: (_t, r) => randomDocument(r, { plain: r() < 0.5 }) },
];

function insertUnder(text: string, anchor: string, block: string): string {
  const at = text.indexOf(anchor);
  if (at < 0) return text + block;
  const eol = text.indexOf('\n', at) + 1;
  return text.slice(0, eol) + block + text.slice(eol);
}

function spliceAt(text: string, r: Rand, s: string): string {
  const at = int(r, text.length);
  return text.slice(0, at) + s + text.slice(at);
}

function lineEdit(text: string, r: Rand): string {
  const lines = text.split('\n');
  const i = int(r, lines.length);
  switch (int(r, 5)) {
    case 0:
      lines.splice(i, 1);
      break;
    case 1:
      lines.splice(i, 0, lines[i] ?? '');
      break;
    case 2:
      lines[i] = ` ${lines[i]}`;
      break;
    case 3:
      lines[i] = (lines[i] ?? '').replace(/: /, ':');
      break;
    default:
      lines[i] = `${lines[i]} ${pick(r, VALUES).split('\n')[0]}`;
  }
  return lines.join('\n');
}

function blockNest(depth: number): string {
  let out = '';
  for (let d = 0; d < depth; d++) out += `\n${' '.repeat(4 + d * 2)}k${d}:`;
  return `${out} leaf`;
}

function aliasBomb(): string {
  const rows = ['bomb0: &a0 [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++) rows.push(`bomb${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]`);
  return `${rows.join('\n')}\n`;
}

/**
 * charts/common on its own, as anyone who bypasses the renderer would use it: real `helm
 * template` with values files we write here. Every map the templates write as keys gets
 * hostile keys from a seeded generator, and the chart's values.schema.json alone must refuse
 * them. Keys the schema allows (qualified names at their length limits), with annotation
 * values full of newlines, `---` and `{{`, must give exactly the objects the same values give
 * without them: same templates, same kinds, same names, and only kinds the templates name.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helm, HELMS, KUBE_VERSION } from '../support/helm.js';
import { hostileKey, hostileText, type Pick, picker } from '../support/hostile.js';
import { REPO_ROOT } from '../support/repo.js';

const CHART = path.join(REPO_ROOT, 'charts/common');
const TEMPLATES = path.join(CHART, 'templates');

/** Each template file → the kinds it names (`kind: X` lines): the only objects it may produce. */
const TEMPLATE_KINDS = new Map(
  readdirSync(TEMPLATES)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [f, [...readFileSync(path.join(TEMPLATES, f), 'utf8').matchAll(/^kind: ([A-Za-z]+)\s*$/gm)].map((m) => m[1]!)] as const),
);

type Values = Record<string, unknown>;
const ci = (name: string) => parse(readFileSync(path.join(CHART, 'ci', name), 'utf8')) as Values;

/** Every map the templates range over, as a path in the values, with the base values that make its template render. */
const MAPS: { path: string[]; base: () => Values; labels: boolean }[] = [
  ...[['labels'], ['annotations'], ['podAnnotations'], ['nodeSelector'], ['service', 'annotations'], ['ingress', 'annotations'], ['serviceAccount', 'annotations']].map((p) => ({
    path: p,
    base: () => ({ ...ci('microservice-values.yaml'), serviceAccount: { create: true } }),
    labels: p[0] === 'labels' || p[0] === 'nodeSelector',
  })),
  { path: ['labels'], base: () => ci('postgresql-values.yaml'), labels: true },
  { path: ['postgresql', 'parameters'], base: () => ci('postgresql-values.yaml'), labels: false },
];

function withMap(base: Values, at: string[], entries: Record<string, string>): Values {
  const out = structuredClone(base);
  let node = out;
  for (const key of at.slice(0, -1)) node = (node[key] ??= {}) as Values;
  node[at.at(-1)!] = { ...((node[at.at(-1)!] as Values | undefined) ?? {}), ...entries };
  return out;
}

let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'infraforge-chart-keys-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** JSON is YAML: the values file says exactly these strings to helm's reader, whatever they hold. */
async function template(values: Values, bin: string): Promise<{ ok: true; objects: { source: string; kind: string; name: string }[] } | { ok: false; stderr: string }> {
  const file = path.join(dir, `values-${n++}.json`);
  // Non-ASCII escaped too: go-yaml takes a raw U+0085 or U+2028 for a line break even inside quotes.
  writeFileSync(file, JSON.stringify(values).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  try {
    const { stdout } = await helm(['template', 'rel', CHART, '--kube-version', KUBE_VERSION, '--namespace', 'test', '-f', file], REPO_ROOT, bin);
    const objects: { source: string; kind: string; name: string }[] = [];
    // helm writes each object as `---`, `# Source: common/templates/<file>`, the object.
    for (const chunk of stdout.split(/^---[ \t]*$/m)) {
      const source = /^# Source: common\/templates\/(\S+)$/m.exec(chunk)?.[1] ?? '?';
      for (const doc of parseAllDocuments(chunk)) {
        const o = doc.toJS() as { kind?: string; metadata?: { name?: string } } | null;
        if (o !== null) objects.push({ source, kind: String(o.kind), name: String(o.metadata?.name) });
      }
    }
    return { ok: true, objects };
  } catch (error) {
    return { ok: false, stderr: String((error as { stderr?: string }).stderr ?? error) };
  }
}

/** A key the schema must accept: an optional DNS-subdomain prefix, a name up to its limits. */
function allowedKey(pick: Pick): string {
  const alnum = () => pick.one([...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789']);
  const nameLength = pick.one([1, 2, 30, 63]);
  const name = nameLength === 1 ? alnum() : alnum() + Array.from({ length: nameLength - 2 }, () => pick.one([...'abcXYZ019-_.'])).join('') + alnum();
  if (pick.int(0, 2) === 0) return name;
  const labels = Array.from({ length: pick.int(1, 4) }, () => pick.word(pick.int(1, 20)));
  const prefix = pick.int(0, 3) === 0 ? `${'p'.repeat(63)}.${'q'.repeat(63)}.${'r'.repeat(63)}.${'s'.repeat(61)}` : labels.join('.'); // 253 characters, or short
  return `${prefix}/${name}`;
}

function labelValue(pick: Pick): string {
  return pick.one(['', 'v', `a${'-'.repeat(61)}z`, pick.word()]);
}

describe.each(HELMS)('charts/common refuses hostile keys on its own (real $label, no renderer)', ({ bin }) => {
  it('the templates name these kinds (enumerated from the template files)', () => {
    const kinds = new Set([...TEMPLATE_KINDS.values()].flat());
    expect(kinds.size).toBeGreaterThanOrEqual(12);
    for (const k of ['Deployment', 'Service', 'Ingress', 'Cluster']) expect(kinds).toContain(k);
  });

  const pick = picker(18_010);
  const hostileCases = MAPS.flatMap((m) => Array.from({ length: 3 }, () => ({ map: m, key: m.path.at(-1) === 'parameters' ? hostileText(pick) : hostileKey(pick) })));

  it.each(hostileCases.map((c) => [c.map.path.join('.'), JSON.stringify(c.key).slice(0, 50), c] as const))('%s: key %s is refused by values.schema.json', async (_p, _k, c) => {
    const result = await template(withMap(c.map.base(), c.map.path, { [c.key]: 'v' }), bin);
    expect(result.ok, result.ok ? JSON.stringify(result.objects) : '').toBe(false);
    if (!result.ok) {
      expect(result.stderr).toContain("values don't meet the specifications of the schema");
      expect(result.stderr).toContain('invalid propertyName');
    }
  });

  const allowedCases = MAPS.map((m) => ({ map: m, seed: 18_020 + MAPS.indexOf(m) }));

  it.each(allowedCases.map((c) => [c.map.path.join('.'), c] as const))('%s: allowed keys, hostile annotation values: exactly the objects of the same values without them', async (_p, c) => {
    const p = picker(c.seed);
    const entries: Record<string, string> = {};
    for (let i = 0; i < 6; i++) {
      const key = c.map.path.at(-1) === 'parameters' ? `p_${p.word()}.${p.word()}` : allowedKey(p);
      entries[key] = c.map.labels ? labelValue(p) : hostileText(p);
    }
    const plain = await template(c.map.base(), bin);
    const keyed = await template(withMap(c.map.base(), c.map.path, entries), bin);
    if (!plain.ok || !keyed.ok) throw new Error(`helm template failed: ${!plain.ok ? plain.stderr : !keyed.ok ? keyed.stderr : ''}`);
    expect(keyed.objects).toEqual(plain.objects);
    const perTemplate = new Map<string, number>();
    for (const o of keyed.objects) {
      expect(TEMPLATE_KINDS.get(o.source) ?? [], `${o.kind} from ${o.source}`).toContain(o.kind);
      perTemplate.set(o.source, (perTemplate.get(o.source) ?? 0) + 1);
    }
    for (const [source, count] of perTemplate) expect(count, source).toBeLessThanOrEqual(TEMPLATE_KINDS.get(source)!.length);
  });
});

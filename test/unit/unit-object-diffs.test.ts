/**
 * How the diff streams units through a templater: in the order of the changes whatever order
 * answers come in, never more templates in flight than the templater asks for (what keeps memory
 * flat), and a unit the chart refuses shown as that unit's error. The templater here is a small
 * in-memory one behind the same interface as helm's (test/integration/helm-engine.test.ts runs
 * the real ones); it answers a ConfigMap holding the values' tag, in an order a seeded source picks.
 */
import { describe, expect, it } from 'vitest';
import { compareTrees } from '../../src/diff/compare.js';
import { manifestDiff, templatedUnits, type TemplatedUnit } from '../../src/diff/manifests.js';
import type { Templated, Templater, TemplateRequest } from '../../src/helm-engine/templater.js';
import { rng } from '../support/seeded.js';

const UNITS = 60;
const values = (i: number, tag: string) => `# Generated\nimage:\n  tag: "${tag}"\nunit: u${i}\n`;
const tree = (tag: (i: number) => string) => new Map(Array.from({ length: UNITS }, (_, i) => [`rendered/dev/c${String(i).padStart(2, '0')}/api/values.yaml`, values(i, tag(i))]));

/** Answers out of order; records the most requests it ever held at once. */
function shuffling(concurrency: number, refuse?: (r: TemplateRequest) => string | undefined): Templater & { peak: number; served: number } {
  const random = rng(7);
  const held: (() => void)[] = [];
  let flushing = false;
  const flush = () => {
    // Answer a random one of those held, until none is left, a turn of the event loop apart.
    if (flushing) return;
    flushing = true;
    const step = () => {
      if (!held.length) return void (flushing = false);
      held.splice(Math.floor(random() * held.length), 1)[0]!();
      setImmediate(step);
    };
    setImmediate(step);
  };
  const t = {
    name: 'in-memory',
    concurrency,
    peak: 0,
    served: 0,
    template(r: TemplateRequest): Promise<Templated> {
      return new Promise((resolve) => {
        held.push(() => {
          t.served++;
          const error = refuse?.(r);
          resolve(error ? { error } : { manifest: `---\n# Source: common/templates/configmap.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${r.release}\ndata:\n  tag: "${/tag: "(.*)"/.exec(r.values)![1]}"\n` });
        });
        t.peak = Math.max(t.peak, held.length);
        flush();
      });
    },
    async close() {},
  };
  return t;
}

const sides = (headTag: (i: number) => string) => {
  const base = tree(() => '1.0.0');
  const head = tree(headTag);
  return { changes: compareTrees(base, head), base: { chartDir: '/base/chart', files: base }, head: { chartDir: '/head/chart', files: head } };
};

async function collect(templater: Templater, headTag: (i: number) => string): Promise<TemplatedUnit[]> {
  const { changes, base, head } = sides(headTag);
  const out: TemplatedUnit[] = [];
  for await (const d of templatedUnits(changes, base, head, templater)) out.push(d);
  return out;
}

const manifest = (t: TemplatedUnit['after']) => (t && 'manifest' in t ? t.manifest : '');

describe('templatedUnits', () => {
  it('yields every changed unit in the order of the changes, whatever order the answers come in', async () => {
    const templater = shuffling(8);
    const units = await collect(templater, () => '2.0.0');
    expect(units.map((d) => d.release)).toEqual(Array.from({ length: UNITS }, (_, i) => `c${String(i).padStart(2, '0')}-api`));
    expect(templater.served).toBe(2 * UNITS);
    for (const d of units) {
      expect(manifest(d.before)).toContain('tag: "1.0.0"');
      expect(manifest(d.after)).toContain('tag: "2.0.0"');
      expect(manifest(d.after)).toContain(`name: ${d.release}`);
    }
  });

  it.each([1, 2, 4, 8])('never holds more than the templater’s concurrency (%i) in flight', async (concurrency) => {
    const templater = shuffling(concurrency);
    await collect(templater, () => '2.0.0');
    expect(templater.peak).toBeLessThanOrEqual(Math.max(2, concurrency));
    expect(templater.peak).toBeGreaterThanOrEqual(Math.min(2, concurrency));
  });
});

describe('manifestDiff', () => {
  it('one distinct change, in every changed unit; unchanged units are not counted as changed objects', async () => {
    const { changes, base, head } = sides((i) => (i % 3 === 0 ? '2.0.0' : '1.0.0'));
    const diffs = await manifestDiff(changes, base, head, shuffling(4));
    expect(diffs.units).toBe(UNITS / 3);
    expect(diffs.groups).toHaveLength(1);
    expect(diffs.groups[0]!.members).toHaveLength(UNITS / 3);
    expect(diffs.failures).toEqual([]);
  });

  it('a head the chart refuses is listed with helm’s words, and the other units diff as usual', async () => {
    const message = "values don't meet the specifications of the schema(s) in the following chart(s):\ncommon:\n- at '/replicas': got string, want integer";
    const refuse = (r: TemplateRequest) => (r.chartDir === '/head/chart' && r.release === 'c07-api' ? message : undefined);
    const { changes, base, head } = sides(() => '2.0.0');
    const diffs = await manifestDiff(changes, base, head, shuffling(4, refuse));
    expect(diffs.failures).toEqual([{ label: 'dev/c07/api', message: `head: ${message}` }]);
    expect(diffs.units).toBe(UNITS - 1);
    expect(diffs.groups).toHaveLength(1);
    expect(diffs.groups[0]!.members).toHaveLength(UNITS - 1);
  });
});

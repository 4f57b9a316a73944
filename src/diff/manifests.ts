/**
 * The Kubernetes objects a values change makes, before and after: `helm template` of the base
 * chart with the base values and of the head chart with the head values, when helm is on
 * PATH (GitHub's runners have it). Secret data never appears: only "changed (N bytes)"
 * (redact.ts). Each unit's objects go to an ObjectDiffCollector as soon as they are templated,
 * which keeps only its distinct changes (grouping/).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FileChange } from './compare.js';
import { ObjectDiffCollector, type ObjectDiffs } from './grouping/objects.js';

export { redactedObjects } from './redact.js';

const run = promisify(execFile);

export async function helmAvailable(): Promise<boolean> {
  try {
    await run('helm', ['version', '--short']);
    return true;
  } catch {
    return false;
  }
}

async function template(chartDir: string, release: string, values: string | undefined, work: string, name: string): Promise<string> {
  if (values === undefined) return '';
  const file = path.join(work, `${name}.yaml`);
  await writeFile(file, values);
  const { stdout } = await run('helm', ['template', release, chartDir, '--kube-version', '1.31.0', '-f', file], { maxBuffer: 64 << 20 });
  return stdout;
}

/** helm template runs twice per unit; past this many units the object diff says so and stops. */
export const MAX_TEMPLATED_UNITS = 25;

export async function manifestDiff(changes: FileChange[], base: { chartDir: string; files: Map<string, string> }, head: { chartDir: string; files: Map<string, string> }): Promise<ObjectDiffs> {
  const work = await mkdtemp(path.join(tmpdir(), 'infraforge-manifests-'));
  try {
    const collector = new ObjectDiffCollector();
    const units = changes.filter((x): x is FileChange & { unit: string } => x.unit !== undefined);
    for (const c of units.slice(0, MAX_TEMPLATED_UNITS)) {
      const release = `${c.claim}-${c.unit}`;
      const values = { before: base.files.get(c.path), after: head.files.get(c.path) };
      try {
        const before = await template(base.chartDir, release, values.before, work, 'base');
        const after = await template(head.chartDir, release, values.after, work, 'head');
        collector.addUnit(c, values, { before, after });
      } catch (e) {
        collector.addFailure(c, `helm template failed: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    return collector.result(Math.max(0, units.length - MAX_TEMPLATED_UNITS));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

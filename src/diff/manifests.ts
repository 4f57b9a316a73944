/**
 * The Kubernetes objects a values change makes, before and after: `helm template` of the base
 * chart with the base values and of the head chart with the head values, when helm is on
 * PATH (GitHub's runners have it). Secret data never appears: only "changed (N bytes)".
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { parseAllDocuments } from 'yaml';
import { emitYaml } from '../render/yaml-emit.js';
import type { FileChange } from './compare.js';
import { fence } from './markdown.js';

const run = promisify(execFile);

export async function helmAvailable(): Promise<boolean> {
  try {
    await run('helm', ['version', '--short']);
    return true;
  } catch {
    return false;
  }
}

/** Objects as text; a Secret's values become "(N bytes)", or "changed (N bytes)" against `compareWith`. */
export function redactedObjects(manifest: string, compareWith?: string): string {
  const previous = new Map<string, Record<string, string>>();
  if (compareWith !== undefined) for (const o of objectsOf(compareWith)) if (o.kind === 'Secret') previous.set(objectKey(o), secretValues(o));
  return objectsOf(manifest)
    .map((o) => {
      if (o.kind !== 'Secret') return emitYaml(o);
      const { data: _data, stringData: _stringData, ...rest } = o;
      const values = secretValues(o);
      const before = previous.get(objectKey(o));
      const data: Record<string, string> = {};
      for (const [k, v] of Object.entries(values)) {
        const size = `${Buffer.byteLength(v)} bytes`;
        data[k] = !before ? `(${size})` : before[k] === undefined ? `added (${size})` : before[k] === v ? `(${size})` : `changed (${size})`;
      }
      return emitYaml({ ...rest, data });
    })
    .join('---\n');
}

type K8s = { kind?: string; metadata?: { name?: string; namespace?: string }; data?: Record<string, string>; stringData?: Record<string, string>; [k: string]: unknown };

function objectsOf(manifest: string): K8s[] {
  return parseAllDocuments(manifest)
    .map((d) => d.toJS() as K8s | null)
    .filter((o): o is K8s => o !== null && typeof o === 'object');
}

function objectKey(o: K8s): string {
  return `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
}

/** Decoded values, kept in memory only to compare; never printed. */
function secretValues(o: K8s): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.data ?? {})) out[k] = Buffer.from(String(v), 'base64').toString('latin1');
  for (const [k, v] of Object.entries(o.stringData ?? {})) out[k] = String(v);
  return out;
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

export async function manifestDiff(changes: FileChange[], base: { chartDir: string; files: Map<string, string> }, head: { chartDir: string; files: Map<string, string> }): Promise<string> {
  const work = await mkdtemp(path.join(tmpdir(), 'infraforge-manifests-'));
  try {
    const parts: string[] = [];
    const units = changes.filter((x) => x.unit);
    for (const c of units.slice(0, MAX_TEMPLATED_UNITS)) {
      const release = `${c.claim}-${c.unit}`;
      const before = await template(base.chartDir, release, base.files.get(c.path), work, 'base').catch((e: Error) => `# helm template failed: ${e.message.split('\n')[0]}\n`);
      const after = await template(head.chartDir, release, head.files.get(c.path), work, 'head').catch((e: Error) => `# helm template failed: ${e.message.split('\n')[0]}\n`);
      const patch = createTwoFilesPatch(`a/${c.env}/${release}`, `b/${c.env}/${release}`, redactedObjects(before), redactedObjects(after, before), '', '', { context: 3 });
      if (patch.split('\n').some((l) => /^[+-][^+-]/.test(l))) parts.push(patch);
    }
    const more = units.length > MAX_TEMPLATED_UNITS ? `\n${units.length - MAX_TEMPLATED_UNITS} more changed units were not templated (limit ${MAX_TEMPLATED_UNITS}).\n` : '';
    return parts.length ? fence(parts.join('\n')) + more : '';
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

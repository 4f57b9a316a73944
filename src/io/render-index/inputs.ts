/**
 * The shared inputs of every claim's output, hashed by content (never by stat data or clock,
 * so the committed index reads the same on any checkout): the build doing the rendering, the
 * resolved settings and charts/common.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildDir } from '../build-dir.js';
import { cmp } from '../../errors.js';
import type { RenderSettings } from '../../settings/types.js';
import { CHART_DIR } from '../../settings/resolve.js';
import { type SharedInputs, sha256 } from './model.js';

export function sharedInputs(root: string, settings: RenderSettings): SharedInputs {
  // The deletion guard's settings decide whether a run may go ahead, not what it writes: a
  // render with --allow-deletions writes the index a render without it would.
  const { allowDeletions: _allow, maxDeletedApps: _max, ...output } = settings;
  return { renderer: rendererHash(), settings: sha256(JSON.stringify(output, mapsAsEntries)), chart: treeHash(path.join(root, CHART_DIR)) };
}

function mapsAsEntries(_key: string, value: unknown): unknown {
  return value instanceof Map ? [...value.entries()].sort(([a], [b]) => cmp(String(a), String(b))) : value;
}

let renderer: string | undefined;
/** Every file of the build this code runs from (dist/, or src/ under the tests), by content. */
function rendererHash(): string {
  if (renderer) return renderer;
  renderer = treeHash(buildDir());
  return renderer;
}

/** sha256 over every file below `dir` (relative path and bytes, sorted); a missing folder has its own hash. */
function treeHash(dir: string): string {
  const parts: string[] = [];
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch {
      parts.push(`missing ${rel}`);
      return;
    }
    for (const entry of entries.sort((a, b) => cmp(a.name, b.name))) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else parts.push(`${child} ${sha256(readFileSync(path.join(dir, child)))}`);
    }
  };
  walk('');
  return sha256(parts.join('\n'));
}

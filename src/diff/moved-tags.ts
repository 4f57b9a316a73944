/**
 * With spec.image.pinDigests, a tag that moved in the registry changes one line of a values
 * file (image.digest). A reviewer should read that as what it is: the same tag, another image.
 * Pure: the two rendered trees in, one sentence per moved tag out.
 */
import { parse } from 'yaml';
import { cmp } from '../errors.js';

interface ImageValues {
  repository?: unknown;
  tag?: unknown;
  digest?: unknown;
}

export function movedTags(base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>): string[] {
  const lines: string[] = [];
  for (const [file, after] of [...head].sort(([a], [b]) => cmp(a, b))) {
    const before = base.get(file);
    if (!file.endsWith('/values.yaml') || before === undefined || before === after) continue;
    const a = imageOf(before);
    const b = imageOf(after);
    if (!a || !b || a.repository !== b.repository || a.tag !== b.tag) continue;
    if (typeof a.digest !== 'string' || typeof b.digest !== 'string' || a.digest === b.digest) continue;
    lines.push(`tag ${String(b.tag)} now points at a different image: ${String(b.repository)}:${String(b.tag)} was ${a.digest}, is ${b.digest} (${file})`);
  }
  return lines;
}

function imageOf(text: string): ImageValues | undefined {
  try {
    const image = (parse(text, { maxAliasCount: 0 }) as { image?: ImageValues } | null)?.image;
    return image && typeof image === 'object' ? image : undefined;
  } catch {
    return undefined;
  }
}

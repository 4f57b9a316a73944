/**
 * A markdown document within a size limit, cut only between blocks. Each block is whole
 * markdown (a fenced diff inside its <details>, a table): a block that does not fit is left out
 * whole — never cut inside a fence — and counted under its label, so the closing notice can say
 * exactly what is missing. A table may instead keep the rows that fit. Pure.
 */

export interface Block {
  text: string;
  /** What the notice calls the blocks left out, plural: `file changes`, `object changes`. */
  label: string;
  /** Parts the block already holds back (a list cut to its cap), which the notice counts too. */
  held?: { label: string; omitted: number; total: number };
  /** A heading: shown only with the first block after it that fits, never alone at the end. */
  heading?: boolean;
  /** A table whose rows may be cut: `text` is head and rows; a cut ends with the `more(n)` row. */
  table?: { head: string; rows: string[]; more: (n: number) => string };
}

export interface LeftOut {
  label: string;
  omitted: number;
  total: number;
}

export interface Fitted {
  text: string;
  leftOut: LeftOut[];
}

/** Measures as the limit counts: characters for comments, UTF-8 bytes for the job summary. */
export type Measure = (text: string) => number;
export const characters: Measure = (text) => text.length;
export const utf8Bytes: Measure = (text) => Buffer.byteLength(text);

/**
 * Blocks in order while they fit in `limit` together with the notice (`notice(leftOut)`, which
 * must stay within `reserve`); a block too big is skipped and later, smaller ones still tried.
 * The notice closes the document whenever anything was left out or held back.
 */
export function fitBlocks(blocks: readonly Block[], limit: number, measure: Measure, notice: (leftOut: LeftOut[]) => string, reserve = 2_000): Fitted {
  const counts = new Map<string, LeftOut>();
  const tally = (label: string, omitted: number, total: number) => {
    const c = counts.get(label) ?? { label, omitted: 0, total: 0 };
    counts.set(label, { label, omitted: c.omitted + omitted, total: c.total + total });
  };
  const everything = blocks.reduce((n, b) => n + measure(b.text), 0);
  const room = limit - (blocks.some((b) => b.held?.omitted) || everything > limit ? reserve : 0);
  const parts: string[] = [];
  let used = 0;
  let heading = '';
  for (const b of blocks) {
    if (b.heading) {
      heading = b.text;
      continue;
    }
    const size = measure(heading + b.text);
    if (used + size <= room) {
      parts.push(heading + b.text);
      heading = '';
      used += size;
      if (b.held) tally(b.held.label, b.held.omitted, b.held.total);
      else if (!b.table) tally(b.label, 0, 1);
      continue;
    }
    if (!b.table) {
      tally(b.label, 1, 1);
      continue;
    }
    const rows: string[] = [];
    let taken = measure(b.table.head) + 1;
    for (const row of b.table.rows) {
      const n = measure(row) + 1;
      if (used + taken + n + 200 > room) break;
      rows.push(row);
      taken += n;
    }
    const omitted = b.table.rows.length - rows.length;
    tally(b.label, omitted + (b.held?.omitted ?? 0), b.table.rows.length + (b.held?.omitted ?? 0));
    if (rows.length) {
      const text = `${[b.table.head, ...rows, b.table.more(omitted)].join('\n')}\n`;
      parts.push(text);
      used += measure(text);
    }
  }
  const leftOut = [...counts.values()].filter((c) => c.omitted > 0);
  const closing = leftOut.length ? notice(leftOut) : '';
  if (measure(closing) > reserve) throw new Error(`internal: the notice (${measure(closing)}) is larger than its reserve (${reserve})`);
  return { text: parts.join('') + closing, leftOut };
}

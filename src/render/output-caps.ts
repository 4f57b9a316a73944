/**
 * How much a render may write. YAML aliases let a small claim stand for a large document (one
 * long string aliased a hundred times is a hundred copies once written), so output is capped
 * in proportion to input, and per file, before any text is built past the cap:
 *
 * - one rendered file: at most 256 KiB (Kubernetes refuses an object's annotations past that,
 *   and no values file of a real claim comes near it);
 * - one run: at most 4 × the bytes of the claim files rendered so far + 8 KiB per file written
 *   so far (a small claim legitimately renders a few KiB of defaults per unit).
 *
 * The claim whose file crosses a cap is the one refused. Stated in README.md and
 * .github/SECURITY.md; change them together.
 */

export const MAX_OUTPUT_FILE_BYTES = 256 * 1024;
export const OUTPUT_PER_INPUT_BYTE = 4;
export const OUTPUT_ALLOWANCE_PER_FILE = 8 * 1024;

export class OutputBudget {
  private input = 0;
  private used = 0;
  private files = 0;
  private readonly counted = new Set<string>();

  /** Without input sizes (a unit test's claims) only the per-file cap applies. */
  constructor(private readonly inputBytes?: ReadonlyMap<string, number>) {}

  /** A claim file's bytes join the allowance when the first claim from it is rendered. */
  addClaimFile(file: string): void {
    if (this.counted.has(file)) return;
    this.counted.add(file);
    this.input += this.inputBytes?.get(file) ?? 0;
  }

  /** The most the next file may take, and which cap that is. */
  next(): { max: number; cap: 'file' | 'run' } {
    if (!this.inputBytes) return { max: MAX_OUTPUT_FILE_BYTES, cap: 'file' };
    const run = OUTPUT_PER_INPUT_BYTE * this.input + OUTPUT_ALLOWANCE_PER_FILE * (this.files + 1) - this.used;
    return run < MAX_OUTPUT_FILE_BYTES ? { max: Math.max(0, run), cap: 'run' } : { max: MAX_OUTPUT_FILE_BYTES, cap: 'file' };
  }

  spend(bytes: number): void {
    this.used += bytes;
    this.files++;
  }
}

export function capMessage(path: string, cap: 'file' | 'run'): string {
  return cap === 'file'
    ? `rendered ${path} would be larger than ${MAX_OUTPUT_FILE_BYTES / 1024} KiB, the limit for one rendered file (an alias repeating a long value?)`
    : `rendered ${path} would take the render past ${OUTPUT_PER_INPUT_BYTE} × the size of its claims + ${OUTPUT_ALLOWANCE_PER_FILE / 1024} KiB per file (an alias repeating a long value?)`;
}

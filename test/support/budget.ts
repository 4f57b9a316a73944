/**
 * Time budgets from measured work. A fixed timeout fails on a busy shared machine and hides a
 * real slowdown on an idle one. Instead a test file runs a known fraction of a slow test's work
 * on this machine, under its current load, and allows a multiple of what that took.
 */

export interface BudgetOptions {
  /** Headroom over the scaled measurement, for load that changes between sample and test. */
  safety?: number;
  /** Never less than this (ms): tiny samples are dominated by noise. */
  floor?: number;
}

/** Runs `sample` once and returns `scale` × its duration × `safety`, in ms. */
export async function measuredBudget(sample: () => Promise<unknown>, scale: number, options: BudgetOptions = {}): Promise<number> {
  const start = performance.now();
  await sample();
  const took = performance.now() - start;
  return Math.max(options.floor ?? 30_000, Math.ceil(took * scale * (options.safety ?? 2)));
}

/**
 * The five things a change can do to a data component, mildest first. The order is the order
 * of severity: a component with several changes is as bad as its worst one.
 */
export const SAFETY_CLASSES = ['safe', 'rolling restart', 'downtime', 'refused after merge', 'data loss'] as const;
export type SafetyClass = (typeof SAFETY_CLASSES)[number];

/** Who says no to a refused change: the API server (proven by a dry-run) or the operator (cited). */
export type Refuser = 'api-server' | 'operator';

export const severity = (c: SafetyClass): number => SAFETY_CLASSES.indexOf(c);
export const worst = (classes: readonly SafetyClass[]): SafetyClass => classes.reduce((a, b) => (severity(b) > severity(a) ? b : a), 'safe');

/** `diff` fails on these unless acknowledged (data loss only: no acknowledgement makes a refusal sync). */
export const failsReview = (c: SafetyClass): boolean => c === 'refused after merge' || c === 'data loss';

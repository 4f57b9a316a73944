/** Pointing a tenancy problem at the settings line that causes it. */
import { type FieldPath, problemAt } from '../claims/source.js';
import type { Problem } from '../errors.js';
import type { Tenancy } from '../settings/tenancy.js';

export const SETTINGS_FILE = 'deployments/settings.yaml';

/** A problem at `spec.tenancy.<path>` of the settings file (the file alone when it was not read from disk). */
export function settingsProblem(tenancy: Tenancy, path: FieldPath, code: string, message: string): Problem {
  const full = ['spec', 'tenancy', ...path];
  return tenancy.source ? problemAt(tenancy.source, full, code, message) : { file: SETTINGS_FILE, code, message };
}

/** `deployments/settings.yaml:L:C`, or the file alone. */
export function settingsPlace(tenancy: Tenancy, path: FieldPath): string {
  const p = settingsProblem(tenancy, path, '', '');
  return p.line === undefined ? SETTINGS_FILE : `${p.file}:${p.line}:${p.col}`;
}

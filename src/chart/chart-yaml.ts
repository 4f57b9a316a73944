/**
 * Chart.yaml, read in one place for everyone who needs it (packaging, the version the
 * ApplicationSets pin, "bumped from X" against an older commit): parsed like any untrusted YAML
 * and held to the same rules, so a chart that packages is a chart that renders and vice versa.
 */
import { parseClaimFile } from '../claims/parse.js';
import type { Problem } from '../errors.js';
import { isDnsLabel } from '../render/names.js';

export interface ChartMeta {
  apiVersion: string;
  name: string;
  version: string;
  [key: string]: unknown;
}

export type ChartYaml = { meta: ChartMeta; problems: [] } | { meta: undefined; problems: Problem[] };

export const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** `file` is the repository-relative path used in problems. */
export function parseChartYaml(file: string, text: string): ChartYaml {
  const parsed = parseClaimFile(file, text);
  if (parsed.problems.length) return { meta: undefined, problems: parsed.problems };
  const doc = parsed.docs[0];
  const data = (doc?.data ?? {}) as Partial<ChartMeta>;
  const at = (field: string, code: string, message: string): Problem => ({ file, ...(doc?.locate([field], 'value') ?? { line: 1, col: 1 }), code, message });
  const problems: Problem[] = [];
  if (data.apiVersion !== 'v2') problems.push(at('apiVersion', 'chart-api-version', 'apiVersion must be v2'));
  if (typeof data.name !== 'string' || !isDnsLabel(data.name)) problems.push(at('name', 'chart-name', 'name must be a DNS label'));
  if (typeof data.version !== 'string' || !SEMVER.test(data.version)) {
    problems.push(at('version', 'chart-version', `version ${JSON.stringify(data.version)} is not a semantic version (e.g. 2.0.1)`));
  }
  if (problems.length) return { meta: undefined, problems };
  return { meta: data as ChartMeta, problems: [] };
}

/** Where a top-level Chart.yaml field's value sits, for problems raised later (e.g. "not published"). */
export function chartFieldPosition(file: string, text: string, field: string): { line: number; col: number } {
  return parseClaimFile(file, text).docs[0]?.locate([field], 'value') ?? { line: 1, col: 1 };
}

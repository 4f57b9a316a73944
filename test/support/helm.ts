/**
 * The real `helm` binaries, as CI installs them (.ci/bootstrap): Helm 3 (the pinned build or the
 * helm on PATH) and Helm 4 (.ci/.tools/helm4/helm, the release Argo CD v3.6.1 renders with). The
 * chart tests run the same assertions under each (`describe.each(HELMS)`).
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT } from './repo.js';
import { TOOLS, toolOrSkip } from './tools.js';

const run = promisify(execFile);

export interface HelmUnderTest {
  /** 'helm 3' or 'helm 4', for test names. */
  label: string;
  major: 3 | 4;
  /** Absolute path of the binary. */
  bin: string;
  /** process.env.PATH with this helm's directory first: what the CLI and the action find as `helm`. */
  PATH: string;
}

/** `bin` as an absolute path: itself when it has a slash, else the first match on PATH. */
function absolute(bin: string): string {
  if (bin.includes('/')) return bin;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    try {
      accessSync(path.join(dir, bin), constants.X_OK);
      return path.resolve(dir, bin);
    } catch {
      // not in this directory
    }
  }
  return bin;
}

function underTest(major: 3 | 4, found: string | undefined): HelmUnderTest | undefined {
  if (!found) return undefined;
  const bin = absolute(found);
  return { label: `helm ${major}`, major, bin, PATH: [path.dirname(bin), process.env.PATH ?? ''].join(path.delimiter) };
}

/** Each is undefined outside CI when it is missing (its tests skip); under CI=true it throws (see tools.ts). */
export const HELM3 = underTest(3, toolOrSkip(TOOLS.helm));
export const HELM4 = underTest(4, toolOrSkip(TOOLS.helm4));
/** The Helms the chart tests run under, Helm 3 first. */
export const HELMS: HelmUnderTest[] = [HELM3, HELM4].filter((h): h is HelmUnderTest => h !== undefined);
/** Helm 3, for the tests that need one helm and not a particular major. */
export const HELM = HELM3?.bin;

export const KUBE_VERSION = '1.31.0';

/**
 * Helm 4 (since v4.2.0: helm/helm#31952 keeps each document's trailing newline, reported as
 * helm/helm#32565) prints a blank line at the end of every document but the last, before the next
 * `---`; Helm 3 trims it. The only difference found between them on our chart (same objects).
 * This removes exactly that line, so Helm 4's output can be held to Helm 3's reviewed bytes.
 */
export function withoutHelm4BlankLines(text: string): string {
  return text.replace(/\n\n(?=---\n# Source: )/g, '\n');
}

export async function helm(args: string[], cwd = REPO_ROOT, bin = HELM): Promise<{ stdout: string; stderr: string }> {
  if (!bin) throw new Error('helm is not on PATH: run the tests through .ci/bootstrap');
  return run(bin, args, { cwd, maxBuffer: 64 << 20 });
}

export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> }; spec?: any; [k: string]: unknown };

export async function helmTemplate(valuesFile: string, release: string, chart = path.join(REPO_ROOT, 'charts/common'), bin = HELM): Promise<{ text: string; objects: K8sObject[] }> {
  const { stdout } = await helm(['template', release, chart, '--kube-version', KUBE_VERSION, '--namespace', 'test', '-f', valuesFile], REPO_ROOT, bin);
  const objects = parseAllDocuments(stdout)
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
  return { text: stdout, objects };
}

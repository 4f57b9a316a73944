/** The real `helm` binary, as CI installs it (.ci/bootstrap). */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT } from './repo.js';
import { TOOLS, toolOrSkip } from './tools.js';

const run = promisify(execFile);

/** helm, or undefined outside CI when it is missing (see tools.ts). */
export const HELM = toolOrSkip(TOOLS.helm);

export const KUBE_VERSION = '1.31.0';

export async function helm(args: string[], cwd = REPO_ROOT): Promise<{ stdout: string; stderr: string }> {
  if (!HELM) throw new Error('helm is not on PATH: run the tests through .ci/bootstrap');
  return run(HELM, args, { cwd, maxBuffer: 64 << 20 });
}

export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> }; spec?: any; [k: string]: unknown };

export async function helmTemplate(valuesFile: string, release: string, chart = path.join(REPO_ROOT, 'charts/common')): Promise<{ text: string; objects: K8sObject[] }> {
  const { stdout } = await helm(['template', release, chart, '--kube-version', KUBE_VERSION, '--namespace', 'test', '-f', valuesFile]);
  const objects = parseAllDocuments(stdout)
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
  return { text: stdout, objects };
}

/**
 * Which templater a diff uses. The diff must print what `helm template` prints with the helm on
 * PATH, so: the Go helper when it is installed (on PATH, or in the .ci/.tools/bin of the build
 * that runs, where .ci/install-test-tools puts it) and built on the same Helm major as that helm
 * (or no helm is on PATH); else a pool of `helm template` processes of the helm on PATH (a Helm 4
 * on PATH gets the pool: the helper is built on Helm 3's packages); else none (the diff then has
 * no object section). INFRAFORGE_HELM_ENGINE=off skips the helper (the benchmark compares both).
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { buildDir } from '../io/build-dir.js';
import { promisify } from 'node:util';
import { engineProcess } from './engine-process.js';
import { helmPool } from './helm-pool.js';
import type { Templater } from './templater.js';

const run = promisify(execFile);

export const ENGINE_BINARY = 'helm-engine';

/** A helm binary and its major release (3 or 4). */
export interface HelmBinary {
  bin: string;
  major: number;
}

export async function openTemplater(env: Record<string, string | undefined>): Promise<Templater | undefined> {
  const cpus = availableParallelism();
  const helm = await helmOnPath(env);
  const engine = env.INFRAFORGE_HELM_ENGINE === 'off' ? undefined : await locateEngine(env, helm?.major);
  if (engine) return engineProcess(engine, cpus);
  if (helm) return helmPool(helm.bin, cpus);
  return undefined;
}

/** The first `helm` on env.PATH that answers `version --short` (v3.22.0+g…, v4.3.1), with its major. */
export async function helmOnPath(env: Record<string, string | undefined>): Promise<HelmBinary | undefined> {
  for (const dir of pathDirs(env)) {
    const bin = path.join(dir, 'helm');
    if (!executable(bin)) continue;
    const major = majorOf(await versionOf(bin, ['version', '--short']), /^v(\d+)\./);
    return major === undefined ? undefined : { bin, major };
  }
  return undefined;
}

/**
 * The helper's path, when one is installed that answers `--version` with the Helm module it was
 * built on (`helm.sh/helm/v3 v3.22.0`) and that module's major is `helmMajor` (any, when
 * undefined: no helm on PATH to agree with).
 */
export async function locateEngine(env: Record<string, string | undefined>, helmMajor?: number): Promise<string | undefined> {
  const dirs = pathDirs(env);
  dirs.push(path.join(buildRoot(), '.ci', '.tools', 'bin'));
  for (const dir of dirs) {
    const bin = path.join(dir, ENGINE_BINARY);
    if (!executable(bin)) continue;
    const major = majorOf(await versionOf(bin, ['--version']), /^helm\.sh\/helm\/v(\d+) /);
    if (major !== undefined && (helmMajor === undefined || major === helmMajor)) return bin;
  }
  return undefined;
}

function pathDirs(env: Record<string, string | undefined>): string[] {
  return (env.PATH ?? '').split(path.delimiter).filter((d) => path.isAbsolute(d));
}

function majorOf(version: string, pattern: RegExp): number | undefined {
  const m = pattern.exec(version.trim());
  return m ? Number(m[1]) : undefined;
}

async function versionOf(bin: string, args: string[]): Promise<string> {
  return run(bin, args).then(
    (r) => r.stdout,
    () => '',
  );
}

/** The checkout the running code comes from: the parent of dist/ (or of src/ under the tests). */
function buildRoot(): string {
  return path.dirname(buildDir());
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

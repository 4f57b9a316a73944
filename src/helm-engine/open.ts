/**
 * Which templater a diff uses: the Go helper when it is installed (on PATH, or in the
 * .ci/.tools/bin of the build that runs, where .ci/install-test-tools puts it), else a pool of
 * `helm template` processes when helm is on PATH, else none (the diff then has no object
 * section). INFRAFORGE_HELM_ENGINE=off skips the helper (the benchmark compares both).
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { engineProcess } from './engine-process.js';
import { helmPool } from './helm-pool.js';
import type { Templater } from './templater.js';

const run = promisify(execFile);

export const ENGINE_BINARY = 'helm-engine';

export async function openTemplater(env: Record<string, string | undefined>): Promise<Templater | undefined> {
  const cpus = availableParallelism();
  const engine = env.INFRAFORGE_HELM_ENGINE === 'off' ? undefined : await locateEngine(env);
  if (engine) return engineProcess(engine, cpus);
  if (await runs('helm', ['version', '--short'])) return helmPool('helm', cpus);
  return undefined;
}

/** The helper's path, when one that answers `--version` with a Helm 3 module is installed. */
export async function locateEngine(env: Record<string, string | undefined>): Promise<string | undefined> {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((d) => path.isAbsolute(d));
  dirs.push(path.join(buildRoot(), '.ci', '.tools', 'bin'));
  for (const dir of dirs) {
    const bin = path.join(dir, ENGINE_BINARY);
    if (!executable(bin)) continue;
    const version = await run(bin, ['--version']).then(
      (r) => r.stdout,
      () => '',
    );
    if (version.startsWith('helm.sh/helm/v3 ')) return bin;
  }
  return undefined;
}

/** The checkout the running code comes from: the parent of dist/ (or of src/ under the tests). */
function buildRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!['dist', 'src'].includes(path.basename(dir)) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.dirname(dir);
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function runs(bin: string, args: string[]): Promise<boolean> {
  return run(bin, args).then(
    () => true,
    () => false,
  );
}

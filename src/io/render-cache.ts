/**
 * The operator's good idea, kept for the CLI: when nothing changed, do (almost) nothing.
 *
 * Rendering is a pure function of the claims, the settings, the chart's Chart.yaml and
 * values.schema.json, the origin remote and the code doing it, and a no-op also needs
 * rendered/ to be exactly what that function gives. After a run that left it so, we record a
 * fingerprint of all of them and reuse the answer while the fingerprint holds. Git computes
 * it: the tree ids of those paths at HEAD plus `git status` for what differs from HEAD (with
 * its own protection against "racily clean" files), and a content hash of each differing
 * file. So a clean checkout costs two git calls instead of parsing every claim.
 *
 * The cache lives in .git/ (never committed); outside a git checkout, or with more than
 * MAX_DIRTY changed files, there is no cache. `--no-cache` turns it off. One blind spot, by
 * design: a file added under rendered/ and never committed is not looked for (see below).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FORMAT = 2;
const MAX_DIRTY = 500;
const INPUT_PATHS = ['deployments', 'charts/common/Chart.yaml', 'charts/common/values.schema.json'];
const PATHS = [...INPUT_PATHS, 'rendered'];

interface CacheFile {
  format: number;
  key: string;
  fingerprint: string;
  unchanged: number;
}

function cachePath(root: string): string | undefined {
  try {
    return statSync(path.join(root, '.git')).isDirectory() ? path.join(root, '.git', 'infraforge-render', 'render-cache.json') : undefined;
  } catch {
    return undefined;
  }
}

function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
}

/** The state the output depends on, or undefined when it cannot be told cheaply. */
export function fingerprint(root: string): string | undefined {
  if (!cachePath(root)) return undefined;
  try {
    const tree = git(root, ['ls-tree', '-z', 'HEAD', '--', ...PATHS]);
    // -z: NUL-separated `XY path` entries. Inputs: every untracked or ignored file counts.
    // rendered/: tracked files only — an untracked file there is not something Argo CD can see,
    // and scanning thousands of output folders for strays would cost more than the rest.
    const inputs = git(root, ['--no-optional-locks', 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignored=matching', '--', ...INPUT_PATHS]);
    const outputs = git(root, ['--no-optional-locks', 'status', '--porcelain=v1', '-z', '--untracked-files=no', '--', 'rendered']);
    const dirty = `${inputs}${outputs}`.split('\0').filter(Boolean);
    if (dirty.length > MAX_DIRTY) return undefined;
    const hashes = dirty.map((entry) => {
      const file = entry.slice(3);
      try {
        const st = lstatSync(path.join(root, file));
        const content = st.isFile() ? readFileSync(path.join(root, file)) : Buffer.from(`${st.mode}`);
        return `${entry}\t${createHash('sha256').update(content).digest('hex')}`;
      } catch {
        return `${entry}\tmissing`;
      }
    });
    const origin = (() => {
      try {
        return git(root, ['config', '--get', 'remote.origin.url']).trim();
      } catch {
        return '';
      }
    })();
    return createHash('sha256')
      .update([tree, ...hashes, origin, codeFingerprint()].join('\n'))
      .digest('hex');
  } catch {
    return undefined; // no commit yet, git missing, …: a full run
  }
}

/** The code doing the rendering is an input too: every file beside this module and one level up (dist/, dist/chunks/). */
function codeFingerprint(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const lines: string[] = [];
  for (const dir of [here, path.dirname(here)]) {
    for (const name of readdirSync(dir).sort()) {
      const st = statSync(path.join(dir, name));
      if (st.isFile()) lines.push(`${dir}/${name}:${st.size}:${st.mtimeMs}:${st.ino}`);
    }
  }
  return lines.join('\n');
}

export function cacheKey(options: unknown): string {
  return createHash('sha256').update(JSON.stringify(options)).digest('hex');
}

/** The unchanged count of the last good run when nothing changed since; undefined otherwise. */
export function cachedNoOp(root: string, key: string, current: string | undefined): number | undefined {
  const file = cachePath(root);
  if (!file || !current) return undefined;
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (cached.format === FORMAT && cached.key === key && cached.fingerprint === current) return cached.unchanged;
  } catch {
    // no cache yet, or an unreadable one: a full run
  }
  return undefined;
}

/** Records a run that left rendered/ exactly as planned. */
export function saveCache(root: string, key: string, unchanged: number): void {
  const file = cachePath(root);
  const current = fingerprint(root);
  if (!file || !current) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ format: FORMAT, key, fingerprint: current, unchanged } satisfies CacheFile));
  renameSync(temp, file);
}

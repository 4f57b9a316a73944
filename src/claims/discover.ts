/**
 * Finds claim files under deployments/<env>/ and reads them, with caps checked before any
 * byte is parsed. Symlinks are refused: a link could point a claim (or an environment) at
 * anything on the runner's disk.
 */
import { readFileSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { cmp, type Problem } from '../errors.js';
import { IO_CONCURRENCY, mapLimit } from '../io/concurrency.js';
import { isDnsLabel } from '../render/names.js';
import { classifyEntry, escapeText } from './claim-path.js';

export const DEPLOYMENTS_DIR = 'deployments';
/** The one file directly under deployments/ that is not ignored (src/settings/resolve.ts reads it). */
const SETTINGS_PATH = `${DEPLOYMENTS_DIR}/settings.yaml`;
/** deployments/base/ holds base claims that environments overlay (overlay.ts): not an environment. */
export const BASE_DIR = 'base';
export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_FILES = 10_000;
export const MAX_TOTAL_BYTES = 128 * 1024 * 1024;

export interface ClaimFile {
  /** Relative to the root, `/`-separated. */
  path: string;
  /** The environment folder; for a base claim (deployments/base/), `base`. */
  env: string;
  /** True under deployments/base/: a base claim, rendered only through an environment's overlay. */
  base?: boolean;
  text: string;
}

export interface Discovery {
  files: ClaimFile[];
  /** Environment folders found, whether or not they hold claims. */
  envs: string[];
  /** Files under deployments/ that are not claims and not the settings file: read by nothing, listed so nobody wonders. */
  ignored: string[];
  problems: Problem[];
}

export interface DiscoverOptions {
  maxFileBytes?: number;
  maxFiles?: number;
}

export async function discoverClaimFiles(root: string, options: DiscoverOptions = {}): Promise<Discovery> {
  const maxFileBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  const maxFiles = options.maxFiles ?? MAX_FILES;
  const problems: Problem[] = [];
  const at = (file: string, code: string, message: string): Problem => ({ file, code, message });
  const ignored: string[] = [];
  // A name that breaks the grammar is quoted escaped, never raw: it may hold newlines, `::`, escape sequences.
  const badName = (rel: string, kind: 'folder' | 'file'): Problem =>
    at(escapeText(rel), 'path-name', `${kind} name "${escapeText(path.posix.basename(rel))}" is not allowed: names under deployments/ are lowercase letters, digits, '.', '_' and '-', starting and ending with a letter or digit${kind === 'file' ? ', and claim files end in .yaml or .yml' : ''}`);
  const base = path.join(root, DEPLOYMENTS_DIR);

  let top: string[];
  try {
    const st = await lstat(base);
    if (st.isSymbolicLink()) return { files: [], envs: [], ignored, problems: [at(DEPLOYMENTS_DIR, 'symlink', 'deployments/ is a symlink; refusing to follow it')] };
    if (!st.isDirectory()) return { files: [], envs: [], ignored, problems: [at(DEPLOYMENTS_DIR, 'not-a-directory', 'deployments is not a directory')] };
    top = (await readdir(base)).sort(cmp);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { files: [], envs: [], ignored, problems: [] };
    throw error;
  }

  const candidates: { rel: string; env: string; size: number }[] = [];
  const envs: string[] = [];
  for (const name of top) {
    const rel = `${DEPLOYMENTS_DIR}/${name}`;
    const st = await lstat(path.join(base, name));
    if (st.isSymbolicLink()) {
      problems.push(at(escapeText(rel), 'symlink', `${escapeText(rel)} is a symlink; environment folders must be real directories`));
      continue;
    }
    if (!st.isDirectory()) {
      if (rel === SETTINGS_PATH) continue; // read by settings/resolve.ts
      if (classifyEntry(name, 'file') === 'refused') problems.push(badName(rel, 'file'));
      else ignored.push(rel);
      continue;
    }
    if (!isDnsLabel(name)) {
      problems.push(at(escapeText(rel), 'env-name', `environment folder "${escapeText(name)}" must be a DNS label (lowercase letters, digits and '-', at most 63 characters)`));
      continue;
    }
    if (name !== BASE_DIR) envs.push(name);
    await walk(path.join(base, name), rel, name);
  }

  async function walk(dir: string, rel: string, env: string): Promise<void> {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => cmp(a.name, b.name));
    const yamlFiles: string[] = [];
    for (const entry of entries) {
      const childRel = `${rel}/${entry.name}`;
      const kind = entry.isDirectory() ? 'directory' : 'file';
      const verdict = classifyEntry(entry.name, kind);
      if (verdict === 'refused') {
        problems.push(badName(childRel, kind === 'directory' ? 'folder' : 'file'));
      } else if (entry.isSymbolicLink()) {
        if (verdict === 'claim' || !entry.name.includes('.')) problems.push(at(childRel, 'symlink', `${childRel} is a symlink; refusing to follow it`));
        else ignored.push(childRel);
      } else if (entry.isDirectory()) {
        await walk(path.join(dir, entry.name), childRel, env);
      } else if (entry.isFile() && verdict === 'claim') {
        yamlFiles.push(entry.name);
      } else {
        ignored.push(childRel);
      }
    }
    // Sizes first, so a cap can refuse a file before a byte of it is read.
    const sizes = await mapLimit(yamlFiles, IO_CONCURRENCY, async (name) => (await lstat(path.join(dir, name))).size);
    yamlFiles.forEach((name, i) => candidates.push({ rel: `${rel}/${name}`, env, size: sizes[i]! }));
  }

  if (candidates.length > maxFiles) {
    problems.push(at(DEPLOYMENTS_DIR, 'too-many-files', `${candidates.length} claim files exceed the limit of ${maxFiles}`));
    return { files: [], envs, ignored, problems };
  }
  const total = candidates.reduce((sum, c) => sum + c.size, 0);
  if (total > MAX_TOTAL_BYTES) {
    problems.push(at(DEPLOYMENTS_DIR, 'too-large', `claim files total ${total} bytes, over the limit of ${MAX_TOTAL_BYTES}`));
    return { files: [], envs, ignored, problems };
  }

  const read = await mapLimit(candidates, IO_CONCURRENCY, async (c): Promise<ClaimFile | Problem> => {
    if (c.size > maxFileBytes) return at(c.rel, 'file-too-large', `${c.size} bytes is over the limit of ${maxFileBytes} bytes for one claim file`);
    const decoded = decodeUtf8(readFileSync(path.join(root, c.rel)));
    if (typeof decoded !== 'string') return { file: c.rel, ...decoded, code: 'invalid-utf8', message: 'file is not valid UTF-8' };
    const file: ClaimFile = { path: c.rel, env: c.env, text: decoded };
    if (c.env === BASE_DIR) file.base = true;
    return file;
  });
  const files: ClaimFile[] = [];
  for (const r of read) {
    if ('text' in r) files.push(r);
    else problems.push(r);
  }
  return { files, envs, ignored, problems };
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The text, or the line and column of the first byte that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | { line: number; col: number } {
  try {
    return decoder.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const lines = before.split('\n');
    return { line: lines.length, col: lines[lines.length - 1]!.length + 1 };
  }
}

function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}

/**
 * What is under rendered/ now: every regular file, with its bytes and whether we generated it.
 * A file counts as ours only where the render can produce it (a `.yaml` file inside an
 * environment folder) and when it starts with our header; everything else there is somebody
 * else's, which the render never overwrites or deletes and reports (src/ownership/).
 * Symlinks are refused, never followed.
 */
import { readFileSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { cmp, InputError } from '../errors.js';
import { DNS_LABEL } from '../render/names.js';
import { GENERATED_MARKER } from '../render/plan.js';
import { mapLimit } from './concurrency.js';

export const RENDERED_DIR = 'rendered';
export const TEMP_SUFFIX = '.infraforge.tmp';

export interface ExistingFile {
  path: string;
  generated: boolean;
  content: Buffer;
}

export interface Scan {
  files: ExistingFile[];
  staleTemps: string[];
  /** Folders walked: real directories, no symlinks. */
  dirs: Set<string>;
}

/**
 * The environments' folders `envs` (each rendered/<env>/), plus whatever sits in rendered/
 * outside any environment folder (a README, a folder that is not a DNS label): no environment's
 * run produces those, so every run sees them. `envs: 'all'` walks every environment folder.
 */
export async function scanRendered(root: string, envs: readonly string[] | 'all'): Promise<Scan> {
  const scan: Scan = { files: [], staleTemps: [], dirs: new Set() };
  const base = path.join(root, RENDERED_DIR);
  const st = await lstatOrNull(base);
  if (!st) return scan;
  if (st.isSymbolicLink() || !st.isDirectory()) throw symlinkError(RENDERED_DIR);
  scan.dirs.add(RENDERED_DIR);
  const inScope = envs === 'all' ? undefined : new Set(envs);
  const entries = (await readdir(base, { withFileTypes: true })).sort((a, b) => cmp(a.name, b.name));
  const outside: string[] = [];
  for (const entry of entries) {
    const rel = `${RENDERED_DIR}/${entry.name}`;
    if (entry.isSymbolicLink()) throw symlinkError(rel);
    const isEnv = entry.isDirectory() && DNS_LABEL.test(entry.name);
    if (isEnv && inScope && !inScope.has(entry.name)) continue;
    if (isEnv) await walk(root, rel, scan, true);
    else if (entry.isDirectory()) await walk(root, rel, scan, false);
    else if (entry.isFile()) outside.push(rel);
    else throw symlinkError(rel);
  }
  for (const rel of outside) scan.files.push({ path: rel, generated: false, content: readFileSync(path.join(root, rel)) });
  scan.files.sort((a, b) => cmp(a.path, b.path));
  scan.staleTemps.sort(cmp);
  return scan;
}

async function walk(root: string, rel: string, scan: Scan, inEnv: boolean): Promise<void> {
  scan.dirs.add(rel);
  const entries = await readdir(path.join(root, rel), { withFileTypes: true });
  entries.sort((a, b) => cmp(a.name, b.name));
  const files: string[] = [];
  const dirs: string[] = [];
  for (const entry of entries) {
    const child = `${rel}/${entry.name}`;
    if (entry.isSymbolicLink()) throw symlinkError(child);
    if (entry.isDirectory()) dirs.push(child);
    else if (entry.isFile() && entry.name.endsWith(TEMP_SUFFIX)) scan.staleTemps.push(child);
    else if (entry.isFile()) files.push(child);
    else throw symlinkError(child); // a FIFO or a socket: reading it could hang the run
  }
  // Thousands of small files: synchronous reads cost a third of promise-based ones here.
  const contents = files.map((child) => readFileSync(path.join(root, child)));
  files.forEach((child, i) => scan.files.push({ path: child, generated: inEnv && child.endsWith('.yaml') && startsWithMarker(contents[i]!), content: contents[i]! }));
  await mapLimit(dirs, 8, (child) => walk(root, child, scan, inEnv));
}

const MARKER_BYTES = Buffer.from(GENERATED_MARKER);
function startsWithMarker(content: Buffer): boolean {
  return content.length >= MARKER_BYTES.length && content.subarray(0, MARKER_BYTES.length).equals(MARKER_BYTES);
}

export function symlinkError(rel: string): InputError {
  return new InputError([{ file: rel, code: 'symlink', message: `${rel} is a symlink or not a regular entry; refusing to write through it` }]);
}

async function lstatOrNull(p: string) {
  try {
    return await lstat(p);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The generated files under rendered/<env>/ now, path → text: the base a render compares with (src/safety). */
export async function renderedOnDisk(root: string, envs: readonly string[]): Promise<Map<string, string>> {
  const scan = await scanRendered(root, envs);
  return new Map(scan.files.filter((f) => f.generated).map((f) => [f.path, f.content.toString('utf8')]));
}

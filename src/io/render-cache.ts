/**
 * The operator's good idea, kept for the CLI: when nothing changed, do (almost) nothing.
 *
 * A render's output is a function of the files under deployments/, charts/ and
 * infrastructure/, the origin remote (.git/config), the code doing it and the flags; a no-op also needs
 * rendered/ to be exactly what that function gives. After a full run that left it so, we
 * record a snapshot of all of it and, while the snapshot holds, answer "nothing to do".
 *
 * The snapshot is the file system itself, not git: every entry under those folders and under
 * rendered/ (tracked or not, ignored or not), with its size, mtime, ctime, inode and mode. Git's
 * index flags (assume-unchanged, skip-worktree) cannot hide a change from it, an untracked file
 * dropped into rendered/ changes the listing, and an edit changes ctime, which no tool can set
 * back. Like git, we distrust "racily clean" entries: a file changed within RACY_MS of the
 * snapshot could be changed again within the same timestamp tick, so its content hash is
 * recorded too and compared on every lookup (until a later lookup finds it settled and
 * refreshes the snapshot).
 *
 * `--check` never asks the cache (src/cli/render.ts); `--no-cache` turns it off. The cache
 * lives in .git/ (never committed); without a .git directory there is none. A hand edit made
 * *while* a render runs is the one thing it cannot promise to see.
 */
import { createHash } from 'node:crypto';
import { type Dirent, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDir } from './build-dir.js';

const FORMAT = 3;
/** Folders whose every file can change the output. */
const INPUT_DIRS = ['deployments', 'charts', 'infrastructure'];
const OUTPUT_DIR = 'rendered';
/** Wider than any file system's timestamp tick. */
const RACY_MS = 1000;
/**
 * More racily-clean files than this (a render that just wrote thousands) and no snapshot is
 * recorded: hashing them all would cost the run as much as it saves the next one, and the next
 * full run, a second later, records a snapshot whose files have settled.
 */
const MAX_RACY = 256;

interface CacheFile {
  format: number;
  key: string;
  /** sha256 over every entry's path and stat data. */
  stats: string;
  /** Entries changed within RACY_MS of the snapshot: path → sha256 of the content. */
  racy: Record<string, string>;
  unchanged: number;
}

interface Snapshot {
  stats: string;
  /** Files whose change time is too close to `taken` for stat data alone to be trusted. */
  recent: string[];
}

export interface RenderCache {
  /** The unchanged count of the last good run when nothing changed since; undefined otherwise. */
  lookup(): number | undefined;
  /** Records a full run that left rendered/ exactly as planned, having just written `written` files. */
  save(unchanged: number, written: number): void;
}

/** The cache for this root and these options, or undefined when there can be none. */
export function openRenderCache(root: string, options: object): RenderCache | undefined {
  const file = cachePath(root);
  if (!file || hasConfigIncludes(root)) return undefined;
  const key = sha256(JSON.stringify({ root, options, code: codeFingerprint() }));
  return {
    lookup: () => lookup(root, file, key),
    save: (unchanged, written) => save(root, file, key, unchanged, written),
  };
}

function lookup(root: string, file: string, key: string): number | undefined {
  let cached: CacheFile;
  try {
    cached = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
  } catch {
    return undefined; // no cache yet, or an unreadable one: a full run
  }
  if (cached.format !== FORMAT || cached.key !== key) return undefined;
  const now = snapshot(root);
  if (now.stats !== cached.stats) return undefined;
  for (const [rel, hash] of Object.entries(cached.racy)) {
    if (contentHash(root, rel) !== hash) return undefined;
  }
  // Entries that were racy and have settled since: record them by stat data alone from now on.
  if (Object.keys(cached.racy).length > 0 && now.recent.length === 0) write(file, { ...cached, racy: {} });
  return cached.unchanged;
}

function save(root: string, file: string, key: string, unchanged: number, written: number): void {
  // Every file just written is racily clean: past the limit, skip the walk too.
  const snap = written > MAX_RACY ? undefined : snapshot(root);
  if (!snap || snap.recent.length > MAX_RACY) {
    rmSync(file, { force: true }); // whatever it said is no longer true
    return;
  }
  const racy: Record<string, string> = {};
  for (const rel of snap.recent) racy[rel] = contentHash(root, rel) ?? 'missing';
  write(file, { format: FORMAT, key, stats: snap.stats, racy, unchanged });
}

function snapshot(root: string): Snapshot {
  const taken = Date.now();
  const base = `${root}${path.sep}`;
  const lines: string[] = [];
  const recent: string[] = [];
  // Hot path of every no-op (≈24,000 entries on the benchmark repo): string concatenation, no path.join.
  const visit = (rel: string, entries: Dirent[]) => {
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        lines.push(`d ${child}`);
        visit(child, readdirSync(base + child, { withFileTypes: true }));
        continue;
      }
      const st = lstatSync(base + child);
      lines.push(`${entry.isFile() ? 'f' : 'o'} ${child} ${st.size} ${st.mtimeMs} ${st.ctimeMs} ${st.ino} ${st.mode}`);
      if (entry.isFile() && (st.mtimeMs > taken - RACY_MS || st.ctimeMs > taken - RACY_MS)) recent.push(child);
    }
  };
  for (const dir of [...INPUT_DIRS, OUTPUT_DIR]) {
    let entries: Dirent[];
    try {
      entries = readdirSync(base + dir, { withFileTypes: true });
    } catch {
      lines.push(`- ${dir}`); // absent (or not a folder): a state of its own
      continue;
    }
    lines.push(`d ${dir}`);
    visit(dir, entries);
  }
  // The origin remote decides the default repoURL: .git/config is an input too.
  lines.push(`config ${contentHash(root, '.git/config') ?? '-'}`);
  return { stats: sha256(lines.join('\n')), recent };
}

/** An [include] in .git/config could move the origin remote without .git/config changing: no cache then. */
function hasConfigIncludes(root: string): boolean {
  try {
    return /^\s*\[include/im.test(readFileSync(path.join(root, '.git', 'config'), 'utf8'));
  } catch {
    return false;
  }
}

function contentHash(root: string, rel: string): string | undefined {
  try {
    return sha256(readFileSync(path.join(root, rel)));
  } catch {
    return undefined;
  }
}

function cachePath(root: string): string | undefined {
  try {
    return statSync(path.join(root, '.git')).isDirectory() ? path.join(root, '.git', 'infraforge-render', 'render-cache.json') : undefined;
  } catch {
    return undefined;
  }
}

function write(file: string, content: CacheFile): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(content));
    renameSync(temp, file);
  } catch {
    // a cache that cannot be written is no cache: the next run is a full one
  }
}

/**
 * The code doing the rendering is an input too: every file of the build it runs from (dist/,
 * or src/ under the tests), by stat data — a rebuild or an upgrade changes them.
 */
function codeFingerprint(): string {
  const dir = buildDir();
  const lines: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(d, entry.name);
      if (entry.isDirectory()) walk(abs);
      else {
        const st = statSync(abs);
        lines.push(`${abs} ${st.size} ${st.mtimeMs} ${st.ino}`);
      }
    }
  };
  walk(dir);
  return sha256(lines.join('\n'));
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The render index (rendered/.infraforge/index.json), pure: what each claim file was rendered
 * from (a hash of its inputs) and which files it produced (git blob ids), plus what every
 * claim's output depends on (renderer, settings, chart) and the platform's own files.
 *
 * The bytes are a function of the model alone: keys sorted, one JSON text, a checksum over the
 * rest. A hand edit that does not redo the checksum, or that leaves the canonical form, reads
 * as no index at all (a full render).
 */
import { createHash } from 'node:crypto';
import { cmp } from '../../errors.js';

export const INDEX_PATH = 'rendered/.infraforge/index.json';
export const INDEX_FORMAT = 1;

/** What every claim's output is a function of, besides the claim's own files. */
export interface SharedInputs {
  /** sha256 of the code doing the rendering (every file of its build). */
  renderer: string;
  /** sha256 of the resolved render settings (settings file, overrides, origin remote). */
  settings: string;
  /** sha256 of charts/common (every file). */
  chart: string;
}

export interface ClaimEntry {
  /** sha256 of the claim file's bytes and its base claim's (claimInputsHash). */
  inputs: string;
  /** Path → git blob id of every file the claim file produced. */
  files: Record<string, string>;
}

export interface RenderIndex extends SharedInputs {
  format: typeof INDEX_FORMAT;
  /** Claim file path (deployments/<env>/…) → its entry. */
  claims: Record<string, ClaimEntry>;
  /** Files no single claim produces (rendered/<env>/namespaces.yaml): path → blob id. */
  platform: Record<string, string>;
}

export interface ClaimInputs {
  /** deployments/<env>/<file>, as the claim's source names it. */
  file: string;
  text: string;
  base?: { file: string; text: string };
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** git's blob id of these bytes: what `git ls-files -s` says of a committed file. */
export function blobId(content: string | Buffer): string {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The hash a claim file's entry is keyed on: its path and bytes, and its base claim's. */
export function claimInputsHash(inputs: ClaimInputs): string {
  return sha256(JSON.stringify([inputs.file, inputs.text, inputs.base?.file ?? null, inputs.base?.text ?? null]));
}

export interface OwnedFile {
  path: string;
  content: string;
  /** The claim file that produced it; undefined for a platform file. */
  claimFile: string | undefined;
}

/**
 * The index of a render: `files` are what it planned (with their bytes), `kept` the files it
 * took unchanged from the previous index (path → blob id, with the claim file they belong to).
 */
export function buildIndex(
  shared: SharedInputs,
  claimHashes: ReadonlyMap<string, string>,
  files: readonly OwnedFile[],
  kept: ReadonlyMap<string, { claimFile: string; blob: string }> = new Map(),
): RenderIndex {
  const claims = new Map<string, Map<string, string>>();
  const platform = new Map<string, string>();
  const add = (claimFile: string | undefined, p: string, blob: string) => {
    if (claimFile === undefined) platform.set(p, blob);
    else {
      let entry = claims.get(claimFile);
      if (!entry) claims.set(claimFile, (entry = new Map()));
      entry.set(p, blob);
    }
  };
  for (const f of files) add(f.claimFile, f.path, blobId(f.content));
  for (const [p, k] of kept) add(k.claimFile, p, k.blob);
  const sortedClaims: Record<string, ClaimEntry> = {};
  // A claim file that rendered no file (every unit disabled) still has an entry: its inputs are known.
  for (const file of [...new Set([...claimHashes.keys()])].sort(cmp)) {
    sortedClaims[file] = { inputs: claimHashes.get(file)!, files: sortedRecord(claims.get(file) ?? new Map()) };
  }
  return { format: INDEX_FORMAT, ...shared, claims: sortedClaims, platform: sortedRecord(platform) };
}

/** The index's bytes: canonical JSON, one claim per line, with a checksum over the rest. */
export function serializeIndex(index: RenderIndex): string {
  const body = canonicalBody(index);
  return `{"checksum":${JSON.stringify(sha256(body))},${body.slice(1)}`;
}

function canonicalBody(index: RenderIndex): string {
  const lines = Object.keys(index.claims)
    .sort(cmp)
    .map((file) => {
      const entry = index.claims[file]!;
      return `${JSON.stringify(file)}:{"files":${JSON.stringify(sortedRecord(new Map(Object.entries(entry.files))))},"inputs":${JSON.stringify(entry.inputs)}}`;
    });
  const platform = JSON.stringify(sortedRecord(new Map(Object.entries(index.platform))));
  return `{"chart":${JSON.stringify(index.chart)},"claims":{\n${lines.join(',\n')}\n},"format":${index.format},"platform":${platform},"renderer":${JSON.stringify(index.renderer)},"settings":${JSON.stringify(index.settings)}}\n`;
}

/** The index these bytes hold, or undefined when they are not exactly what serializeIndex writes. */
export function parseIndex(text: string): RenderIndex | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isIndex(data)) return undefined;
  const { checksum: _checksum, ...index } = data;
  // Canonical form and checksum both: any edit by hand reads as no index.
  return serializeIndex(index) === text ? index : undefined;
}

const HEX = (n: number) => new RegExp(`^[0-9a-f]{${n}}$`);
const SHA256 = HEX(64);
const BLOB = HEX(40);

function isIndex(data: unknown): data is RenderIndex & { checksum: string } {
  if (!isRecord(data) || data.format !== INDEX_FORMAT) return false;
  if (![data.checksum, data.renderer, data.settings, data.chart].every((h) => typeof h === 'string' && SHA256.test(h))) return false;
  if (!isRecord(data.platform) || !Object.values(data.platform).every((b) => typeof b === 'string' && BLOB.test(b))) return false;
  if (!isRecord(data.claims)) return false;
  return Object.values(data.claims).every(
    (e) => isRecord(e) && typeof e.inputs === 'string' && SHA256.test(e.inputs) && isRecord(e.files) && Object.values(e.files).every((b) => typeof b === 'string' && BLOB.test(b)),
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sortedRecord(map: ReadonlyMap<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of [...map.keys()].sort(cmp)) out[key] = map.get(key)!;
  return out;
}

/** Every file the index names (claims' and platform's): path → blob id. */
export function indexedFiles(index: RenderIndex): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of Object.values(index.claims)) for (const [p, b] of Object.entries(entry.files)) out.set(p, b);
  for (const [p, b] of Object.entries(index.platform)) out.set(p, b);
  return out;
}

export interface RenderSelection {
  /** Claim files whose inputs differ from the index's, or that it does not know: render these. */
  render: Set<string>;
  /** Files of the claim files whose inputs match: taken as they are (path → claim file and blob id). */
  kept: Map<string, { claimFile: string; blob: string }>;
}

/**
 * Which claim files to render, given the previous index and the inputs now; undefined when
 * everything must be rendered (no index, or a shared input changed).
 */
export function selectClaims(previous: RenderIndex | undefined, shared: SharedInputs, claimHashes: ReadonlyMap<string, string>): RenderSelection | undefined {
  if (!previous || previous.renderer !== shared.renderer || previous.settings !== shared.settings || previous.chart !== shared.chart) return undefined;
  const render = new Set<string>();
  const kept = new Map<string, { claimFile: string; blob: string }>();
  for (const [file, hash] of claimHashes) {
    const entry = Object.hasOwn(previous.claims, file) ? previous.claims[file] : undefined;
    if (entry?.inputs !== hash) {
      render.add(file);
      continue;
    }
    for (const [p, blob] of Object.entries(entry.files)) kept.set(p, { claimFile: file, blob });
  }
  return { render, kept };
}

/**
 * A Helm chart archive, byte for byte the same on any machine, any day, in any TZ: entries
 * sorted, `<name>/` prefix, .helmignore respected, fixed mtime (0), owner (0/0, no names) and
 * modes (0644), gzip header with no timestamp and OS "unknown". So the same chart always has
 * the same sha256, which is what makes publishing idempotent.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { cmp, InputError, type Problem } from '../errors.js';
import { makeAjv } from '../claims/ajv.js';
import { type ChartMeta, parseChartYaml } from './chart-yaml.js';
import { helmIgnoreMatcher } from './helmignore.js';
import { sha256 } from '../oci/client.js';

export type { ChartMeta } from './chart-yaml.js';

export interface ChartPackage {
  meta: ChartMeta;
  /** `<name>-<version>.tgz` */
  fileName: string;
  bytes: Buffer;
  /** `sha256:<hex>` of bytes (the gzip). */
  digest: string;
  /** `sha256:<hex>` of the uncompressed tar: what "same chart" means across zlib versions. */
  contentDigest: string;
  /** Chart.yaml as JSON: the OCI config blob. */
  config: Buffer;
}

/** Reads, checks and packs a chart directory. Throws InputError when a gate fails. */
export interface PackageOptions {
  /** gzip level (default 9). Only the compressed bytes depend on it, never contentDigest. */
  gzipLevel?: number;
}

export async function packageChart(chartDir: string, displayDir = chartDir, options: PackageOptions = {}): Promise<ChartPackage> {
  const problems: Problem[] = [];
  const at = (file: string, message: string, code: string, line = 1, col = 1): Problem => ({ file: `${displayDir}/${file}`, line, col, code, message });

  let chartText: string;
  try {
    chartText = await readFile(path.join(chartDir, 'Chart.yaml'), 'utf8');
  } catch {
    throw new InputError([at('Chart.yaml', 'Chart.yaml not found', 'chart-missing')]);
  }
  const chartYaml = parseChartYaml(`${displayDir}/Chart.yaml`, chartText);
  if (!chartYaml.meta) throw new InputError(chartYaml.problems);
  const meta = chartYaml.meta;

  const ignored = helmIgnoreMatcher(await readFile(path.join(chartDir, '.helmignore'), 'utf8').catch(() => ''));
  const files = (await listFiles(chartDir)).filter((f) => !ignored(f)).sort(cmp);
  if (!files.some((f) => f.startsWith('templates/') && !f.endsWith('/NOTES.txt'))) problems.push(at('templates', 'the chart has no templates', 'chart-templates'));
  if (files.includes('values.schema.json')) {
    try {
      makeAjv().compile(JSON.parse(await readFile(path.join(chartDir, 'values.schema.json'), 'utf8')) as object);
    } catch (error) {
      problems.push(at('values.schema.json', `not a valid JSON Schema: ${(error as Error).message}`, 'chart-values-schema'));
    }
  }
  if (problems.length) throw new InputError(problems);

  const entries = await Promise.all(files.map(async (f) => ({ name: `${meta.name}/${f}`, data: await readFile(path.join(chartDir, f)) })));
  const archive = tar(entries);
  const bytes = gzipDeterministic(archive, options.gzipLevel);
  return {
    meta,
    fileName: `${meta.name}-${meta.version}.tgz`,
    bytes,
    digest: sha256(bytes),
    contentDigest: sha256(archive),
    config: Buffer.from(JSON.stringify(chartConfig(meta))),
  };
}

/** Helm's config blob: Chart.yaml's metadata as JSON, keys in a fixed order. */
function chartConfig(meta: ChartMeta): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(meta).sort(cmp)) out[key] = meta[key];
  return out;
}

export { sha256 } from '../oci/client.js';

async function listFiles(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(root, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isSymbolicLink()) throw new InputError([{ file: child, code: 'symlink', message: `${child} is a symlink; charts are packed without them` }]);
    if (entry.isDirectory()) out.push(...(await listFiles(root, child)));
    else if (entry.isFile()) out.push(child);
  }
  return out;
}

/** A POSIX ustar archive of regular files with fixed metadata (mode 0644 unless an entry says otherwise). */
export function tar(entries: { name: string; data: Buffer; mode?: number }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const { name, data, mode } of entries) {
    blocks.push(header(name, data.length, mode ?? 0o644), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

function header(name: string, size: number, mode: number): Buffer {
  const h = Buffer.alloc(512);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new InputError([{ file: name, code: 'chart-path', message: `path too long for a chart archive: ${name}` }]);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  h.write(base, 0, 100, 'utf8');
  h.write(`${mode.toString(8).padStart(7, '0')}\0`, 100, 'ascii');
  h.write('0000000\0', 108, 'ascii'); // uid
  h.write('0000000\0', 116, 'ascii'); // gid
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  h.write('00000000000\0', 136, 'ascii'); // mtime: the epoch, always
  h.write('        ', 148, 'ascii'); // checksum placeholder
  h.write('0', 156, 'ascii'); // regular file
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

/** gzip with no timestamp and OS byte 255 ("unknown"), whatever platform zlib thinks it is on. */
export function gzipDeterministic(data: Buffer, level = 9): Buffer {
  const gz = gzipSync(data, { level });
  gz.writeUInt32LE(0, 4); // MTIME
  gz[9] = 255; // OS
  return gz;
}


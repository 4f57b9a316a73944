/**
 * A Helm chart archive, byte for byte the same on any machine, any day, in any TZ: entries
 * sorted, `<name>/` prefix, .helmignore respected, fixed mtime (0), owner (0/0, no names) and
 * modes (0644), gzip header with no timestamp and OS "unknown". So the same chart always has
 * the same sha256, which is what makes publishing idempotent.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { cmp, InputError, type Problem } from '../errors.js';
import { makeAjv } from '../claims/ajv.js';
import { parseClaimFile } from '../claims/parse.js';
import { isDnsLabel } from '../render/names.js';
import { SEMVER } from '../settings/resolve.js';
import { helmIgnoreMatcher } from './helmignore.js';

export interface ChartMeta {
  apiVersion: string;
  name: string;
  version: string;
  [key: string]: unknown;
}

export interface ChartPackage {
  meta: ChartMeta;
  /** `<name>-<version>.tgz` */
  fileName: string;
  bytes: Buffer;
  /** `sha256:<hex>` of bytes. */
  digest: string;
  /** Chart.yaml as JSON: the OCI config blob. */
  config: Buffer;
}

/** Reads, checks and packs a chart directory. Throws InputError when a gate fails. */
export async function packageChart(chartDir: string, displayDir = chartDir): Promise<ChartPackage> {
  const problems: Problem[] = [];
  const at = (file: string, message: string, code: string, line = 1, col = 1): Problem => ({ file: `${displayDir}/${file}`, line, col, code, message });

  let chartText: string;
  try {
    chartText = await readFile(path.join(chartDir, 'Chart.yaml'), 'utf8');
  } catch {
    throw new InputError([at('Chart.yaml', 'Chart.yaml not found', 'chart-missing')]);
  }
  const parsed = parseClaimFile(`${displayDir}/Chart.yaml`, chartText);
  if (parsed.problems.length) throw new InputError(parsed.problems);
  const doc = parsed.docs[0];
  const meta = (doc?.data ?? {}) as ChartMeta;
  const where = (field: string) => doc?.locate([field], 'value') ?? { line: 1, col: 1 };
  if (meta.apiVersion !== 'v2') problems.push(at('Chart.yaml', 'apiVersion must be v2', 'chart-api-version', where('apiVersion').line, where('apiVersion').col));
  if (typeof meta.name !== 'string' || !isDnsLabel(meta.name)) problems.push(at('Chart.yaml', 'name must be a DNS label', 'chart-name', where('name').line, where('name').col));
  if (typeof meta.version !== 'string' || !SEMVER.test(meta.version)) {
    problems.push(at('Chart.yaml', `version ${JSON.stringify(meta.version)} is not a semantic version (e.g. 2.0.1)`, 'chart-version', where('version').line, where('version').col));
  }

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
  const bytes = gzipDeterministic(tar(entries));
  return {
    meta,
    fileName: `${meta.name}-${meta.version}.tgz`,
    bytes,
    digest: sha256(bytes),
    config: Buffer.from(JSON.stringify(chartConfig(meta))),
  };
}

/** Helm's config blob: Chart.yaml's metadata as JSON, keys in a fixed order. */
function chartConfig(meta: ChartMeta): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(meta).sort(cmp)) out[key] = meta[key];
  return out;
}

export function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

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

/** A POSIX ustar archive of regular files with fixed metadata. */
export function tar(entries: { name: string; data: Buffer }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const { name, data } of entries) {
    blocks.push(header(name, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

function header(name: string, size: number): Buffer {
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
  h.write('0000644\0', 100, 'ascii'); // mode
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
export function gzipDeterministic(data: Buffer): Buffer {
  const gz = gzipSync(data, { level: 9 });
  gz.writeUInt32LE(0, 4); // MTIME
  gz[9] = 255; // OS
  return gz;
}


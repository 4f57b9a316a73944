/**
 * Names under deployments/: which are claims, which are ignored, which are refused.
 *
 * A file name is text a tenant chooses, and git commits any byte but `/` and NUL: newlines,
 * `---`, `::` and escape sequences included. Such a name reaches the generated header of every
 * rendered file, the log and the runner's command parser. So names are not filtered for bad
 * characters; they must match one small grammar, and anything else stops the run. Pure.
 */

import { escapeText, isPrintable } from '../printable.js';

export { escapeText } from '../printable.js';

/** A folder, or a claim file's name without `.yaml`/`.yml`: `[a-z0-9]([a-z0-9._-]*[a-z0-9])?`. */
export const SAFE_NAME = /^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/;
const CLAIM_FILE = /^(.*)\.(yaml|yml)$/;
/** Longer names say nothing more; file systems stop at 255 bytes anyway. */
export const MAX_NAME = 128;

export type EntryVerdict = 'claim' | 'ignored' | 'refused';

export function isSafeName(name: string): boolean {
  return name.length <= MAX_NAME && SAFE_NAME.test(name);
}

/**
 * A folder must be a safe name; a `*.yaml`/`*.yml` file is a claim when its stem is one. Any
 * other file (`.json`, `.YAML`, README) is not read but is listed as ignored, as long as its
 * name prints as what it is; a name that does not (control characters, line or bidi marks)
 * is refused rather than echoed.
 */
export function classifyEntry(name: string, kind: 'directory' | 'file'): EntryVerdict {
  if (kind === 'directory') return isSafeName(name) ? 'claim' : 'refused';
  const m = CLAIM_FILE.exec(name);
  if (m) return isSafeName(m[1]!) ? 'claim' : 'refused';
  return isPrintable(name) && name.length <= MAX_NAME ? 'ignored' : 'refused';
}

/**
 * `deployments/<env>/…/<name>.yaml` rebuilt from parts that each pass the grammar, for the
 * generated header: no text reaches a rendered file's comment unless it is a safe name.
 * Throws on anything else — discovery refuses such files first, so this is an internal error.
 */
export function safeClaimPath(file: string): string {
  const parts = file.split('/');
  const last = CLAIM_FILE.exec(parts.pop() ?? '');
  const ok = parts[0] === 'deployments' && parts.length >= 2 && parts.slice(1).every(isSafeName) && last !== null && isSafeName(last[1]!);
  if (!ok) throw new Error(`internal: claim path ${JSON.stringify(escapeText(file))} did not pass the name grammar`);
  return [...parts, `${last[1]}.${last[2]}`].join('/');
}

/**
 * Names under deployments/: which are claims, which are ignored, which are refused.
 *
 * A file name is text a tenant chooses, and git commits any byte but `/` and NUL: newlines,
 * `---`, `::` and escape sequences included. Such a name reaches the generated header of every
 * rendered file, the log and the runner's command parser. So names are not filtered for bad
 * characters; they must match one small grammar, and anything else stops the run. Pure.
 */

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

/** Characters that do not print as themselves: C0/C1 controls, DEL, line/paragraph separators, bidi and zero-width marks, BOM. */
const NOT_PRINTABLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

export function isPrintable(text: string): boolean {
  NOT_PRINTABLE.lastIndex = 0;
  return !NOT_PRINTABLE.test(text);
}

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/**
 * Text with every character that does not print as itself written JSON-style (`\n`,
 * `\u001b`), and `\` doubled so an escape in the output always means one: safe to put on one
 * line of a terminal, a log or a problem message.
 */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(NOT_PRINTABLE, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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

/**
 * Text from a claim (a file name, a key, a value) printed on a terminal or in a log must print
 * as what it is: no line breaks, escape sequences, bidi overrides or invisible characters.
 * One definition of "does not print as itself", and the two ways to write such characters out.
 */

/** C0/C1 controls, DEL, soft hyphen, line/paragraph separators, bidi and zero-width marks, BOM. */
const NOT_PRINTABLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

const escapeChar = (c: string): string => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

export function isPrintable(text: string): boolean {
  NOT_PRINTABLE.lastIndex = 0;
  return !NOT_PRINTABLE.test(text);
}

/**
 * Raw text (a file name) with every character that does not print as itself written
 * JSON-style (`\n`, `\u001b`), and `\` doubled so that each escape in the result means one.
 */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(NOT_PRINTABLE, escapeChar);
}

/**
 * A message that already quotes its values JSON-style (so `\` is taken), made printable: what
 * JSON.stringify leaves raw (C1 controls, U+2028, bidi marks) is escaped the same way.
 */
export function printableLine(line: string): string {
  return line.replace(NOT_PRINTABLE, escapeChar);
}

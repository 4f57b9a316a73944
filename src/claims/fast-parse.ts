/**
 * The fast path for plain claim files: js-yaml's event parser (about fifteen times faster than
 * `yaml` on the benchmark's 6.5 MB of claims) feeding the same rules as the strict path. Two
 * parsers are only safe if they never disagree, so this one accepts a deliberately small subset
 * of YAML whose meaning leaves no room for interpretation, and returns `undefined` for
 * everything else; the caller then parses the file with `yaml` (parse.ts), whose verdict and
 * positions are the authoritative ones. The subset:
 * - printable characters only (no control characters, NEL, line or paragraph separators, BOM,
 *   tabs or carriage returns), and no `&`, `*`, `!`, `%` or `<<` anywhere;
 * - block collections only (no flow `[…]`/`{…}`), no directives;
 * - scalars on one line: no block scalars (`|`, `>`), no folded plain or quoted scalars, no
 *   escapes in double-quoted ones;
 * - plain keys that the YAML 1.2 core schema reads as strings: `1` and `1.0`, or `0x10` and
 *   `16`, are the same number to `yaml`'s duplicate-key check and different strings here, so a
 *   numeric-looking key always goes to the strict path;
 * - plain values in canonical form only (`-0`, `010`, `0x10`, `1e3`, `.inf` go to the strict path).
 * test/unit/one-parser.test.ts generates hostile and ordinary inputs from a seed and checks that
 * whatever this path accepts, the strict path accepts with the same data.
 */
import { COLLECTION_STYLE, EVENT_ID, type Event, getScalarValue, parseEvents, SCALAR_STYLE, type ScalarEvent } from 'js-yaml';
import { type SchemaCursor, stringWanted } from './schema-cursor.js';
import { FORBIDDEN_KEYS, MAX_DEPTH } from './parse.js';

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);
/** `-0` and `-0.0` are left out: whether a reader keeps the sign is not worth finding out here. */
const CANONICAL_INT = /^(0|-?[1-9][0-9]*)$/;
const CANONICAL_FLOAT = /^(-?(0|[1-9][0-9]*)\.[0-9]+)$/;
const NEGATIVE_ZERO = /^-0(\.0*)?$/;
/** Anything YAML 1.2 core might read as a number that the canonical forms above do not cover. */
const NUMBERISH = /^[-+]?(\.[0-9]|[0-9]|\.(inf|Inf|INF|nan|NaN|NAN)$)|^0[ox]/;
/**
 * Characters that send a file to the strict parser before any work is done: anything outside
 * printable ASCII, newline and the printable BMP (so no C0/C1 controls, U+2028/9, BOM,
 * surrogates, U+FFFE/F), and the indicators of anchors, aliases, tags, directives and merges.
 * `&`, `*`, `!` and `%` also appear in harmless strings; those files simply take the strict path.
 */
const UNUSUAL = /[^\n\x20-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]|[&*!%]|<</;

export interface FastDoc {
  index: number;
  data: unknown;
}

class Bail extends Error {}

/** The documents of `text`, or undefined when the strict parser must decide. */
export function fastParseClaimFile(text: string, schema: SchemaCursor | undefined): FastDoc[] | undefined {
  if (UNUSUAL.test(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch {
    return undefined;
  }
  try {
    return new EventReader(text, events, schema).documents();
  } catch (error) {
    if (error instanceof Bail) return undefined;
    throw error;
  }
}

class EventReader {
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly events: Event[],
    private readonly schema: SchemaCursor | undefined,
  ) {}

  documents(): FastDoc[] {
    const docs: FastDoc[] = [];
    let index = 0;
    while (this.i < this.events.length) {
      const event = this.events[this.i++]!;
      if (event.type !== EVENT_ID.DOCUMENT) throw new Bail();
      if (event.directives.length) throw new Bail();
      if (this.peek()?.type === EVENT_ID.POP) {
        this.i++;
        index++;
        continue;
      }
      const data = this.node(this.schema, 0);
      if (this.events[this.i++]?.type !== EVENT_ID.POP) throw new Bail();
      docs.push({ index: index++, data });
    }
    return docs;
  }

  private peek(): Event | undefined {
    return this.events[this.i];
  }

  private node(schema: SchemaCursor | undefined, depth: number): unknown {
    if (depth > MAX_DEPTH) throw new Bail();
    const event = this.events[this.i++];
    if (!event) throw new Bail();
    switch (event.type) {
      case EVENT_ID.SCALAR:
        return this.scalar(event, schema);
      case EVENT_ID.SEQUENCE: {
        if (event.anchorStart !== -1 || event.tagStart !== -1 || event.style !== COLLECTION_STYLE.BLOCK) throw new Bail();
        const items: unknown[] = [];
        const itemSchema = schema?.item();
        while (this.peek()?.type !== EVENT_ID.POP) items.push(this.node(itemSchema, depth + 1));
        this.i++;
        return items;
      }
      case EVENT_ID.MAPPING: {
        if (event.anchorStart !== -1 || event.tagStart !== -1 || event.style !== COLLECTION_STYLE.BLOCK) throw new Bail();
        const out: Record<string, unknown> = {};
        while (this.peek()?.type !== EVENT_ID.POP) {
          const keyEvent = this.events[this.i++];
          if (keyEvent?.type !== EVENT_ID.SCALAR) throw new Bail();
          const key = this.scalarText(keyEvent);
          // A plain key the core schema reads as null, a boolean or a number: the strict path decides.
          if (keyEvent.style === SCALAR_STYLE.PLAIN && (NULLS.has(key) || TRUE.has(key) || FALSE.has(key) || NUMBERISH.test(key) || looksNumeric(key))) throw new Bail();
          if (FORBIDDEN_KEYS.has(key) || key === '<<' || Object.hasOwn(out, key)) throw new Bail();
          out[key] = this.node(schema?.property(key), depth + 1);
        }
        this.i++;
        return out;
      }
      default:
        throw new Bail();
    }
  }

  /** A scalar's text, when it is in the subset this path reads; else Bail. */
  private scalarText(event: ScalarEvent): string {
    if (event.anchorStart !== -1 || event.tagStart !== -1) throw new Bail();
    if (event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK) throw new Bail();
    const raw = this.text.slice(event.valueStart, event.valueEnd);
    if (raw.includes('\n')) throw new Bail();
    if (event.style === SCALAR_STYLE.DOUBLE_QUOTED && raw.includes('\\')) throw new Bail();
    return getScalarValue(this.text, event);
  }

  private scalar(event: ScalarEvent, schema: SchemaCursor | undefined): unknown {
    const value = this.scalarText(event);
    if (event.style !== SCALAR_STYLE.PLAIN) return value;
    if (NEGATIVE_ZERO.test(value)) throw new Bail();
    let typed: unknown;
    if (NULLS.has(value)) return null;
    if (TRUE.has(value)) typed = true;
    else if (FALSE.has(value)) typed = false;
    else if (CANONICAL_INT.test(value) || CANONICAL_FLOAT.test(value)) {
      typed = Number(value);
      if (!Number.isSafeInteger(typed) && CANONICAL_INT.test(value)) throw new Bail();
    } else if (NUMBERISH.test(value) && looksNumeric(value)) throw new Bail();
    else return value;
    // The user wrote `version: 1.10`; they meant the text, as the strict path keeps it.
    return stringWanted(schema) ? value : typed;
  }
}

/** YAML 1.2 core's int and float forms. */
function looksNumeric(s: string): boolean {
  return (
    /^[-+]?[0-9]+$/.test(s) ||
    /^0o[0-7]+$/.test(s) ||
    /^0x[0-9a-fA-F]+$/.test(s) ||
    /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s) ||
    /^[-+]?\.(inf|Inf|INF)$/.test(s) ||
    /^\.(nan|NaN|NAN)$/.test(s)
  );
}

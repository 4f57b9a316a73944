/**
 * Walks a JSON Schema alongside the data being parsed, so the parser knows where a string is
 * wanted. It understands the subset our schemas use: $ref to #/$defs, properties,
 * additionalProperties, items, and oneOf/anyOf/allOf branches.
 */

type JsonSchema = Record<string, unknown>;

export interface SchemaCursor {
  property(key: string): SchemaCursor | undefined;
  item(): SchemaCursor | undefined;
  readonly schemas: readonly JsonSchema[];
}

export function schemaCursor(root: JsonSchema): SchemaCursor | undefined {
  return cursorFor(root, [root]);
}

function cursorFor(root: JsonSchema, schemas: JsonSchema[]): SchemaCursor | undefined {
  const expanded = schemas.flatMap((s) => expand(root, s, 0));
  if (expanded.length === 0) return undefined;
  // A cursor is asked once per document node; memoising keeps schema walking off the hot path.
  const children = new Map<string, SchemaCursor | undefined>();
  let items: SchemaCursor | undefined | null = null;
  const propertyOf = (key: string) => {
    const next: JsonSchema[] = [];
    for (const s of expanded) {
      const props = s.properties as Record<string, JsonSchema> | undefined;
      if (props && Object.hasOwn(props, key)) next.push(props[key]!);
      else if (s.additionalProperties && typeof s.additionalProperties === 'object') next.push(s.additionalProperties as JsonSchema);
    }
    return cursorFor(root, next);
  };
  return {
    schemas: expanded,
    property(key) {
      if (children.has(key)) return children.get(key);
      const next = propertyOf(key);
      if (children.size < 256) children.set(key, next);
      return next;
    },
    item() {
      if (items === null) items = cursorFor(root, expanded.map((s) => s.items).filter((i): i is JsonSchema => !!i && typeof i === 'object'));
      return items;
    },
  };
}

function expand(root: JsonSchema, schema: JsonSchema, depth: number): JsonSchema[] {
  if (depth > 16) return [];
  const out: JsonSchema[] = [];
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(root, schema.$ref);
    if (target) out.push(...expand(root, target, depth + 1));
  }
  for (const key of ['oneOf', 'anyOf', 'allOf', 'then', 'else'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) for (const b of branches) out.push(...expand(root, b as JsonSchema, depth + 1));
    else if (branches && typeof branches === 'object') out.push(...expand(root, branches as JsonSchema, depth + 1));
  }
  if (schema.type !== undefined || schema.properties || schema.items || schema.additionalProperties) out.push(schema);
  return out;
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node && typeof node === 'object' ? (node as JsonSchema) : undefined;
}

/** True when every branch that accepts a scalar here accepts only strings. */
export function stringWanted(cursor: SchemaCursor | undefined): boolean {
  if (!cursor) return false;
  let wantsString = false;
  for (const s of cursor.schemas) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (types.includes('number') || types.includes('integer') || types.includes('boolean')) return false;
    if (types.includes('string')) wantsString = true;
  }
  return wantsString;
}

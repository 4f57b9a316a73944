/**
 * GitHub's published OpenAPI description (@octokit/openapi, api.github.com) as a validator for
 * requests and responses, so the local stand-in cannot drift from the real API.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { REPO_ROOT } from './repo.js';

type Json = Record<string, unknown>;

const SPEC_FILE = path.join(REPO_ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json');
const SPEC_ID = 'https://api.github.com/openapi.json';

let spec: Json | undefined;
let ajv: Ajv | undefined;

/** OpenAPI 3.0 → JSON Schema: `nullable: true` becomes a `null` in the type. */
function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === 'example' || k === 'examples' || k === 'description' || k === 'x-github') continue;
    out[k] = convert(v);
  }
  const n = node as Json;
  if (n.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (out.anyOf || out.oneOf || out.allOf || out.$ref) return { anyOf: [{ type: 'null' }, { ...out }] };
  }
  return out;
}

function load(): { spec: Json; ajv: Ajv } {
  if (!spec || !ajv) {
    spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as Json;
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: SPEC_ID, components: convert((spec as { components: Json }).components) } as Json);
  }
  return { spec, ajv };
}

function resolve(node: Json | undefined, spec: Json): Json | undefined {
  let current = node;
  for (let i = 0; current && typeof current.$ref === 'string' && i < 10; i++) {
    let target: unknown = spec;
    for (const part of (current.$ref as string).slice(2).split('/')) target = (target as Json)[part];
    current = target as Json;
  }
  return current;
}

const cache = new Map<string, ValidateFunction | null>();

function validatorFor(key: string, schema: Json | undefined): ValidateFunction | null {
  if (cache.has(key)) return cache.get(key)!;
  const { ajv } = load();
  const fn = schema ? ajv.compile(rewriteRefs(convert(schema)) as Json) : null;
  cache.set(key, fn);
  return fn;
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${SPEC_ID}${v}` : rewriteRefs(v);
  return out;
}

export interface Operation {
  template: string;
  method: string;
}

/** Checks a request body against the operation's requestBody schema; returns the problems. */
export function checkRequest(op: Operation, body: unknown): string[] {
  const { spec } = load();
  const operation = (spec.paths as Json)[op.template] as Json | undefined;
  const method = operation?.[op.method.toLowerCase()] as Json | undefined;
  if (!method) return [`${op.method} ${op.template} is not in GitHub's OpenAPI description`];
  const requestBody = resolve(method.requestBody as Json | undefined, spec);
  const schema = ((requestBody?.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema as Json | undefined;
  if (!schema) return body === undefined ? [] : [`${op.method} ${op.template} takes no body`];
  const fn = validatorFor(`req ${op.method} ${op.template}`, schema)!;
  return fn(body) ? [] : (fn.errors ?? []).map((e) => `request ${op.method} ${op.template}: ${e.instancePath} ${e.message}`);
}

/** Checks a response status and body against the operation's documented responses. */
export function checkResponse(op: Operation, status: number, body: unknown): string[] {
  const { spec } = load();
  const method = ((spec.paths as Json)[op.template] as Json | undefined)?.[op.method.toLowerCase()] as Json | undefined;
  if (!method) return [`${op.method} ${op.template} is not in GitHub's OpenAPI description`];
  const response = resolve((method.responses as Json)[String(status)] as Json | undefined, spec);
  if (!response) return status === 401 ? [] : [`${op.method} ${op.template} does not document status ${status}`];
  const schema = ((response.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema as Json | undefined;
  if (!schema) return [];
  const fn = validatorFor(`res ${status} ${op.method} ${op.template}`, schema)!;
  return fn(body) ? [] : (fn.errors ?? []).slice(0, 5).map((e) => `response ${status} ${op.method} ${op.template}: ${e.instancePath} ${e.message}`);
}

/** The documented maximum of per_page, read from the description rather than assumed. */
export function perPageMaximum(): number {
  const { spec } = load();
  const description = String(((spec.components as Json).parameters as Json)['per-page'] && (((spec.components as Json).parameters as Json)['per-page'] as Json).description);
  const m = /\(max (\d+)\)/.exec(description);
  if (!m) throw new Error('per_page maximum not found in the OpenAPI description');
  return Number(m[1]);
}

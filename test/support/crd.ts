/**
 * Validates objects against the upstream CRDs vendored in test/crds the way the API server
 * does with strict field validation: an unknown field is an error. The CRD's openAPIV3Schema
 * is turned into a JSON Schema (x-kubernetes-preserve-unknown-fields keeps a subtree open,
 * x-kubernetes-int-or-string becomes integer|string, every other object with properties is
 * closed). CEL rules (x-kubernetes-validations) are not evaluated.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { REPO_ROOT } from './repo.js';

export const VENDORED_CRDS = path.join(REPO_ROOT, 'test/crds');

type Schema = Record<string, unknown>;

export function toStrictJsonSchema(node: Schema): Schema {
  const out: Schema = {};
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-kubernetes-') || key === 'description' || key === 'example' || key === 'externalDocs') continue;
    if (key === 'nullable' || key === 'format') continue;
    if (key === 'properties') {
      const props: Schema = {};
      for (const [k, v] of Object.entries(value as Schema)) props[k] = toStrictJsonSchema(v as Schema);
      out.properties = props;
    } else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
      out[key] = typeof value === 'object' && value !== null ? toStrictJsonSchema(value as Schema) : value;
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      out[key] = (value as Schema[]).map((v) => toStrictJsonSchema(v));
    } else {
      out[key] = value;
    }
  }
  if (node['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (node.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  if (out.properties && !preserve && out.additionalProperties === undefined) out.additionalProperties = false;
  // Structural schemas allow these without type constraints.
  if (out.type === 'object' && out.properties === undefined && out.additionalProperties === undefined && !preserve) out.additionalProperties = true;
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const cache = new Map<string, ValidateFunction>();

/** `argo-cd-v3.6.1/application-crd.yaml` → a validator for its served version. */
export function crdValidator(file: string): ValidateFunction {
  let fn = cache.get(file);
  if (fn) return fn;
  const crd = parse(readFileSync(path.join(VENDORED_CRDS, file), 'utf8')) as {
    spec: { versions: { name: string; served: boolean; storage?: boolean; schema: { openAPIV3Schema: Schema } }[] };
  };
  const version = crd.spec.versions.find((v) => v.storage) ?? crd.spec.versions[0]!;
  const schema = toStrictJsonSchema(version.schema.openAPIV3Schema);
  // metadata is `type: object` in every CRD; the API server checks it as ObjectMeta.
  (schema.properties as Schema).metadata = OBJECT_META;
  fn = ajv.compile(schema);
  cache.set(file, fn);
  return fn;
}

const DNS_SUBDOMAIN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
const LABEL_VALUE = '^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$';
const OBJECT_META: Schema = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', maxLength: 253, pattern: DNS_SUBDOMAIN },
    namespace: { type: 'string', maxLength: 63, pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' },
    labels: {
      type: 'object',
      propertyNames: { maxLength: 316, pattern: '^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$' },
      additionalProperties: { type: 'string', maxLength: 63, pattern: LABEL_VALUE },
    },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
    finalizers: { type: 'array', items: { type: 'string' } },
    ownerReferences: {
      type: 'array',
      items: {
        type: 'object',
        required: ['apiVersion', 'kind', 'name'],
        additionalProperties: false,
        properties: {
          apiVersion: { type: 'string' },
          kind: { type: 'string' },
          name: { type: 'string' },
          uid: { type: 'string' },
          controller: { type: 'boolean' },
          blockOwnerDeletion: { type: 'boolean' },
        },
      },
    },
  },
};

export function errorsOf(fn: ValidateFunction): string {
  return (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('\n');
}

/**
 * What the ApplicationSet controller (Argo CD v3.6.1) makes of a list generator with
 * `goTemplate: true` + `missingkey=error`: each element's keys fill `{{.key}}`; any other template
 * syntax or a missing key is an error, so a template we did not mean to write cannot pass. Then
 * what the controller adds itself: `resources-finalizer.argocd.argoproj.io` when the template
 * has no finalizers and the set does not preserve resources (RenderTemplateParams in
 * applicationset/utils), and a controller ownerReference to the ApplicationSet
 * (SetControllerReference; the uid is the live set's, so it is left out here).
 * test/e2e/expansion.e2e.test.ts compares this, field for field, with what the real controller makes.
 */
export function expandApplicationSet(appset: Schema): Schema[] {
  const spec = appset.spec as Schema;
  if (spec.goTemplate !== true) throw new Error('goTemplate must be true');
  if (!(spec.goTemplateOptions as string[]).includes('missingkey=error')) throw new Error('missingkey=error must be set');
  const preserve = (spec.syncPolicy as { preserveResourcesOnDeletion?: boolean } | undefined)?.preserveResourcesOnDeletion === true;
  const owner = { apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', name: (appset.metadata as Schema).name, controller: true, blockOwnerDeletion: true };
  const generators = spec.generators as { list: { elements: Schema[] } }[];
  const apps: Schema[] = [];
  for (const generator of generators) {
    for (const element of generator.list.elements) {
      const filled = fill(spec.template, element) as Schema;
      const metadata = { ...(filled.metadata as Schema) };
      const finalizers = (metadata.finalizers as string[] | undefined) ?? [];
      if (finalizers.length === 0 && !preserve) metadata.finalizers = ['resources-finalizer.argocd.argoproj.io'];
      metadata.ownerReferences = [owner];
      apps.push({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata, spec: filled.spec });
    }
  }
  return apps;
}

function fill(node: unknown, element: Schema): unknown {
  if (typeof node === 'string') {
    const out = node.replace(/\{\{\s*\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_m, key: string) => {
      if (!Object.hasOwn(element, key)) throw new Error(`map has no entry for key "${key}"`);
      return String(element[key]);
    });
    if (out.includes('{{') || out.includes('}}')) throw new Error(`unsupported template in ${JSON.stringify(node)}`);
    return out;
  }
  if (Array.isArray(node)) return node.map((v) => fill(v, element));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v, element)]));
  return node;
}

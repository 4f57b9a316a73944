/**
 * The platform namespaces no claim may deploy into (src/tenancy/reserved-namespaces.ts) must
 * cover every namespace infrastructure/ uses: read from its Terraform (helm releases,
 * Applications, IRSA service accounts) and its YAML. When infrastructure/ starts using another
 * namespace, this fails until the reserved list says so too; an entry nothing uses fails as well.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { BUILTIN_RESERVED_NAMESPACES, namespaceOwner } from '../../src/tenancy/reserved-namespaces.js';
import { REPO_ROOT } from '../support/repo.js';
import { TEST_SETTINGS } from '../support/render-settings.js';

function files(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir))
    .sort()
    .flatMap((name) => {
      const rel = `${dir}/${name}`;
      return statSync(path.join(REPO_ROOT, rel)).isDirectory() ? files(rel) : [rel];
    });
}

/** Every namespace a file under infrastructure/ names, with where. */
function infrastructureNamespaces(): Map<string, string> {
  const found = new Map<string, string>();
  const add = (ns: string, where: string) => found.has(ns) || found.set(ns, where);
  for (const file of files('infrastructure')) {
    const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
    if (file.endsWith('.tf')) {
      // `namespace = "x"` in resources and inside yamlencode({ … }) values alike.
      for (const m of text.matchAll(/\bnamespace\s*=\s*"([^"$]+)"/g)) add(m[1]!, file);
      // IRSA: "namespace:serviceaccount".
      for (const m of text.matchAll(/namespace_service_accounts\s*=\s*\[([^\]]*)\]/g)) for (const s of m[1]!.matchAll(/"([^":]+):[^"]+"/g)) add(s[1]!, file);
    } else if (/\.ya?ml$/.test(file)) {
      for (const doc of parseAllDocuments(text)) walk(doc.toJS(), (ns) => add(ns, file));
    }
  }
  return found;
}

function walk(node: unknown, add: (ns: string) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, add));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.kind === 'Namespace' && typeof (o.metadata as { name?: unknown })?.name === 'string') add((o.metadata as { name: string }).name);
    for (const [k, v] of Object.entries(o)) {
      if (k === 'namespace' && typeof v === 'string') add(v);
      else walk(v, add);
    }
  }
}

describe('platform namespaces', () => {
  const found = infrastructureNamespaces();

  it('reads something (the reader is not blind)', () => {
    expect([...found.keys()]).toEqual(expect.arrayContaining(['argocd', 'kube-system', 'cnpg-system', 'rabbitmq-system']));
  });

  it.each([...found].sort(([a], [b]) => (a < b ? -1 : 1)))('%s (used by %s) is reserved', (ns) => {
    expect(namespaceOwner(ns, TEST_SETTINGS)).toBeDefined();
  });

  it('every built-in reserved namespace is one infrastructure/ uses, or Kubernetes\' default', () => {
    const used = new Set([...found.keys(), 'default']);
    expect(BUILTIN_RESERVED_NAMESPACES.map((r) => r.name).filter((n) => !used.has(n))).toEqual([]);
  });

  it('kube-* and Argo CD\'s namespace from the settings are reserved too; a tenant namespace is not', () => {
    expect(namespaceOwner('kube-node-lease', TEST_SETTINGS)).toMatch(/kube-\*/);
    expect(namespaceOwner('gitops', { ...TEST_SETTINGS, argocd: { ...TEST_SETTINGS.argocd, namespace: 'gitops' } })).toMatch(/Argo CD/);
    expect(namespaceOwner('shop-dev', TEST_SETTINGS)).toBeUndefined();
  });
});

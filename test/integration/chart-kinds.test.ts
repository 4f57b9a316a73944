/**
 * A claim's AppProject allows exactly the namespaced kinds charts/common can render
 * (src/render/chart-kinds.ts). The list here is derived from the chart itself: `helm template`
 * with every values file of charts/common/ci (every unit type, every optional object on), and
 * each template's own top-level `kind:` lines, so a template that a ci values file does not
 * reach still counts. A new template or kind fails this test until the list says so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { CHART_NAMESPACED_KINDS } from '../../src/render/chart-kinds.js';
import { HELMS, helmTemplate } from '../support/helm.js';
import { REPO_ROOT } from '../support/repo.js';

const CHART = path.join(REPO_ROOT, 'charts/common');
const key = (k: { group: string; kind: string }) => `${k.group}/${k.kind}`;
const listed = CHART_NAMESPACED_KINDS.map(key).sort();

describe('the kinds a claim’s AppProject allows are the kinds charts/common renders', () => {
  it.each(HELMS)('$label template of every ci values file makes exactly the listed kinds', async ({ bin }) => {
    const made = new Set<string>();
    for (const file of readdirSync(path.join(CHART, 'ci')).filter((f) => f.endsWith('.yaml')).sort()) {
      const { objects } = await helmTemplate(path.join(CHART, 'ci', file), `kinds-${file.replace(/-values\.yaml$/, '')}`, CHART, bin);
      for (const o of objects) {
        const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0]! : '';
        made.add(key({ group, kind: o.kind }));
      }
    }
    expect([...made].sort()).toEqual(listed);
  });

  it('every top-level kind a template names is listed (templates no ci values file reaches)', () => {
    const named = new Set<string>();
    for (const file of readdirSync(path.join(CHART, 'templates')).filter((f) => f.endsWith('.yaml'))) {
      for (const m of readFileSync(path.join(CHART, 'templates', file), 'utf8').matchAll(/^kind: (\w+)$/gm)) named.add(m[1]!);
    }
    expect(named.size).toBeGreaterThan(5);
    expect([...named].filter((k) => !CHART_NAMESPACED_KINDS.some((l) => l.kind === k)).sort()).toEqual([]);
  });

  it('the rendered AppProject allows exactly those kinds, no cluster-scoped kind, one destination', () => {
    const project = parse(readFileSync(path.join(REPO_ROOT, 'rendered/dev/ecommerce/appproject.yaml'), 'utf8'));
    expect(project.spec.namespaceResourceWhitelist.map(key).sort()).toEqual(listed);
    expect(project.spec.clusterResourceWhitelist).toEqual([]);
    expect(project.spec.clusterResourceBlacklist).toBeUndefined();
    expect(project.spec.destinations).toHaveLength(1);
    expect(project.spec.destinations[0].namespace).toBe('ecommerce-team-dev');
    const settings = parse(readFileSync(path.join(REPO_ROOT, 'deployments/settings.yaml'), 'utf8'));
    expect(project.spec.sourceRepos).toEqual([settings.spec.git.repoURL, settings.spec.chart.repository.replace(/^oci:\/\//, '')]);
  });

  it('no cluster-scoped kind is listed: each CRD kind is Namespaced in its vendored CRD', () => {
    const crds = path.join(REPO_ROOT, 'test/crds');
    const scopes = new Map<string, string>();
    for (const dir of readdirSync(crds, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const f of readdirSync(path.join(crds, dir.name)).filter((f) => f.endsWith('.yaml'))) {
        for (const doc of parseAllDocuments(readFileSync(path.join(crds, dir.name, f), 'utf8'))) {
          const crd = doc.toJS();
          if (crd?.kind === 'CustomResourceDefinition') scopes.set(key({ group: crd.spec.group, kind: crd.spec.names.kind }), crd.spec.scope);
        }
      }
    }
    const custom = CHART_NAMESPACED_KINDS.filter((k) => k.group.includes('.') && !k.group.endsWith('k8s.io'));
    expect(custom.length).toBeGreaterThan(5);
    for (const k of custom) expect(scopes.get(key(k)), key(k)).toBe('Namespaced');
  });
});

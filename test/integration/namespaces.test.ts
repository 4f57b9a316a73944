/**
 * Tenant namespaces are the platform's: rendered/<env>/namespaces.yaml (applied by the root
 * Application in the platform project) holds one Namespace per namespace the environment's
 * claims deploy into, labelled Pod Security `restricted` at the pinned version.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { POD_SECURITY_VERSION } from '../../src/render/namespaces.js';
import { claim, cli, REPO_ROOT, tempRepo } from '../support/repo.js';

describe('the platform namespaces file', () => {
  it('holds each namespace of the environment once, labelled restricted (enforce, audit, warn), never pruned', async () => {
    const repo = tempRepo();
    try {
      repo.write('deployments/dev/a.yaml', claim('a', 'dev'));
      repo.write('deployments/dev/b.yaml', claim('b', 'dev').replace('- name: api', '- name: web'));
      repo.write('deployments/dev/c.yaml', claim('c', 'dev').replace('Shop Team', 'Other Team'));
      repo.write('deployments/prod/a.yaml', claim('a', 'prod'));
      const run = await cli(repo.root, 'render');
      expect(run.code, run.stderr).toBe(0);
      const docs = (env: string) => parseAllDocuments(repo.read(`rendered/${env}/namespaces.yaml`)).map((d) => d.toJS());
      expect(docs('dev').map((d) => d.metadata.name)).toEqual(['other-team-dev', 'shop-team-dev']);
      expect(docs('prod').map((d) => d.metadata.name)).toEqual(['shop-team-prod']);
      for (const ns of docs('dev')) {
        expect(ns.kind).toBe('Namespace');
        for (const mode of ['enforce', 'audit', 'warn']) {
          expect(ns.metadata.labels[`pod-security.kubernetes.io/${mode}`]).toBe('restricted');
          expect(ns.metadata.labels[`pod-security.kubernetes.io/${mode}-version`]).toBe(POD_SECURITY_VERSION);
        }
        expect(ns.metadata.annotations['argocd.argoproj.io/sync-options'].split(',')).toEqual(['Prune=false', 'Delete=false']);
      }
      // The claims' Applications do not create it.
      const set = parseAllDocuments(repo.read('rendered/dev/a/applicationset.yaml'))[0]!.toJS();
      expect(set.spec.template.spec.syncPolicy.syncOptions).toBeUndefined();
    } finally {
      repo.cleanup();
    }
  });

  it('pins the Pod Security version to the Kubernetes version infrastructure/aws runs', async () => {
    const file = path.join(REPO_ROOT, 'infrastructure/aws/variables.tf');
    const vars = (await parseHcl('variables.tf', readFileSync(file, 'utf8'))) as { variable: Record<string, { default: string }[]> };
    expect(POD_SECURITY_VERSION).toBe(`v${vars.variable.kubernetes_version![0]!.default}`);
    for (const env of ['dev', 'staging', 'prod']) {
      const tfvars = readFileSync(path.join(REPO_ROOT, `infrastructure/aws/environments/${env}.tfvars`), 'utf8');
      expect(tfvars, env).not.toMatch(/^kubernetes_version\s*=/m);
    }
  });
});

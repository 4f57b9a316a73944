/**
 * Per-environment overlays (src/claims/overlay.ts, overlay-join.ts): a base claim merged with
 * an environment's claim of the same name. Expected data is written out by hand from the
 * README's merge rules; positions are counted in the texts below.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimFile } from '../../src/claims/discover.js';
import { loadClaims } from '../../src/claims/load.js';

const BASE = `apiVersion: platform.infraforge.io/v1
kind: ApplicationClaim
metadata:
  name: shop
spec:
  owner: { team: Shop, email: shop@example.com }
  applications:
    - name: web
      image: ghcr.io/acme/web:1.0
      version: "1.0"
      ports: [{ name: http, port: 8080 }]
      env:
        - { name: LOG_LEVEL, value: info }
        - { name: FEATURE_X, value: "off" }
      healthCheck: { path: /healthz, port: 8080 }
    - name: worker
      image: ghcr.io/acme/web:1.0
      version: "1.0"
  components:
    - { type: postgresql, name: db, version: "16" }
`;

const PROD = `apiVersion: platform.infraforge.io/v1
kind: ApplicationClaim
metadata:
  name: shop
spec:
  environment: prod
  applications:
    - name: web
      replicas: 4
      env:
        - { name: LOG_LEVEL, value: warn }
        - { name: SENTRY, value: "on" }
      healthCheck: null
    - name: beat
      image: ghcr.io/acme/web:1.0
      version: "1.0"
  components:
    - { name: db, size: large }
`;

const file = (path: string, text: string): ClaimFile => {
  const env = path.split('/')[1]!;
  return env === 'base' ? { path, env, text, base: true } : { path, env, text };
};

describe('overlays', () => {
  for (const fast of [true, false]) {
    it(`merge mappings by key, named lists by name, and null removes (${fast ? 'fast' : 'strict'} parser)`, () => {
      const result = loadClaims([file('deployments/base/shop.yaml', BASE), file('deployments/prod/shop.yaml', PROD)], { fast });
      expect(result.problems).toEqual([]);
      expect(result.claims).toHaveLength(1);
      const { claim, env, source } = result.claims[0]!;
      expect(env).toBe('prod');
      expect(source.file).toBe('deployments/prod/shop.yaml');
      expect(source.base).toBe('deployments/base/shop.yaml');
      expect(claim.spec.environment).toBe('prod');
      expect(claim.spec.owner).toEqual({ team: 'Shop', email: 'shop@example.com' });
      expect(claim.spec.applications.map((a) => a.name)).toEqual(['web', 'worker', 'beat']);
      const web = claim.spec.applications[0]!;
      expect(web).toEqual({
        name: 'web',
        image: 'ghcr.io/acme/web:1.0',
        version: '1.0',
        ports: [{ name: 'http', port: 8080 }],
        env: [
          { name: 'LOG_LEVEL', value: 'warn' },
          { name: 'FEATURE_X', value: 'off' },
          { name: 'SENTRY', value: 'on' },
        ],
        replicas: 4,
      });
      expect(claim.spec.components).toEqual([{ type: 'postgresql', name: 'db', version: '16', size: 'large' }]);
    });
  }

  it('points every position at the file and line that holds the value', () => {
    const { claims } = loadClaims([file('deployments/base/shop.yaml', BASE), file('deployments/prod/shop.yaml', PROD)]);
    const { source } = claims[0]!;
    // From the base: the owner, the worker app, the first port.
    expect(source.locate(['spec', 'owner', 'team'], 'value')).toEqual({ file: 'deployments/base/shop.yaml', line: 6, col: 18 });
    expect(source.locate(['spec', 'applications', 1, 'name'], 'value')).toEqual({ file: 'deployments/base/shop.yaml', line: 16, col: 13 });
    expect(source.locate(['spec', 'applications', 0, 'ports', 0, 'port'], 'value')).toEqual({ file: 'deployments/base/shop.yaml', line: 11, col: 35 });
    // From the overlay: replicas, the overridden LOG_LEVEL, the new env var at merged index 2, the new app.
    expect(source.locate(['spec', 'applications', 0, 'replicas'], 'value')).toEqual({ file: 'deployments/prod/shop.yaml', line: 9, col: 17 });
    expect(source.locate(['spec', 'applications', 0, 'env', 0, 'value'], 'value')).toEqual({ file: 'deployments/prod/shop.yaml', line: 11, col: 37 });
    expect(source.locate(['spec', 'applications', 0, 'env', 1, 'value'], 'value')).toEqual({ file: 'deployments/base/shop.yaml', line: 14, col: 37 });
    expect(source.locate(['spec', 'applications', 0, 'env', 2, 'name'], 'value')).toEqual({ file: 'deployments/prod/shop.yaml', line: 12, col: 19 });
    expect(source.locate(['spec', 'applications', 2, 'name'], 'value')).toEqual({ file: 'deployments/prod/shop.yaml', line: 14, col: 13 });
    expect(source.locate(['spec', 'components', 0, 'size'], 'value')).toEqual({ file: 'deployments/prod/shop.yaml', line: 18, col: 25 });
    expect(source.locate(['spec', 'components', 0, 'version'], 'value')).toEqual({ file: 'deployments/base/shop.yaml', line: 20, col: 46 });
  });

  it('reports a schema error at the line of whichever file holds it', () => {
    const base = BASE.replace('      version: "1.0"\n  components', '      version: "1.0"\n      replica: 2\n  components');
    const prod = PROD.replace('replicas: 4', 'replicas: four');
    const { problems, claims } = loadClaims([file('deployments/base/shop.yaml', base), file('deployments/prod/shop.yaml', prod)]);
    expect(claims).toEqual([]);
    const brief = problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.code}`);
    expect(brief).toContain('deployments/base/shop.yaml:19:7 schema-unknown-field');
    expect(brief).toContain('deployments/prod/shop.yaml:9:17 schema-type');
  });

  it('keeps single-file claims working beside overlays', () => {
    const single = PROD.replace('name: shop', 'name: other').replace('      healthCheck: null\n', '');
    const { problems, claims } = loadClaims([file('deployments/base/shop.yaml', BASE), file('deployments/prod/shop.yaml', PROD), file('deployments/dev/other.yaml', single)]);
    // `other` has no base: it is read as a whole claim, so what only a base would give is missing.
    expect(claims.map((c) => c.claim.metadata.name)).toEqual(['shop']);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.code} ${p.field}`)).toEqual([
      'deployments/dev/other.yaml:5:1 schema-required spec.owner',
      'deployments/dev/other.yaml:8:7 schema-required spec.applications[0].version',
      'deployments/dev/other.yaml:17:7 schema-required spec.components[0].type',
    ]);
  });

  it('refuses a base that names an environment, and a base no environment uses', () => {
    const base = BASE.replace('spec:\n', 'spec:\n  environment: prod\n');
    const { problems } = loadClaims([file('deployments/base/shop.yaml', base)]);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.code}`)).toEqual(['deployments/base/shop.yaml:6:16 base-environment', 'deployments/base/shop.yaml:4:9 base-unused']);
  });
});

/** What an ingress, a metrics port or a volume may not say: refused with the field to change. */
import { describe, expect, it } from 'vitest';
import type { ApplicationSpec } from '../../src/claims/types.js';
import { ingressIssues } from '../../src/render/ingress.js';
import { metricsIssues } from '../../src/render/metrics.js';
import { volumeIssues } from '../../src/render/volumes.js';

const app = (a: Partial<ApplicationSpec>): ApplicationSpec => ({ name: 'web', version: '1', ports: [{ name: 'http', port: 8080, servicePort: 80 }], ...a });
const where = (issues: { path: readonly (string | number)[]; code: string }[]) => issues.map((i) => `${i.path.join('.')} ${i.code}`);

describe('ingress', () => {
  it('sends traffic to a Service port only, and needs a certificate source for TLS', () => {
    expect(where(ingressIssues(app({ ingress: { hosts: ['a.example.com'], port: 80 } })))).toEqual([]);
    expect(where(ingressIssues(app({ ingress: { hosts: ['a.example.com'], port: 8080 } })))).toEqual(['ingress.port ingress-port']);
    expect(where(ingressIssues(app({ ports: [], ingress: { hosts: ['a.example.com'] } })))).toEqual(['ingress ingress-port']);
    expect(where(ingressIssues(app({ ingress: { hosts: ['a.example.com'], tls: {} } })))).toEqual(['ingress.tls ingress-tls']);
    expect(where(ingressIssues(app({ ingress: { hosts: ['a.example.com'], tls: { clusterIssuer: 'a', issuer: 'b' } } })))).toEqual(['ingress.tls.issuer ingress-tls']);
  });
});

describe('metrics', () => {
  it('scrapes a container port the app declares (not its Service port)', () => {
    expect(where(metricsIssues(app({ metrics: { port: 8080 } })))).toEqual([]);
    expect(where(metricsIssues(app({ metrics: { port: 'http' } })))).toEqual([]);
    expect(where(metricsIssues(app({ metrics: { port: 'metrics' } })))).toEqual(['metrics.port metrics-port']);
    expect(where(metricsIssues(app({ metrics: { port: 80 } })))).toEqual(['metrics.port metrics-port']);
    expect(where(metricsIssues(app({ ports: [], metrics: { port: 8080 } })))).toEqual(['metrics metrics-port']);
  });
});

describe('volumes', () => {
  it('are one kind each, at distinct plain paths other than / and /tmp', () => {
    const issues = volumeIssues(
      app({
        volumes: [
          { name: 'a', mountPath: '/data', emptyDir: {} },
          { name: 'a', mountPath: '/data/', files: { x: 'y' } },
          { name: 'b', mountPath: '/tmp', emptyDir: {} },
          { name: 'c', mountPath: '/etc/../root', emptyDir: {} },
          { name: 'd', mountPath: '/d' },
          { name: 'tmp', mountPath: '/e', emptyDir: {}, files: { x: 'y' } },
        ],
      }),
    );
    expect(where(issues)).toEqual([
      'volumes.1.name volume-duplicate',
      'volumes.1.mountPath volume-duplicate',
      'volumes.2.mountPath volume-mount-path',
      'volumes.3.mountPath volume-mount-path',
      'volumes.4 volume-kind',
      'volumes.5.name volume-reserved',
      'volumes.5 volume-kind',
    ]);
  });
});

/** probes and the healthCheck shorthand → the chart's probe values, and what is refused. */
import { describe, expect, it } from 'vitest';
import type { ApplicationSpec } from '../../src/claims/types.js';
import { probeIssues, probeValues } from '../../src/render/probes.js';

const app = (a: Partial<ApplicationSpec>): ApplicationSpec => ({ name: 'api', version: '1', ports: [{ name: 'http', port: 8080 }, { name: 'grpc', port: 9090 }], ...a });
const DEFAULT_TIMING = { initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 };

describe('probes', () => {
  it('each kind gets its own handler: http with headers, grpc with a service, exec, tcp', () => {
    const v = probeValues(
      app({
        probes: {
          liveness: { grpc: { port: 9090, service: 'shop.Cart' }, periodSeconds: 5 },
          readiness: { http: { path: '/readyz', headers: [{ name: 'Host', value: 'shop.local' }] } },
          startup: { exec: { command: ['cat', '/tmp/started'] }, failureThreshold: 30 },
        },
      }),
      8080,
    );
    expect(v).toEqual({
      liveness: { grpc: { port: 9090, service: 'shop.Cart' }, ...DEFAULT_TIMING, periodSeconds: 5 },
      readiness: { httpGet: { path: '/readyz', port: 8080, httpHeaders: [{ name: 'Host', value: 'shop.local' }] }, ...DEFAULT_TIMING },
      startup: { exec: { command: ['cat', '/tmp/started'] }, ...DEFAULT_TIMING, failureThreshold: 30 },
    });
    expect(probeValues(app({ probes: { liveness: { tcp: {} } } }), 8080)).toEqual({ liveness: { tcpSocket: { port: 8080 }, ...DEFAULT_TIMING } });
  });

  it('a probe with no check or two checks, a port not declared, and probes beside healthCheck are refused', () => {
    const codes = (a: Partial<ApplicationSpec>) => probeIssues(app(a)).map((i) => [i.path.join('.'), i.code]);
    expect(codes({ probes: { liveness: { periodSeconds: 5 } } })).toEqual([['probes.liveness', 'probe-handler']]);
    expect(codes({ probes: { liveness: { tcp: {}, exec: { command: ['true'] } } } })).toEqual([['probes.liveness', 'probe-handler']]);
    expect(codes({ probes: { readiness: { grpc: { port: 7000 } } } })).toEqual([['probes.readiness.grpc.port', 'probe-port']]);
    expect(codes({ ports: [], probes: { readiness: { tcp: {} } } })).toEqual([['probes.readiness.tcp', 'probe-port']]);
    expect(codes({ probes: { liveness: { tcp: {} } }, healthCheck: { path: '/h' } })).toEqual([['healthCheck', 'probes-and-healthcheck']]);
  });

  it('healthCheck: a path is HTTP, type tcp or grpc says so; path-less without type and mismatches are refused', () => {
    expect(probeValues(app({ healthCheck: { path: '/h' } }), 8080).liveness).toMatchObject({ httpGet: { path: '/h', port: 8080 } });
    expect(probeValues(app({ healthCheck: { type: 'tcp', port: 9090 } }), 8080).readiness).toMatchObject({ tcpSocket: { port: 9090 } });
    const codes = (hc: ApplicationSpec['healthCheck']) => probeIssues(app({ healthCheck: hc })).map((i) => i.path.join('.'));
    expect(codes({ port: 8080 })).toEqual(['healthCheck']);
    expect(codes({ type: 'http' })).toEqual(['healthCheck.type']);
    expect(codes({ type: 'tcp', path: '/h' })).toEqual(['healthCheck.path']);
    expect(codes({ type: 'grpc' })).toEqual([]);
  });

  it('without any check, liveness and readiness are a TCP connect to the first port (documented)', () => {
    expect(probeValues(app({}), 8080)).toEqual({ liveness: { tcpSocket: { port: 8080 }, ...DEFAULT_TIMING }, readiness: { tcpSocket: { port: 8080 }, ...DEFAULT_TIMING } });
    expect(probeValues(app({ ports: [] }), undefined)).toEqual({});
  });
});

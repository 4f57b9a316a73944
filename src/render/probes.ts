/**
 * Liveness, readiness and startup probes: from `probes` (each its own handler — http with
 * headers, grpc, tcp or exec — and timings) or from the `healthCheck` shorthand (one check used
 * for liveness and readiness). A check without a path is never guessed to be TCP: the claim
 * says `type: tcp` (or `grpc`), or writes a path. Pure; values.ts and validation both use it.
 */
import type { ApplicationSpec, HealthCheck, ProbeSpec } from '../claims/types.js';
import type { AppIssue } from './replicas.js';

type Values = Record<string, unknown>;

export const PROBE_KINDS = ['liveness', 'readiness', 'startup'] as const;
const HANDLERS = ['http', 'grpc', 'tcp', 'exec'] as const;

const timing = (t: { initialDelaySeconds?: number; periodSeconds?: number; timeoutSeconds?: number; failureThreshold?: number }): Values => ({
  initialDelaySeconds: t.initialDelaySeconds ?? 10,
  periodSeconds: t.periodSeconds ?? 10,
  timeoutSeconds: t.timeoutSeconds ?? 1,
  failureThreshold: t.failureThreshold ?? 3,
});

/** Probe values for the chart; `firstPort` is the first declared container port. */
export function probeValues(app: ApplicationSpec, firstPort: number | undefined): Values {
  if (app.probes) {
    const out: Values = {};
    for (const kind of PROBE_KINDS) {
      const p = app.probes[kind];
      if (p) out[kind] = { ...handler(p, firstPort), ...timing(p) };
    }
    return out;
  }
  const health = app.healthCheck;
  const port = health?.port ?? firstPort;
  if (port === undefined) return {};
  const h = healthCheckHandler(health, port);
  const t = timing(health ?? {});
  return { liveness: { ...h, ...t }, readiness: { ...h, ...t } };
}

function healthCheckHandler(health: HealthCheck | undefined, port: number): Values {
  if (health?.path) return { httpGet: { path: health.path, port } };
  if (health?.type === 'grpc') return { grpc: { port } };
  // Only without any healthCheck (documented) or with type: tcp.
  return { tcpSocket: { port } };
}

function handler(p: ProbeSpec, firstPort: number | undefined): Values {
  if (p.http) {
    const httpGet: Values = { path: p.http.path, port: p.http.port ?? firstPort };
    if (p.http.headers?.length) httpGet.httpHeaders = p.http.headers.map((h) => ({ name: h.name, value: h.value }));
    return { httpGet };
  }
  if (p.grpc) {
    const grpc: Values = { port: p.grpc.port ?? firstPort };
    if (p.grpc.service !== undefined) grpc.service = p.grpc.service;
    return { grpc };
  }
  if (p.tcp) return { tcpSocket: { port: p.tcp.port ?? firstPort } };
  return { exec: { command: [...(p.exec?.command ?? [])] } };
}

/** What the claim's checks say that cannot be rendered as written. Paths are relative to the app. */
export function probeIssues(app: ApplicationSpec): AppIssue[] {
  const issues: AppIssue[] = [];
  const ports = (app.ports ?? []).map((p) => p.port);
  const checkPort = (port: number | undefined, path: (string | number)[], what: string) => {
    if (port === undefined && ports.length === 0) issues.push({ path, code: 'probe-port', message: `${what} needs a port: set its port or declare ports` });
    else if (port !== undefined && ports.length > 0 && !ports.includes(port)) {
      issues.push({ path: [...path, 'port'], code: 'probe-port', message: `${what} port ${port} is not among the declared ports (${ports.join(', ')})` });
    }
  };

  if (app.probes && app.healthCheck) {
    issues.push({ path: ['healthCheck'], part: 'key', code: 'probes-and-healthcheck', message: 'healthCheck is a shorthand for probes; a claim uses one of them: move this check into probes.liveness/readiness, or drop probes' });
  }
  for (const kind of PROBE_KINDS) {
    const p = app.probes?.[kind];
    if (!p) continue;
    const given = HANDLERS.filter((h) => p[h] !== undefined);
    if (given.length !== 1) {
      const message = given.length === 0 ? `probes.${kind} needs one check: http (path), grpc, tcp or exec` : `probes.${kind} has ${given.join(' and ')}; a probe runs one check: keep one`;
      issues.push({ path: ['probes', kind], part: 'key', code: 'probe-handler', message });
      continue;
    }
    const h = given[0]!;
    if (h !== 'exec') checkPort((p[h] as { port?: number }).port, ['probes', kind, h], `probes.${kind}.${h}`);
  }

  const hc = app.healthCheck;
  if (hc) {
    const type = hc.type ?? (hc.path !== undefined ? 'http' : undefined);
    if (type === undefined) {
      issues.push({
        path: ['healthCheck'],
        part: 'key',
        code: 'healthcheck-type',
        message: 'healthCheck has no path, so it is not an HTTP check: add path (e.g. path: /healthz) for an HTTP check, or say type: tcp for a TCP connect check (type: grpc for the gRPC health protocol)',
      });
    } else if (type === 'http' && hc.path === undefined) {
      issues.push({ path: ['healthCheck', 'type'], code: 'healthcheck-type', message: 'type: http needs a path (e.g. path: /healthz)' });
    } else if (type !== 'http' && hc.path !== undefined) {
      issues.push({ path: ['healthCheck', 'path'], code: 'healthcheck-type', message: `a path is for HTTP checks; type: ${type} has none: remove path or type` });
    }
  }
  return issues;
}

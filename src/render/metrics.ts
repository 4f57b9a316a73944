/**
 * `metrics:` on an application → a Prometheus Operator ServiceMonitor (monitoring.coreos.com/v1)
 * that scrapes one of the app's ports through its Service. The ServiceMonitor names the
 * Service's port by name, so the claim's port (a number or a name) is turned into the name the
 * Service gives it; a port the app does not declare is refused at the claim's line.
 */
import type { ApplicationSpec } from '../claims/types.js';
import type { AppIssue } from './replicas.js';

type Values = Record<string, unknown>;

/** `ports` as the render names them (values.ts): the Service port names the ServiceMonitor refers to. */
export function metricsValues(app: ApplicationSpec, ports: readonly { name: string; port: number }[]): Values | undefined {
  const m = app.metrics;
  if (!m) return undefined;
  const port = ports.find((p) => p.port === m.port || p.name === m.port);
  if (!port) return undefined; // refused by metricsIssues
  const out: Values = { enabled: true, port: port.name, path: m.path ?? '/metrics' };
  if (m.interval) out.interval = m.interval;
  return out;
}

export function metricsIssues(app: ApplicationSpec): AppIssue[] {
  const m = app.metrics;
  if (!m) return [];
  const ports = app.ports ?? [];
  if (ports.length === 0) return [{ path: ['metrics'], part: 'key', code: 'metrics-port', message: 'metrics are scraped through the app\'s Service: declare the metrics port under ports' }];
  if (!ports.some((p) => p.port === m.port || (p.name !== undefined && p.name === m.port))) {
    const declared = ports.map((p) => (p.name ? `${p.name} ${p.port}` : String(p.port)));
    return [{ path: ['metrics', 'port'], code: 'metrics-port', message: `metrics port ${m.port} is not among this app's ports (${declared.join(', ')}); declare it under ports` }];
  }
  return [];
}

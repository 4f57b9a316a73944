/**
 * `ingress:` on an application → the chart's Ingress: hosts, paths, class, and TLS from a
 * Secret the team provides or from a cert-manager issuer (which then writes `<app>-tls`).
 * Traffic goes to the app's Service port (servicePort of the first port unless `port` says).
 */
import type { ApplicationSpec } from '../claims/types.js';
import { servicePortOf } from './app-wiring.js';
import type { AppIssue } from './replicas.js';

type Values = Record<string, unknown>;

export function ingressValues(app: ApplicationSpec): Values | undefined {
  const ing = app.ingress;
  if (!ing) return undefined;
  const out: Values = { enabled: true, hosts: [...ing.hosts], paths: [...(ing.paths ?? ['/'])], port: ing.port ?? servicePortOf(app) };
  if (ing.className) out.className = ing.className;
  const tls = ing.tls;
  if (tls) {
    out.tlsSecretName = tls.secretName ?? `${app.name}-tls`;
    if (tls.clusterIssuer) out.annotations = { 'cert-manager.io/cluster-issuer': tls.clusterIssuer };
    if (tls.issuer) out.annotations = { 'cert-manager.io/issuer': tls.issuer };
  }
  return out;
}

export function ingressIssues(app: ApplicationSpec): AppIssue[] {
  const ing = app.ingress;
  if (!ing) return [];
  const issues: AppIssue[] = [];
  const servicePorts = (app.ports ?? []).map((p) => p.servicePort ?? p.port);
  if (servicePorts.length === 0) issues.push({ path: ['ingress'], part: 'key', code: 'ingress-port', message: 'ingress needs a Service to send traffic to: declare ports' });
  else if (ing.port !== undefined && !servicePorts.includes(ing.port)) {
    issues.push({ path: ['ingress', 'port'], code: 'ingress-port', message: `ingress port ${ing.port} is not a Service port of this app (${servicePorts.join(', ')}); the Service port is servicePort when set, else port` });
  }
  const tls = ing.tls;
  if (tls) {
    const given = (['secretName', 'clusterIssuer', 'issuer'] as const).filter((k) => tls[k] !== undefined);
    if (given.length === 0) issues.push({ path: ['ingress', 'tls'], part: 'key', code: 'ingress-tls', message: 'tls needs secretName (a certificate Secret you provide) or clusterIssuer/issuer (cert-manager makes <app>-tls)' });
    if (tls.clusterIssuer && tls.issuer) issues.push({ path: ['ingress', 'tls', 'issuer'], code: 'ingress-tls', message: 'a certificate comes from one cert-manager issuer: keep clusterIssuer or issuer' });
  }
  return issues;
}

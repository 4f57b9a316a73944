/**
 * Namespaces that belong to the platform: no claim deploys into one, whatever the registry
 * grants. test/integration/reserved-namespaces.test.ts reads infrastructure/ and fails when a
 * namespace it uses is missing here.
 */
import type { RenderSettings, ReservedName } from '../settings/types.js';

export const BUILTIN_RESERVED_NAMESPACES: readonly ReservedName[] = [
  { name: 'default', where: "Kubernetes' default namespace" },
  { name: 'argocd', where: "Argo CD's namespace (infrastructure/aws/argocd.tf)" },
  { name: 'cert-manager', where: 'the cert-manager namespace (infrastructure/aws/addons.tf)' },
  { name: 'cnpg-system', where: 'the CloudNativePG operator namespace (infrastructure/aws/addons.tf)' },
  { name: 'elastic-system', where: 'the ECK operator namespace (infrastructure/aws/addons.tf)' },
  { name: 'mongodb-system', where: 'the MongoDB operator namespace (infrastructure/aws/addons.tf)' },
  { name: 'rabbitmq-system', where: 'the RabbitMQ operator namespace (infrastructure/aws/addons.tf)' },
  { name: 'strimzi-system', where: 'the Strimzi operator namespace (infrastructure/aws/addons.tf)' },
];

/** Who owns a namespace no claim may use, or undefined when a tenant may have it. */
export function namespaceOwner(namespace: string, settings: Pick<RenderSettings, 'argocd' | 'tenancy'>): string | undefined {
  if (namespace.startsWith('kube-')) return 'a Kubernetes system namespace (kube-*)';
  if (namespace === settings.argocd.namespace) return "Argo CD's namespace (spec.argocd.namespace)";
  const builtin = BUILTIN_RESERVED_NAMESPACES.find((r) => r.name === namespace);
  if (builtin) return builtin.where;
  const reserved = settings.tenancy?.reservedNamespaces.find((r) => r.name === namespace);
  return reserved ? `reserved in ${reserved.where}` : undefined;
}

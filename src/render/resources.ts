/** Requests and limits: the claim's, on top of a profile or size preset. */
import type { ClaimResources } from '../claims/types.js';
import type { ResourceSet } from './profiles.js';
import { parseQuantity, quantityText } from './quantity.js';

/**
 * Claim values beat the profile, field by field. A request the claim raises above the
 * profile's default limit lifts that limit too: Kubernetes refuses request > limit, and the
 * user asked only for the request.
 */
export function mergeResources(base: ResourceSet, claim: ClaimResources | undefined): ResourceSet {
  const requests: Record<string, string> = { ...base.requests };
  const limits: Record<string, string> = { ...base.limits };
  const claimRequests = { ...pick(claim, ['cpu', 'memory']), ...claim?.requests };
  for (const [k, v] of Object.entries(claimRequests)) if (v !== undefined) requests[k] = quantityText(v);
  for (const [k, v] of Object.entries(claim?.limits ?? {})) if (v !== undefined) limits[k] = quantityText(v);
  for (const k of ['cpu', 'memory']) {
    const explicitLimit = claim?.limits?.[k as 'cpu'] !== undefined;
    const req = parseQuantity(requests[k]!);
    const lim = parseQuantity(limits[k]!);
    if (!explicitLimit && req !== undefined && lim !== undefined && req > lim) limits[k] = requests[k]!;
  }
  return { requests: requests as ResourceSet['requests'], limits: limits as ResourceSet['limits'] };
}

function pick<T extends object>(obj: T | undefined, keys: string[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (!obj) return out;
  for (const k of keys) {
    const v = (obj as Record<string, unknown>)[k];
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  }
  return out;
}

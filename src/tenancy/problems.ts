/** Every tenancy rule over the claims of a run: namespaces and teams, hosts, credentials. Pure. */
import type { LoadedClaim } from '../claims/types.js';
import type { Problem } from '../errors.js';
import type { RenderSettings } from '../settings/types.js';
import { credentialProblems } from './credentials/claim-strings.js';
import { hostProblems } from './hosts.js';
import { namespaceProblems } from './namespaces.js';

export function tenancyProblems(claims: readonly LoadedClaim[], settings: RenderSettings): Problem[] {
  return [...namespaceProblems(claims, settings), ...hostProblems(claims, settings), ...credentialProblems(claims)];
}

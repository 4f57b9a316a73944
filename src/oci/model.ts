/** The words the registry modules share: credentials, scopes, digests, the registry's "no". */
import { createHash } from 'node:crypto';
import { InfraError } from '../errors.js';

export interface Credentials {
  username: string;
  password: string;
}

export type Action = 'pull' | 'push';

export interface Scope {
  repository: string;
  actions: readonly Action[];
}

/** A registry said no (after authenticating as well as we could): exit 3, registry named. */
export class RegistryError extends InfraError {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export function scopeString(scope: Scope): string {
  return `repository:${scope.repository}:${scope.actions.join(',')}`;
}

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

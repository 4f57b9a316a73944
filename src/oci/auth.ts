/**
 * Authenticating to one registry the way it asks: anonymous first; on a 401, Basic (send the
 * credentials) or Bearer (the Docker token protocol: a token for `repository:<name>:<actions>`
 * from the challenge's realm, fetched with the credentials if we have any). Tokens are cached
 * per scope; a request that needs more (pull → pull,push) meets a new challenge and gets a new
 * token instead of re-sending one that cannot do it.
 */
import { InfraError } from '../errors.js';
import { type Credentials, RegistryError, type Scope, scopeString } from './model.js';
import { REQUEST_TIMEOUT_MS, type Transport } from './transport.js';
import type { Challenge } from './www-authenticate.js';

interface CachedToken {
  value: string;
  expiresAt: number;
}

export class RegistryAuth {
  /** What the registry asked for last time: decides how the next request authenticates. */
  private scheme: 'none' | 'basic' | 'bearer' = 'none';
  private bearer: { realm: string; service: string | undefined } | undefined;
  private readonly tokens = new Map<string, CachedToken>();

  constructor(
    private readonly host: string,
    private readonly origin: string,
    private readonly credentials: Credentials | undefined,
    private readonly transport: Transport,
  ) {}

  /** "the credentials of "u"" or "anonymous access", for messages. */
  who(): string {
    return this.credentials ? `the credentials of ${JSON.stringify(this.credentials.username)}` : 'anonymous access';
  }

  /** Names the actions the cached token lacks (tokens that are JWTs say what they grant). */
  missingActions(scope: Scope): string {
    const token = this.tokens.get(scopeString(scope))?.value;
    const granted = token ? grantedActions(token, scope.repository) : undefined;
    if (!granted) return `scope ${scopeString(scope)}`;
    const missing = scope.actions.filter((a) => !granted.includes(a));
    return `scope repository:${scope.repository}:${(missing.length ? missing : scope.actions).join(',')}`;
  }

  async authorization(scope: Scope): Promise<string | undefined> {
    if (this.scheme === 'basic' && this.credentials) return basicHeader(this.credentials);
    if (this.scheme !== 'bearer' || !this.bearer) return undefined;
    const cached = this.cachedToken(scope);
    if (cached) return `Bearer ${cached}`;
    // We know the realm already: ask for this scope before the registry has to challenge us.
    return `Bearer ${await this.fetchToken([scopeString(scope)], scope)}`;
  }

  /** A cached token for this scope or for one that covers it (pull,push covers pull). */
  private cachedToken(scope: Scope): string | undefined {
    for (const key of [scopeString(scope), `repository:${scope.repository}:pull,push`]) {
      const hit = this.tokens.get(key);
      const covers = key.split(':').at(-1)!.split(',');
      if (hit && hit.expiresAt > Date.now() && scope.actions.every((a) => covers.includes(a))) return hit.value;
    }
    return undefined;
  }

  /** Answers a 401 challenge; false when there is nothing more we could send. */
  async answer(challenges: Challenge[], scope: Scope, sent: string | undefined): Promise<boolean> {
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
    if (bearer) {
      this.scheme = 'bearer';
      this.bearer = { realm: bearer.params.realm!, service: bearer.params.service };
      // The challenge's scope is what this request needs; ours may name more (pull,push).
      const scopes = new Set([scopeString(scope), ...(bearer.params.scope ?? '').split(' ').filter(Boolean)]);
      this.tokens.delete(scopeString(scope));
      await this.fetchToken([...scopes], scope);
      return true;
    }
    // Compare with what this request sent, not with shared state: parallel first requests all
    // meet the challenge, and each deserves one answer.
    if (challenges.some((c) => c.scheme === 'basic') && this.credentials && sent !== basicHeader(this.credentials)) {
      this.scheme = 'basic';
      return true;
    }
    return false;
  }

  private async fetchToken(scopes: string[], scope: Scope): Promise<string> {
    const { realm, service } = this.bearer!;
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new InfraError(`registry ${this.host} sent a token realm that is not a URL: ${JSON.stringify(realm)}`);
    }
    if (service) url.searchParams.set('service', service);
    for (const s of scopes) url.searchParams.append('scope', s);
    // Credentials go over https, or over http only when this registry is itself plain http
    // (a loopback test registry the caller opted into); never downgraded by a realm.
    const mayCarry = url.protocol === 'https:' || this.origin.startsWith('http:');
    const headers: Record<string, string> = this.credentials && mayCarry ? { authorization: basicHeader(this.credentials) } : {};
    const res = await this.transport.retrying(url.host, () => fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }));
    if (!res.ok) {
      await res.body?.cancel();
      throw new RegistryError(`token server ${url.origin} for registry ${this.host} refused ${this.who()} for ${scopes.join(' ')}: HTTP ${res.status}`, res.status, undefined);
    }
    const json = (await res.json().catch(() => ({}))) as { token?: unknown; access_token?: unknown; expires_in?: unknown };
    const value = typeof json.token === 'string' ? json.token : typeof json.access_token === 'string' ? json.access_token : undefined;
    if (!value) throw new InfraError(`token server ${url.origin} for registry ${this.host} answered without a token`);
    // The spec's default lifetime is 60 s; renew a little early.
    const seconds = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 60;
    this.tokens.set(scopeString(scope), { value, expiresAt: Date.now() + Math.max(seconds - 10, 5) * 1000 });
    return value;
  }
}

export function basicHeader(c: Credentials): string {
  return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
}

/** Best effort, for messages only: the actions a Docker-style JWT grants on a repository. */
function grantedActions(token: string, repository: string): string[] | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { access?: { type?: string; name?: string; actions?: string[] }[] };
    if (!Array.isArray(claims.access)) return undefined;
    return claims.access.filter((a) => a.type === 'repository' && a.name === repository).flatMap((a) => a.actions ?? []);
  } catch {
    return undefined;
  }
}

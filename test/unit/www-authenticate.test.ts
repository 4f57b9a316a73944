import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../src/oci/transport.js';
import { parseWwwAuthenticate } from '../../src/oci/www-authenticate.js';

describe('WWW-Authenticate (RFC 9110 §11.6.1)', () => {
  it('reads a GHCR-style Bearer challenge', () => {
    expect(parseWwwAuthenticate('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/api:pull"')).toEqual([
      { scheme: 'bearer', params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:acme/api:pull' } },
    ]);
  });

  it('keeps commas and escaped quotes inside quoted strings', () => {
    const [c] = parseWwwAuthenticate('Bearer realm="https://auth.example/t?a=1,b=2",error="insufficient_scope",scope="repository:a/b:pull,push",note="say \\"hi\\""');
    expect({ ...c!.params }).toEqual({ realm: 'https://auth.example/t?a=1,b=2', error: 'insufficient_scope', scope: 'repository:a/b:pull,push', note: 'say "hi"' });
  });

  it('splits several challenges (the RFC 7235 example)', () => {
    const challenges = parseWwwAuthenticate('Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"');
    expect(challenges.map((c) => [c.scheme, { ...c.params }])).toEqual([
      ['newauth', { realm: 'apps', type: '1', title: 'Login to "apps"' }],
      ['basic', { realm: 'simple' }],
    ]);
  });

  it('is case-insensitive in schemes and names, tolerant of spaces around "="', () => {
    const [c] = parseWwwAuthenticate('BEARER Realm = "r" ,  SERVICE=svc');
    expect(c!.scheme).toBe('bearer');
    expect({ ...c!.params }).toEqual({ realm: 'r', service: 'svc' });
  });

  it('reads token68 challenges next to param challenges', () => {
    const challenges = parseWwwAuthenticate('Negotiate a87421000492aa874209af8bc028==, Bearer realm="r"');
    expect(challenges[0]).toMatchObject({ scheme: 'negotiate', token68: 'a87421000492aa874209af8bc028==' });
    expect(challenges[1]).toMatchObject({ scheme: 'bearer', params: { realm: 'r' } });
  });

  it('a param named __proto__ is only a param', () => {
    const [c] = parseWwwAuthenticate('Bearer __proto__="x", realm="r"');
    expect(c!.params.realm).toBe('r');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.getPrototypeOf(c!.params)).toBeNull();
  });

  it('garbage yields nothing rather than a loop or a throw', () => {
    expect(parseWwwAuthenticate('')).toEqual([]);
    expect(parseWwwAuthenticate('"unterminated')).toEqual([]);
  });
});

describe('Retry-After', () => {
  it('is delay-seconds or an HTTP date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs('Thu, 26 Nov 2026 10:00:30 GMT', Date.parse('Thu, 26 Nov 2026 10:00:00 GMT'))).toBe(30_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});

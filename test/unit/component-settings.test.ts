/** Component settings: claim fields, operator-era config, size presets and profiles, in that order. */
import { describe, expect, it } from 'vitest';
import type { ComponentSpec } from '../../src/claims/types.js';
import { resolveComponent } from '../../src/render/component-settings.js';
import { componentValues } from '../../src/render/component-values.js';
import { BUILTIN_PROFILES, resolveProfile } from '../../src/render/profiles.js';

const resolve = (c: ComponentSpec, env: keyof typeof BUILTIN_PROFILES = 'dev') => resolveComponent(c, BUILTIN_PROFILES[env]);

describe('resolveComponent', () => {
  it('quorum stores take the profile quorum default; postgresql its instances; an explicit value wins', () => {
    expect(resolve({ type: 'mongodb', name: 'm' }, 'staging').settings.members).toBe(3);
    expect(resolve({ type: 'postgresql', name: 'p' }, 'staging').settings.members).toBe(2);
    expect(resolve({ type: 'rabbitmq', name: 'r', replicas: 5 }, 'prod').settings.members).toBe(5);
    expect(resolve({ type: 'kafka', name: 'k', brokers: 1 }, 'dev').settings.members).toBe(1);
  });

  it('a settings profile can lower the quorum floor it raised', () => {
    const profile = resolveProfile('prod', { prod: { components: { quorumFloor: 1 } } });
    expect(resolveComponent({ type: 'elasticsearch', name: 'e', replicas: 1 }, profile).issues).toEqual([]);
    expect(resolve({ type: 'elasticsearch', name: 'e', replicas: 1 }, 'prod').issues.map((i) => i.code)).toEqual(['component-quorum-floor']);
  });

  it('operator-era keys fill the new fields; the same value twice is no conflict', () => {
    const { settings, issues } = resolve({ type: 'rabbitmq', name: 'r', replicas: 3, config: { replicas: 3, plugins: ['rabbitmq_mqtt'], persistence: { size: '8Gi' } } });
    expect(issues).toEqual([]);
    expect(settings).toMatchObject({ members: 3, plugins: ['rabbitmq_mqtt'], storage: { size: '8Gi' } });
  });

  it('JVM stores default to the small preset; others to the profile', () => {
    expect(resolve({ type: 'kafka', name: 'k' }).settings.resources.limits.memory).toBe('1Gi');
    expect(resolve({ type: 'kafka', name: 'k' }).settings.storage.size).toBe('10Gi');
    expect(resolve({ type: 'mongodb', name: 'm' }).settings.resources.limits.memory).toBe(BUILTIN_PROFILES.dev.resources.limits.memory);
    expect(resolve({ type: 'mongodb', name: 'm' }).settings.storage.size).toBe(BUILTIN_PROFILES.dev.components.storage);
  });

  it('a heap within the limit passes; above three quarters of it is refused', () => {
    expect(resolve({ type: 'elasticsearch', name: 'e', heap: '512m' }).issues).toEqual([]);
    expect(resolve({ type: 'elasticsearch', name: 'e', heap: '1g', size: 'medium' }).issues).toEqual([]);
    expect(resolve({ type: 'elasticsearch', name: 'e', heap: '900m' }).issues.map((i) => i.path)).toEqual([['heap']]);
  });
});

describe('redis without persistence', () => {
  it('asks for no volume size (the data lives in an emptyDir)', () => {
    const claim = { apiVersion: 'platform.infraforge.io/v1', kind: 'ApplicationClaim', metadata: { name: 'shop' }, spec: { environment: 'prod', owner: { team: 'T', email: 't@x.io' }, applications: [] } } as const;
    const values = componentValues(claim as never, { type: 'redis', name: 'cache', config: { persistence: false } }, BUILTIN_PROFILES.prod);
    expect((values.redis as { persistence: unknown }).persistence).toEqual({ enabled: false });
  });

  it('refuses a storage size it would not use, at storage', () => {
    expect(resolve({ type: 'redis', name: 'c', storage: '5Gi', config: { persistence: false } }).issues.map((i) => [i.path, i.code])).toEqual([[['storage'], 'redis-storage-without-persistence']]);
    expect(resolve({ type: 'redis', name: 'c', storage: '5Gi' }).issues).toEqual([]);
  });
});

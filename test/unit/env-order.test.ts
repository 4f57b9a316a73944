/** $(VAR) references: found as the kubelet finds them, ordered after what they reference. */
import { describe, expect, it } from 'vitest';
import { envReferences, orderEnv } from '../../src/render/env-order.js';

const names = (entries: Record<string, unknown>[]) => entries.map((e) => e.name);

describe('envReferences', () => {
  it('finds $(NAME), skips the $$ escape and an unclosed $(', () => {
    expect(envReferences('redis://:$(PW)@cache:6379/$(DB)')).toEqual(['PW', 'DB']);
    expect(envReferences('cost: $$(NOT) and $$$(YES)')).toEqual(['YES']);
    expect(envReferences('$(OPEN and $HOME')).toEqual([]);
  });
});

describe('orderEnv', () => {
  it('moves a value after the variables it references, keeping the claim order otherwise', () => {
    const { ordered, unknown, cycles } = orderEnv([
      { name: 'A', value: 'a' },
      { name: 'CACHE', value: '$(REDIS_URL)/0' },
      { name: 'B', value: 'b' },
      { name: 'REDIS_URL', value: 'redis://:$(PW)@cache:6379' },
      { name: 'PW', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
    ]);
    expect(names(ordered)).toEqual(['A', 'B', 'PW', 'REDIS_URL', 'CACHE']);
    expect([unknown, cycles]).toEqual([[], []]);
  });

  it('reports a reference to nothing and a cycle, and keeps every entry', () => {
    const r = orderEnv([
      { name: 'X', value: '$(Y)' },
      { name: 'Y', value: '$(X)' },
      { name: 'Z', value: '$(NOPE)' },
      { name: 'S', value: '$(S)' },
    ]);
    expect(r.unknown).toEqual([{ index: 2, name: 'NOPE' }]);
    expect(r.cycles).toEqual([
      { index: 0, cycle: ['X', 'Y', 'X'] },
      { index: 1, cycle: ['Y', 'X', 'Y'] },
      { index: 3, cycle: ['S', 'S'] },
    ]);
    expect(names(r.ordered).sort()).toEqual(['S', 'X', 'Y', 'Z']);
  });
});

import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { emitYaml, quoteString } from '../../src/render/yaml-emit.js';

describe('emitYaml', () => {
  it('writes sorted keys, two-space indentation, sequences at the key column, a final newline', () => {
    const text = emitYaml({ b: 1, a: { d: [1, { y: 2, x: 'z' }], c: [] }, e: {} });
    // `y` is a boolean to YAML 1.1 readers, even as a key.
    expect(text).toBe('a:\n  c: []\n  d:\n  - 1\n  - x: z\n    "y": 2\nb: 1\ne: {}\n');
  });

  it.each(['yes', 'No', 'ON', 'off', 'y', 'n', 'true', 'null', '~', '010', '1.10', '0x1F', '1_000', '2024-01-01', '1e3', '.inf', '12:30', '', ' lead', 'a: b', '#x', '- x', '@at', '`tick`', '{{ x }}', '*alias', '&anchor', '!tag', '%pct', 'a #b', 'line\nbreak', '\u2028', '\u0085'])(
    '%j is quoted and reads back as the same string',
    (s) => {
      const text = emitYaml({ v: s });
      expect(text).not.toBe(`v: ${s}\n`);
      expect(parse(text, { version: '1.1' })).toEqual({ v: s });
      expect(parse(text, { version: '1.2' })).toEqual({ v: s });
    },
  );

  it.each(['api', 'ghcr.io/acme/api', '/healthz', 'main-db-app', 'IfNotPresent'])('%s stays plain', (s) => {
    expect(quoteString(s)).toBe(s);
  });

  it('refuses undefined, NaN, Infinity and non-plain objects, naming the path', () => {
    expect(() => emitYaml({ a: { b: undefined } })).toThrow(/a\.b/);
    expect(() => emitYaml({ a: [Number.NaN] })).toThrow(/a\[0\]/);
    expect(() => emitYaml({ a: Number.POSITIVE_INFINITY })).toThrow(/Infinity/);
    expect(() => emitYaml({ a: new Date(0) })).toThrow(/non-plain/);
  });

  it('numbers and booleans stay typed', () => {
    expect(parse(emitYaml({ n: 3, f: 0.5, t: true, z: null }))).toEqual({ n: 3, f: 0.5, t: true, z: null });
  });
});

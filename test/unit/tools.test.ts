/** test/support/tools.ts: a missing tool skips on a laptop and fails, named, under CI=true. */
import { describe, expect, it, vi } from 'vitest';
import { toolOrSkip } from '../support/tools.js';

const MISSING = { name: 'infraforge-no-such-tool', versionArgs: ['--version'] };

describe('toolOrSkip', () => {
  it('finds a tool that runs', () => {
    expect(toolOrSkip({ name: 'node', versionArgs: ['--version'] }, { CI: 'true' })).toBe('node');
  });

  it('takes the first candidate that runs', () => {
    expect(toolOrSkip({ name: 'a runtime', candidates: ['infraforge-no-such-tool', 'node'], versionArgs: ['--version'] }, {})).toBe('node');
  });

  it('passes over a candidate whose version it does not accept (a helm 4 where helm 3 is wanted)', () => {
    const major = process.version.split('.')[0]!;
    expect(toolOrSkip({ name: 'node', versionArgs: ['--version'], accepts: (v) => v.startsWith(`${major}.`) }, { CI: 'true' })).toBe('node');
    expect(() => toolOrSkip({ name: 'node', versionArgs: ['--version'], accepts: (v) => v.startsWith('v0.') }, { CI: 'true' })).toThrow(/^node is not on PATH/);
  });

  it('under CI=true a missing tool throws, naming it', () => {
    expect(() => toolOrSkip(MISSING, { CI: 'true' })).toThrow(/^infraforge-no-such-tool is not on PATH: run the tests through `bash \.ci\/bootstrap npm test`/);
  });

  it('elsewhere it is undefined (the tests skip), with one notice naming it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(toolOrSkip(MISSING, {})).toBeUndefined();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toContain('infraforge-no-such-tool is not on PATH');
    } finally {
      warn.mockRestore();
    }
  });
});

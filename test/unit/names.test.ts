import { describe, expect, it } from 'vitest';
import { normalizeGitUrl, ownerFromUrl } from '../../src/git/origin.js';
import { defaultNamespace, isDnsLabel, toDnsLabel } from '../../src/render/names.js';

describe('DNS labels', () => {
  it('normalises team names', () => {
    expect(toDnsLabel('Ecommerce Team')).toBe('ecommerce-team');
    expect(toDnsLabel('  Café & Bar__Ops ')).toBe('cafe-bar-ops');
  });

  it('never ends in "-" after truncation', () => {
    // 'staging' leaves 55 characters for the team: the cut falls right after the '-'.
    const team = `${'a'.repeat(54)} ${'b'.repeat(20)}`;
    const ns = defaultNamespace(team, 'staging');
    expect(ns.length).toBeLessThanOrEqual(63);
    expect(isDnsLabel(ns)).toBe(true);
    expect(ns).toBe(`${'a'.repeat(54)}-staging`);
  });

  it.each(['../x', 'a/b', '.', '..', '-rf', 'UPPER', 'café', '', 'a'.repeat(64), 'a-'])('%j is not a label', (s) => {
    expect(isDnsLabel(s)).toBe(false);
  });
});

describe('git URLs', () => {
  it.each([
    ['git@github.com:Acme/platform.git', 'https://github.com/Acme/platform.git'],
    ['ssh://git@github.com/acme/platform', 'https://github.com/acme/platform.git'],
    ['https://x-access-token:ghs_secret@github.com/acme/platform', 'https://github.com/acme/platform.git'],
    ['https://gitlab.example.com:8443/group/sub/repo.git/', 'https://gitlab.example.com:8443/group/sub/repo.git'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeGitUrl(input)).toBe(expected);
    expect(normalizeGitUrl(input)).not.toContain('secret');
  });

  it.each(['/tmp/repo.git', 'file:///tmp/repo', '../repo'])('a local remote %s gives no URL', (input) => {
    expect(normalizeGitUrl(input)).toBeUndefined();
  });

  it('takes the owner from the URL, lowercased', () => {
    expect(ownerFromUrl('https://github.com/Acme/platform.git')).toBe('acme');
  });
});

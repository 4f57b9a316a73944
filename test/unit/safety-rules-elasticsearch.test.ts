/**
 * ECK's upgrade path, as its webhook judges it (pkg/controller/elasticsearch/version/
 * supported_versions.go: 8.x only from 7.17.0, 9.x only from 8.18.0; validations.go
 * validUpgradePath). test/e2e/webhooks.e2e.test.ts has the webhook refuse the same edge on the
 * chart's objects; here the pure rule is pinned at every boundary.
 */
import { describe, expect, it } from 'vitest';
import { detectChanges, rule } from '../../src/safety/rules.js';
import type { View } from '../../src/safety/view.js';

const view = (version: string): View => ({ members: 3, version, persistent: true, storageSize: '10Gi', storageClass: undefined, restart: '{}', rest: '{}' });
const judge = (before: string, after: string) => detectChanges('elasticsearch', 'search', view(before), view(after)).map((d) => ({ change: d.change, ...rule('elasticsearch', d) }));

describe('elasticsearch version upgrades', () => {
  it.each([
    ['8.17.0', '9.1.0'],
    ['8.17.9', '9.0.0'],
    ['7.16.3', '8.19.0'],
    ['7.17.0', '9.1.0'],
  ])('%s → %s skips the version ECK upgrades from: refused by its webhook, in its words', (before, after) => {
    const [f] = judge(before, after);
    expect(f).toMatchObject({ change: 'version-upgrade', class: 'refused after merge', by: 'operator' });
    expect(f!.sentence).toContain('("Unsupported version upgrade path. Check the Elasticsearch documentation for supported upgrade paths.")');
  });

  it.each([
    ['8.18.0', '9.1.0'],
    ['8.19.3', '9.0.0'],
    ['7.17.0', '8.0.0'],
    ['9.0.0', '9.1.0'],
    ['8.1.0', '8.19.0'],
  ])('%s → %s is a path ECK takes: a rolling restart', (before, after) => {
    expect(judge(before, after)).toMatchObject([{ change: 'version-upgrade', class: 'rolling restart' }]);
  });

  it('a downgrade stays refused whatever the versions', () => {
    expect(judge('9.1.0', '8.19.0')).toMatchObject([{ change: 'version-downgrade', class: 'refused after merge', by: 'operator' }]);
  });
});

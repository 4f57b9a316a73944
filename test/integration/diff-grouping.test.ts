/**
 * Identical changes said once, on real git history and the real `helm`: the same edit in claims
 * of different teams and environments reads as one change to the values files and one per kind
 * of Kubernetes object, while a claim changed differently stays a change of its own.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Origin, makeOrigin } from '../support/git.js';
import { HELM } from '../support/helm.js';
import { CHART_VERSION, claim, REPO_ROOT } from '../support/repo.js';

const CLI = path.join(REPO_ROOT, 'dist/cli.js');
let origin: Origin;
afterEach(() => origin?.cleanup());

/** Claim i: its own team, in dev or prod, version `version`; claim 5 gets `odd` too. */
function claims(version: string, odd = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 10; i++) {
    const env = i % 2 ? 'prod' : 'dev';
    files[`deployments/${env}/c${i}.yaml`] = claim(`c${i}`, env).replace('Shop Team', `Team ${i}`).replace('"1.0.0"', `"${version}"`) + (i === 5 ? odd : '');
  }
  return files;
}

describe.skipIf(!HELM)('infraforge diff groups identical changes', () => {
  it('a version bump in ten claims of ten teams and two environments: one values change, one Deployment change; the odd claim apart', () => {
    origin = makeOrigin(claims('1.0.0'));
    const ws = origin.clone();
    const head = claims('1.1.0', '      env:\n        - name: ODD\n          value: "yes"\n');
    for (const [file, text] of Object.entries(head)) writeFileSync(path.join(ws, file), text);
    const markdown = execFileSync(process.execPath, [CLI, 'diff', '--base', 'HEAD'], { cwd: ws, encoding: 'utf8' });
    expect(markdown).toContain('**10 unit(s)** in 10 claim(s) (`dev`: 5, `prod`: 5): 0 added, 0 removed, 10 changed · **2 distinct change(s)** to 10 file(s) of `rendered/` · **2 distinct object change(s)** in 10 templated unit(s).');
    // The values files: nine the same (names and environments masked), the odd one its own.
    expect(markdown).toContain('<details><summary>The same change in 9 values files (changed, +1 −1 each), shown for <code>rendered/dev/c0/api/values.yaml</code></summary>');
    expect(markdown).toContain('-  tag: "1.0.0"\n+  tag: "1.1.0"\n labels:\n   platform.infraforge.io/claim: c0\n');
    expect(markdown).toContain('<details><summary><code>rendered/prod/c5/api/values.yaml</code> (changed, +4 −2)</summary>');
    // The objects, as helm templates them: the same for nine Deployments, listed in a fold.
    expect(markdown).toContain('<details><summary>The same change in 9 Deployments (changed, +1 −1 each), shown for <code>dev/c0/api</code></summary>');
    expect(markdown).toContain('-      - image: "ghcr.io/acme/api:1.0.0"\n+      - image: "ghcr.io/acme/api:1.1.0"\n');
    expect(markdown).toContain('```text\ndev/c0/api\ndev/c2/api\ndev/c4/api\ndev/c6/api\ndev/c8/api\nprod/c1/api\nprod/c3/api\nprod/c7/api\nprod/c9/api\n```');
    expect(markdown).toContain('<details><summary>Deployment <code>prod/c5/api</code> (changed, +5 −2)</summary>');
    expect(markdown).toContain('+      - env:\n+        - name: ODD\n+          value: "yes"\n');
    // The CLI prints everything: no notice of anything left out.
    expect(markdown).not.toContain('[!NOTE]');
  });

  it('a chart bump: every unit templated, each kind of object one change, the ApplicationSets one change', () => {
    origin = makeOrigin(claims('1.0.0'));
    const ws = origin.clone();
    const chartYaml = path.join(ws, 'charts/common/Chart.yaml');
    writeFileSync(chartYaml, readFileSync(chartYaml, 'utf8').replace(`version: ${CHART_VERSION}`, 'version: 9.0.0'));
    const markdown = execFileSync(process.execPath, [CLI, 'diff', '--base', 'HEAD'], { cwd: ws, encoding: 'utf8' });
    // No values file changed, yet every unit's objects did: all ten were templated.
    expect(markdown).toContain('**1 distinct change(s)** to 10 file(s) of `rendered/` · **5 distinct object change(s)** in 10 templated unit(s).');
    expect(markdown).toContain('<details><summary>The same change in 10 ApplicationSets (changed, +1 −1 each), shown for <code>rendered/dev/c0/applicationset.yaml</code></summary>');
    for (const [n, kinds] of [
      [10, 'Deployments'],
      [10, 'Services'],
      [10, 'ServiceAccounts'],
      [5, 'HorizontalPodAutoscalers'],
      [5, 'PodDisruptionBudgets'],
    ] as const) {
      expect(markdown).toContain(`<details><summary>The same change in ${n} ${kinds} (changed, +`);
    }
    expect(markdown).toContain(`-    helm.sh/chart: common-${CHART_VERSION}\n+    helm.sh/chart: common-9.0.0\n`);
  });
});

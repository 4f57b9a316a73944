/**
 * An app's `secrets` from the platform's secret store: an External Secrets Operator
 * ExternalSecret per secret (checked against the vendored CRD, strict fields), the app and its
 * jobs reading the Secret it makes, remote keys under the platform's prefix; refused at the
 * claim line when the platform has no store, a key leaves the prefix or a name is taken.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HELM, helmTemplate, type K8sObject } from '../support/helm.js';
import { validateOperatorObject } from '../support/operator-crds.js';
import { cli, SETTINGS, type TempRepo, tempRepo } from '../support/repo.js';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const WITH_STORE = `${SETTINGS}  externalSecrets:
    store: vault
    keyPrefix: teams/{team}/
`;

const claim = (secrets: string) => `apiVersion: platform.infraforge.io/v1
kind: ApplicationClaim
metadata:
  name: shop
spec:
  environment: dev
  owner: { team: Shop Team, email: shop@example.com }
  applications:
    - name: web
      version: "1.0.0"
      env:
        - { name: STRIPE_URL, value: "https://:$(STRIPE_API_KEY)@api.stripe.com" }
${secrets}      jobs:
        - { name: migrate, command: [migrate] }
`;

const SECRETS = `      secrets:
        - name: stripe
          env:
            - { name: STRIPE_API_KEY, key: stripe, property: api-key }
            - { name: STRIPE_WEBHOOK_SECRET, key: stripe, property: webhook }
`;

type Container = { env: { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }[] };

describe.skipIf(!HELM)('secrets from External Secrets Operator', () => {
  it('render an ExternalSecret under the platform prefix; the app and its jobs read its Secret', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim(SECRETS) }, { settings: WITH_STORE });
    const run = await cli(repo.root, 'render');
    expect(run.stderr).toBe('');
    const { objects } = await helmTemplate(path.join(repo.root, 'rendered/dev/shop/web/values.yaml'), 'shop-web', path.join(repo.root, 'charts/common'));
    const external = objects.find((o) => o.kind === 'ExternalSecret') as K8sObject;
    validateOperatorObject(external);
    expect(external.metadata.name).toBe('web-stripe');
    expect(external.spec).toEqual({
      refreshInterval: '1h',
      secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' },
      target: { name: 'web-stripe', creationPolicy: 'Owner' },
      data: [
        { secretKey: 'STRIPE_API_KEY', remoteRef: { key: 'teams/shop-team/stripe', property: 'api-key' } },
        { secretKey: 'STRIPE_WEBHOOK_SECRET', remoteRef: { key: 'teams/shop-team/stripe', property: 'webhook' } },
      ],
    });
    const app = (objects.find((o) => o.kind === 'Deployment')!.spec.template.spec.containers as Container[])[0]!;
    // The Secret's keys come first, so the app's own $(STRIPE_API_KEY) reference resolves.
    expect(app.env.map((e) => e.name)).toEqual(['STRIPE_API_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_URL']);
    expect(app.env[0]).toEqual({ name: 'STRIPE_API_KEY', valueFrom: { secretKeyRef: { name: 'web-stripe', key: 'STRIPE_API_KEY' } } });
    const job = (objects.find((o) => o.kind === 'Job')!.spec.template.spec.containers as Container[])[0]!;
    expect(job.env).toEqual(app.env);
    // Only the reference is in git.
    expect(repo.read('rendered/dev/shop/web/values.yaml')).not.toMatch(/kind: Secret\b/);
  });

  it('refuses secrets when the platform has no store, a key with "..", and an env name taken, at their lines', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim(SECRETS) });
    const off = await cli(repo.root, 'validate');
    expect(off.code).toBe(2);
    expect(off.stderr).toContain('deployments/dev/shop.yaml:13:7: secrets need a secret store, and the platform has not set one: spec.externalSecrets.store in deployments/settings.yaml (spec.applications[0].secrets)');

    const bad = SECRETS.replace('key: stripe, property: webhook', 'key: shop/../payments').replace('STRIPE_API_KEY, key', 'STRIPE_URL, key');
    repo.cleanup();
    repo = tempRepo({ 'deployments/dev/shop.yaml': claim(bad) }, { settings: WITH_STORE });
    const run = await cli(repo.root, 'validate');
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toContain('deployments/dev/shop.yaml:16:23: env STRIPE_URL is already set by deployments/dev/shop.yaml:12:19; a secret gives it once, under its own name (spec.applications[0].secrets[0].env[0].name)');
    expect(lines).toContain('deployments/dev/shop.yaml:17:51: remote key "shop/../payments" may not have a "." or ".." segment: keys are read below the platform\'s prefix (spec.applications[0].secrets[0].env[1].key)');
  });
});

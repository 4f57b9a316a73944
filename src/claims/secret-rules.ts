/**
 * Rules for an app's `secrets` that JSON Schema cannot say: the platform must have enabled a
 * secret store, every env name the secrets give is the app's only one of that name, and a
 * remote key stays inside the platform's keyPrefix (no `..` segment).
 */
import type { Problem } from '../errors.js';
import { wiredEnv } from '../render/wiring.js';
import type { RenderSettings } from '../settings/types.js';
import { type FieldPath, placeOf, problemAt, type SourceDoc } from './source.js';
import type { ApplicationClaim } from './types.js';

export function secretProblems(claim: ApplicationClaim, doc: SourceDoc, settings: RenderSettings): Problem[] {
  const problems: Problem[] = [];
  claim.spec.applications.forEach((app, i) => {
    const secrets = app.secrets ?? [];
    if (secrets.length === 0) return;
    const base: FieldPath = ['spec', 'applications', i, 'secrets'];
    if (!settings.externalSecrets) {
      problems.push(problemAt(doc, base, 'external-secrets-disabled', 'secrets need a secret store, and the platform has not set one: spec.externalSecrets.store in deployments/settings.yaml', 'key'));
      return;
    }
    // Names the app already has: its own env and what uses: wires in.
    const taken = new Map<string, string>(wiredEnv(claim, app).map((e) => [e.name as string, 'the app']));
    (app.env ?? []).forEach((e, j) => taken.set(e.name, placeOf(doc, ['spec', 'applications', i, 'env', j, 'name'])));
    const names = new Map<string, FieldPath>();
    secrets.forEach((secret, s) => {
      const other = names.get(secret.name);
      if (other) problems.push(problemAt(doc, [...base, s, 'name'], 'duplicate-secret', `secret "${secret.name}" is already declared at ${placeOf(doc, other)}`));
      else names.set(secret.name, [...base, s, 'name']);
      secret.env.forEach((e, k) => {
        const at: FieldPath = [...base, s, 'env', k];
        const clash = taken.get(e.name);
        if (clash) problems.push(problemAt(doc, [...at, 'name'], 'duplicate-env', `env ${e.name} is already set by ${clash}; a secret gives it once, under its own name`));
        else taken.set(e.name, placeOf(doc, [...at, 'name']));
        if (e.key.split('/').some((part) => part === '..' || part === '.')) {
          problems.push(problemAt(doc, [...at, 'key'], 'secret-key-path', `remote key "${e.key}" may not have a "." or ".." segment: keys are read below the platform's prefix`));
        }
      });
    });
  });
  return problems;
}

/**
 * Tenancy, credentials (issue 19): a credential in an env value or anywhere under `values:` is
 * refused at its line with "put it in a Secret and use secretKeyRef", and never printed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENV_NAME_OF, FAKE_CREDENTIALS } from '../support/fake-credentials.js';
import { expectRejected, renderedRepo } from '../support/rejected.js';
import { claim, cli, type TempRepo } from '../support/repo.js';
import { positionOf } from '../support/tenancy.js';

let repo: TempRepo;
let before: Record<string, string>;
beforeEach(async () => {
  ({ repo, before } = await renderedRepo({ 'deployments/dev/shop.yaml': claim() }));
});
afterEach(() => repo.cleanup());

/** A YAML scalar for `value`: a literal block for multi-line text, else a double-quoted string. */
function scalar(value: string, indent: string): string {
  return value.includes('\n') ? `|\n${value.split('\n').map((l) => `${indent}  ${l}`).join('\n')}` : JSON.stringify(value);
}

const CASES = Object.entries(FAKE_CREDENTIALS);

describe('no credentials in git', () => {
  it.each(CASES)('a %s in an env value', async (name, value) => {
    const env = ENV_NAME_OF[name] ?? 'SOME_SETTING';
    const text = claim('shop', 'dev', `      env:\n        - name: ${env}\n          value: ${scalar(value, '          ')}\n`);
    const at = positionOf(text, `value: `);
    const { run, problems } = await expectRejected(repo, before, 'deployments/dev/shop.yaml', text, { code: 'credential-in-claim', line: at.line, col: at.col + 'value: '.length });
    expectAdviceWithoutSecret(run.stderr + JSON.stringify(problems), value);
  });

  it.each(CASES)('a %s anywhere under values:', async (name, value) => {
    const key = ENV_NAME_OF[name] ?? 'token';
    const text = claim('shop', 'dev', `      values:\n        podAnnotations:\n          ${key}: ${scalar(value, '          ')}\n`);
    const at = positionOf(text, `${key}: `);
    const { run, problems } = await expectRejected(repo, before, 'deployments/dev/shop.yaml', text, { code: 'credential-in-claim', line: at.line, col: at.col + key.length + 2 });
    expectAdviceWithoutSecret(run.stderr + JSON.stringify(problems), value);
  });

  it('a URL that takes its password from a Secret-fed variable renders', async () => {
    const text = claim('shop', 'dev', '      env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef: { name: db, key: password }\n        - name: DATABASE_URL\n          value: postgres://app:$(DB_PASSWORD)@db:5432/app\n');
    repo.write('deployments/dev/shop.yaml', text);
    const run = await cli(repo.root, 'render');
    expect(run.code, run.stderr).toBe(0);
  });
});

function expectAdviceWithoutSecret(output: string, secret: string): void {
  expect(output).toContain('put it in a Secret and use secretKeyRef');
  // Not the secret, nor any long piece of it.
  for (const piece of secret.split(/[\n]/).filter((p) => p.length >= 12)) expect(output).not.toContain(piece.slice(-12));
}

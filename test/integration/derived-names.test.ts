/**
 * Derived names are their unit's (src/claims/derived-names.ts): a generated suite, one claim per
 * case (each in its own team's namespace), validated in one run of the real CLI. Each case is
 * one object-name-clash at the line of the name that takes it, pointing at the owner's line.
 * The same names in different namespaces are fine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claim, cli, type TempRepo, tempRepo } from '../support/repo.js';

interface Case {
  name: string;
  /** The app's name (line 11, col 13 of claim()), and the owning component appended at the end. */
  app: string;
  component: string;
  /** Text the message must quote. */
  says: string;
  /** Set values.name instead of naming the app. */
  viaValues?: boolean;
}

const CASES: Case[] = [
  { name: 'cnpg-rw', app: 'db-rw', component: '{ type: postgresql, name: db }', says: 'Service db-rw (CloudNativePG) of postgresql "db"' },
  { name: 'cnpg-ro', app: 'db-ro', component: '{ type: postgresql, name: db }', says: 'Service db-ro (CloudNativePG)' },
  { name: 'cnpg-app', app: 'db-app', component: '{ type: postgresql, name: db }', says: 'Secret db-app (CloudNativePG)' },
  { name: 'cnpg-superuser', app: 'db-superuser', component: '{ type: postgresql, name: db }', says: 'Secret db-superuser (CloudNativePG)' },
  { name: 'mongo-svc', app: 'docs-svc', component: '{ type: mongodb, name: docs, version: "8.0.12" }', says: 'Service docs-svc (MongoDB operator)' },
  { name: 'mongo-account', app: 'docs-database', component: '{ type: mongodb, name: docs, version: "8.0.12" }', says: 'ServiceAccount, Role and RoleBinding docs-database' },
  { name: 'rabbit-user', app: 'mq-default-user', component: '{ type: rabbitmq, name: mq }', says: 'Secret mq-default-user (RabbitMQ operator)' },
  { name: 'rabbit-nodes', app: 'mq-nodes', component: '{ type: rabbitmq, name: mq }', says: 'Service mq-nodes (RabbitMQ operator)' },
  { name: 'eck-http', app: 'search-es-http', component: '{ type: elasticsearch, name: search, version: "9.1.0" }', says: 'search-es-* (ECK)' },
  { name: 'strimzi-bootstrap', app: 'events-kafka-bootstrap', component: '{ type: kafka, name: events }', says: 'events-kafka-* (Strimzi)' },
  { name: 'strimzi-pool', app: 'events-nodes', component: '{ type: kafka, name: events }', says: 'KafkaNodePool events-nodes' },
  { name: 'values-name', app: 'web', component: '{ type: postgresql, name: db }', says: 'Service db-rw (CloudNativePG)', viaValues: true },
];

const file = (c: Case) => `deployments/dev/${c.name}.yaml`;
function claimText(c: Case): string {
  const values = c.viaValues ? '      values:\n        name: db-rw\n' : '';
  return claim(c.name, 'dev', `${values}  components:\n    - ${c.component}\n`)
    .replace('Shop Team', `Team ${c.name}`)
    .replace('    - name: api\n', `    - name: ${c.app}\n`);
}

describe('names a chart or operator derives from a unit belong to it', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = tempRepo({
      ...Object.fromEntries(CASES.map((c) => [file(c), claimText(c)])),
      // Across claims of one team: the owner is in another file.
      'deployments/staging/owner.yaml': claim('owner', 'staging', '  components:\n    - { type: postgresql, name: db }\n'),
      'deployments/staging/taker.yaml': claim('taker', 'staging').replace('    - name: api\n', '    - name: db-r\n'),
      // Another team's namespace: the same names are free.
      'deployments/prod/free.yaml': claim('free', 'prod', '  components:\n    - { type: postgresql, name: db }\n'),
      'deployments/prod/other.yaml': claim('other', 'prod').replace('Shop Team', 'Other Team').replace('    - name: api\n', '    - name: db-rw\n'),
    });
  });
  afterAll(() => repo.cleanup());

  it('each taker is one object-name-clash at its name, naming the owner', async () => {
    const run = await cli(repo.root, 'validate', '--json');
    expect(run.code, run.stderr).toBe(2);
    const problems = JSON.parse(run.stdout).problems as { file: string; line: number; col: number; code: string; message: string }[];
    for (const c of CASES) {
      const mine = problems.filter((p) => p.file === file(c));
      // claim(): the app's name is line 11 col 13; values.name (after healthCheck) line 20 col 15;
      // the component, after it, names the owner's line.
      const [line, col] = c.viaValues ? [20, 15] : [11, 13];
      expect(mine.map((p) => [p.code, p.line, p.col]), c.name).toEqual([['object-name-clash', line, col]]);
      const ownerLine = c.viaValues ? 22 : 20;
      expect(mine[0]!.message, c.name).toContain(`${file(c)}:${ownerLine}:`);
      expect(mine[0]!.message, c.name).toContain(c.says);
      expect(mine[0]!.message, c.name).toContain(`namespace team-${c.name}-dev`);
    }
    const taker = problems.filter((p) => p.file === 'deployments/staging/taker.yaml');
    expect(taker.map((p) => [p.code, p.line, p.col])).toEqual([['object-name-clash', 11, 13]]);
    expect(taker[0]!.message).toContain('deployments/staging/owner.yaml:20:');
    expect(problems.filter((p) => p.file.startsWith('deployments/prod/'))).toEqual([]);
  });
});

/**
 * One run reports every problem: claim schema, semantics and the chart's values schema, each
 * at its line. (Before, a claim took a run per stage and one run per chart-values mistake.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cli, type TempRepo, tempRepo } from '../support/repo.js';

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

// Line numbers below are this text's: count from apiVersion = 1.
const CLAIM = `apiVersion: platform.infraforge.io/v1
kind: ApplicationClaim
metadata:
  name: shop
spec:
  environment: dev
  owner: { team: Shop Team, email: shop@example.com }
  applications:
    - name: web
      version: "1.0.0"
      replica: 2
      ports: [{ name: http, port: 8080 }]
      healthCheck: { path: /healthz, port: 9090 }
      uses: [cache]
      values:
        cmd: [gunicorn]
        podSecurityContex: { runAsUser: 1000 }
        probes: { liveness: { grcp: { port: 8080 } } }
  components:
    - type: kafka
      name: events
      config:
        topics: [orders]
        partitions: 3
`;

describe('one run, every problem', () => {
  it('schema, semantic and chart-values problems come together, each at its line', async () => {
    repo = tempRepo({ 'deployments/dev/shop.yaml': CLAIM });
    const run = await cli(repo.root, 'validate', '--json');
    expect(run.code).toBe(2);
    const problems = (JSON.parse(run.stdout) as { problems: { line: number; col: number; code: string; message: string }[] }).problems;
    expect(problems.map((p) => `${p.line}:${p.col} ${p.code}`)).toEqual([
      '11:7 schema-unknown-field', // replica (schema)
      '13:44 healthcheck-port', // semantics, found although the claim has a schema problem
      '14:14 uses-unknown',
      '16:9 values-schema', // cmd (chart values, escape hatch): all three at once
      '17:9 values-schema', // podSecurityContex
      '18:31 values-schema', // probes.liveness.grcp
      '23:9 schema-unknown-field', // config.topics
      '24:9 schema-unknown-field', // config.partitions
    ]);
    const message = (line: number) => problems.find((p) => p.line === line)!.message;
    expect(message(11)).toContain('did you mean "replicas"?');
    expect(message(16)).toMatch(/^unknown field "cmd"; .*known fields here: .*\bimage\b.*\bprobes\b/);
    expect(message(17)).toContain('did you mean "podSecurityContext"?');
    expect(message(18)).toContain('did you mean "grpc"?');
    // A component's own field written inside config says where it belongs.
    expect(message(23)).toBe('unknown field "topics"; "topics" is a field of the component, beside config: move it up one level (spec.components[0].topics)');
    // The Kafka config's known fields do not offer the refused zookeeper.
    expect(message(24)).toBe('unknown field "partitions"; known fields here: brokers, storage');
    expect(repo.snapshot()).toEqual({});
  });
});

/**
 * RELIABILITY.md 1–17: every bad input exits 2, prints path:line:col, and leaves rendered/
 * byte-identical. Each case starts from a repository that rendered cleanly.
 */
import { symlinkSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claim, cli, SETTINGS, type TempRepo, tempRepo } from '../support/repo.js';
import { type Expected, expectRejected as rejectedAt } from '../support/rejected.js';

let repo: TempRepo;
let before: Record<string, string>;

beforeEach(async () => {
  repo = tempRepo({ 'deployments/dev/shop.yaml': claim() });
  const first = await cli(repo.root, 'render');
  expect(first.code, first.stderr).toBe(0);
  before = repo.snapshot();
  // applicationset, appproject, api/values and the environment's namespaces.yaml
  expect(Object.keys(before).length).toBe(4);
});
afterEach(() => repo.cleanup());

/** Renders with the bad file in place and checks the outcome a user would see. */
const expectRejected = (file: string, text: string | Buffer, expected: Expected) => rejectedAt(repo, before, file, text, expected);

const BASE = claim('bad').replace('Shop Team', 'Bad Team');

describe('1–3: aliases, nesting, size', () => {
  it('1. billion laughs stops at the alias budget', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(',')}]`);
    const text = `${BASE}      values:\n${levels.map((l) => `        ${l}`).join('\n')}\n`;
    const { problems } = await expectRejected('deployments/dev/bad.yaml', text, { code: 'yaml-alias-limit' });
    expect(problems.some((p) => p.code === 'yaml-alias-limit' || p.code === 'yaml-too-large')).toBe(true);
  });

  it('1. a few legitimate aliases are fine', async () => {
    const text = claim('aliased', 'dev').replace('Shop Team', 'Alias Team').replace(
      '    - name: api\n',
      '    - name: api\n      env: &shared\n        - name: REGION\n          value: eu-west-1\n',
    ) + '    - name: worker\n      version: "1.0.0"\n      env: *shared\n';
    repo.write('deployments/dev/aliased.yaml', text);
    const run = await cli(repo.root, 'render');
    expect(run.code, run.stderr).toBe(0);
    expect(repo.read('rendered/dev/aliased/worker/values.yaml')).toContain('name: REGION');
  });

  it('2. an alias inside its own anchor is refused cleanly', async () => {
    await expectRejected('deployments/dev/bad.yaml', `${BASE}      values: &loop\n        self: *loop\n`, { code: 'yaml-alias-cycle', line: 20, col: 15 });
  });

  it('2. brackets nested thousands deep are refused without a crash', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    await expectRejected('deployments/dev/bad.yaml', `${BASE}      values:\n        deep: ${deep}\n`, { code: 'yaml-too-deep', line: 20 });
  });

  it('3. an oversized file is refused before parsing', async () => {
    const huge = `${BASE}# ${'x'.repeat(1024 * 1024)}\n`;
    await expectRejected('deployments/dev/bad.yaml', huge, { code: 'file-too-large' });
    // About the file as a whole: no made-up line and column.
    expect((await cli(repo.root, 'render')).stderr).toMatch(/^deployments\/dev\/bad\.yaml: [0-9]+ bytes is over the limit/m);
  });
});

describe('4–8: YAML that means something else', () => {
  it('4. a duplicate key names its line', async () => {
    const text = BASE.replace('  environment: dev\n', '  environment: dev\n  environment: dev\n');
    await expectRejected('deployments/dev/bad.yaml', text, { code: 'yaml-duplicate-key', line: 7, col: 3 });
  });

  it('5. __proto__ and constructor keys are refused and Object.prototype stays clean', async () => {
    await expectRejected('deployments/dev/bad.yaml', `${BASE}      values:\n        __proto__:\n          polluted: true\n`, { code: 'forbidden-key', line: 20, col: 9 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectRejected('deployments/dev/bad.yaml', `${BASE}      values:\n        constructor:\n          prototype: 1\n`, { code: 'forbidden-key', line: 20, col: 9 });
  });

  it('6. merge keys are refused', async () => {
    await expectRejected('deployments/dev/bad.yaml', `${BASE}      values:\n        base: &b {replicas: 1}\n        other:\n          <<: *b\n`, { code: 'yaml-merge-key', line: 22, col: 11 });
  });

  it('6. %YAML 1.1 is refused', async () => {
    await expectRejected('deployments/dev/bad.yaml', `%YAML 1.1\n---\n${BASE}`, { code: 'yaml-version', line: 1 });
  });

  it.each([
    ['!!js/function', "!!js/function 'function(){}'"],
    ['!Secret', '!Secret hunter2'],
    ['!!binary', '!!binary aGVsbG8='],
  ])('6. custom tag %s is refused', async (_tag, value) => {
    const { problems } = await expectRejected('deployments/dev/bad.yaml', `${BASE}      env:\n        - name: X\n          value: ${value}\n`, { code: problemCodeFor(value), line: 21, col: 18 });
    expect(problems[0]!.code).toMatch(/^yaml-tag/);
  });

  it('7. enabled: yes is a schema error, not a boolean', async () => {
    const text = BASE.replace('    - name: api\n', '    - name: api\n      enabled: yes\n');
    await expectRejected('deployments/dev/bad.yaml', text, { code: 'schema-type', line: 12, col: 16 });
  });

  it('7. replicas: 010 is refused as ambiguous', async () => {
    const text = BASE.replace('    - name: api\n', '    - name: api\n      replicas: 010\n');
    await expectRejected('deployments/dev/bad.yaml', text, { code: 'ambiguous-number', line: 12, col: 17 });
  });

  it('7. 1.10, NO, on and 2024-01-01 stay the exact strings, quoted for Helm', async () => {
    const text = claim('strings', 'dev')
      .replace('Shop Team', 'Strings Team')
      .replace('      version: "1.0.0"\n', '      version: 1.10\n      image:\n        repository: ghcr.io/acme/api\n        tag: 1.10\n')
      .concat('      env:\n        - name: COUNTRY\n          value: NO\n        - name: SINCE\n          value: 2024-01-01\n        - name: FLAG\n          value: on\n        - name: PORT\n          value: 0010\n');
    repo.write('deployments/dev/strings.yaml', text);
    const run = await cli(repo.root, 'render');
    expect(run.code, run.stderr).toBe(0);
    const values = repo.read('rendered/dev/strings/api/values.yaml');
    expect(values).toContain('  tag: "1.10"\n');
    expect(values).toContain('  value: "NO"\n');
    expect(values).toContain('  value: "2024-01-01"\n');
    expect(values).toContain('  value: "on"\n');
    expect(values).toContain('  value: "0010"\n');
  });

  it('8. each document of a multi-document file reports its own lines', async () => {
    const second = claim('second').replace('email: shop@example.com', 'email: 42');
    const text = `${claim('first')}---\n${second}`;
    const lines = claim('first').split('\n').length; // the separator sits on this line number
    await expectRejected('deployments/dev/bad.yaml', text, { code: 'schema-pattern', line: lines + 9, col: 12 });
  });

  it('8. an empty or comment-only file is an empty claim', async () => {
    await expectRejected('deployments/dev/bad.yaml', '', { code: 'empty-claim', line: 1, col: 1 });
    await expectRejected('deployments/dev/bad.yaml', '# nothing here\n\n# still nothing\n', { code: 'empty-claim', line: 1, col: 1 });
  });

  it('8. a tab used as indentation is an error with its line', async () => {
    const text = BASE.replace('  environment: dev\n', '\tenvironment: dev\n');
    const { problems } = await expectRejected('deployments/dev/bad.yaml', text, { code: problemsCode(), line: 6 });
    expect(problems[0]!.line).toBe(6);
  });

  it('8. a BOM and CRLF line endings are fine', async () => {
    repo.write('deployments/dev/crlf.yaml', `\uFEFF${claim('crlf').replace('Shop Team', 'Crlf Team').replace(/\n/g, '\r\n')}`);
    const run = await cli(repo.root, 'render');
    expect(run.code, run.stderr).toBe(0);
    expect(repo.read('rendered/dev/crlf/api/values.yaml')).not.toContain('\r');
  });

  it('8. invalid UTF-8 is an error at the bad byte', async () => {
    const at = BASE.indexOf('Bad Team');
    const text = Buffer.concat([Buffer.from(BASE.slice(0, at)), Buffer.from([0xc3, 0x28]), Buffer.from(BASE.slice(at))]);
    await expectRejected('deployments/dev/bad.yaml', text, { code: 'invalid-utf8', line: 8, col: 11 });
  });
});

function problemsCode(): string {
  return 'yaml-tab-as-indent';
}

/** `yaml` itself flags tags it cannot resolve; we refuse core-prefixed ones it resolves to unknown types. */
function problemCodeFor(value: string): string {
  return value.startsWith('!!binary') ? 'yaml-tag' : 'yaml-tag-resolve-failed';
}

describe('9–11: validation', () => {
  it('9. a missing required field points at its parent', async () => {
    const text = BASE.replace('    email: shop@example.com\n', '');
    await expectRejected('deployments/dev/bad.yaml', text, { code: 'schema-required', line: 7, col: 3 });
  });

  it('9. a wrong type points at the value', async () => {
    const text = BASE.replace('          port: 8080\n      healthCheck', '          port: http\n      healthCheck');
    await expectRejected('deployments/dev/bad.yaml', text, { code: 'schema-type', line: 15, col: 17 });
  });

  it('9. an unknown field points at its key', async () => {
    const text = BASE.replace('    - name: api\n', '    - name: api\n      replica: 2\n');
    await expectRejected('deployments/dev/bad.yaml', text, { code: 'schema-unknown-field', line: 12, col: 7 });
  });

  it('10. hundreds of errors: output capped, every file still reported in JSON', async () => {
    for (let i = 0; i < 300; i++) repo.write(`deployments/dev/bad-${String(i).padStart(3, '0')}.yaml`, claim(`bad-${i}`).replace('dev\n  owner', 'prod\n  owner'));
    const run = await cli(repo.root, 'render');
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines.length).toBe(102); // 100 problems, the "and N more" line, the summary
    const total = (JSON.parse((await cli(repo.root, 'validate', '--json')).stdout) as { problems: unknown[] }).problems.length;
    expect(total).toBeGreaterThanOrEqual(300);
    expect(run.stderr).toContain(`... and ${total - 100} more problems\n`);
    expect(repo.snapshot()).toEqual(before);
  });

  it('10. a huge string is stopped by maxLength', async () => {
    const text = BASE.replace('Bad Team', 'T'.repeat(500_000));
    await expectRejected('deployments/dev/bad.yaml', text, { code: 'schema-maxlength', line: 8, col: 11 });
  });

  it('11. an unknown component type', async () => {
    await expectRejected('deployments/dev/bad.yaml', `${BASE}  components:\n    - type: mysql\n      name: db\n`, { code: 'schema-enum', line: 20, col: 13 });
  });

  it('11. two used components that would give one variable two values', async () => {
    // `cache` gives CACHE_REDIS_URL; `cache-redis` gives CACHE_REDIS_URL as its <NAME>_URL: neither may silently win.
    const text = `${BASE}      uses:\n        - cache\n        - cache-redis\n  components:\n    - { type: redis, name: cache }\n    - { type: redis, name: cache-redis }\n`;
    const { problems } = await expectRejected('deployments/dev/bad.yaml', text, { code: 'uses-env-clash', line: 21, col: 11 });
    expect(problems.find((p) => p.code === 'uses-env-clash')!.message).toBe('uses "cache-redis" gives CACHE_REDIS_URL, which "cache" already gives with another value: rename one of them, or set CACHE_REDIS_URL in env to say which');
  });

  it('11. a metrics port the app does not declare', async () => {
    const { problems } = await expectRejected('deployments/dev/bad.yaml', `${BASE}      metrics:\n        port: 9090\n`, { code: 'metrics-port', line: 20, col: 15 });
    expect(problems.find((p) => p.code === 'metrics-port')!.message).toBe("metrics port 9090 is not among this app's ports (http 8080); declare it under ports");
  });

  it('11. uses naming a missing component', async () => {
    await expectRejected('deployments/dev/bad.yaml', `${BASE}      uses:\n        - db\n`, { code: 'uses-unknown', line: 20, col: 11 });
  });

  it('11. a healthCheck port that is not declared', async () => {
    const text = BASE.replace('        path: /healthz\n        port: 8080', '        path: /healthz\n        port: 9090');
    await expectRejected('deployments/dev/bad.yaml', text, { code: 'healthcheck-port', line: 18, col: 15 });
  });
});

describe('12–16: names and paths', () => {
  it.each(['../x', 'a/b', '.', '..', '-rf', '--upload-pack=touch /tmp/pwned', 'UPPER', 'café', '""', 'a'.repeat(64)])(
    '12. claim name %s is not a DNS label',
    async (name) => {
      const { problems } = await expectRejected('deployments/dev/bad.yaml', claim(name), { code: expectNameCode(name), line: 4, col: 9 });
      expect(problems[0]!.code).toMatch(/^schema-(pattern|maxlength)$/);
    },
  );

  it.each(['../x', 'a/b', '-rf', 'UPPER'])('12. app name %s is not a DNS label', async (name) => {
    const text = BASE.replace('    - name: api\n', `    - name: ${JSON.stringify(name)}\n`);
    await expectRejected('deployments/dev/bad.yaml', text, { code: 'schema-pattern', line: 11, col: 13 });
  });

  it('13. a symlinked environment folder is refused', async () => {
    repo.write('elsewhere/shop.yaml', claim('linked', 'linked'));
    symlinkSync(`${repo.root}/elsewhere`, `${repo.root}/deployments/linked`);
    const run = await cli(repo.root, 'render');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^deployments\/linked: .*symlink/m);
    expect(repo.snapshot()).toEqual(before);
  });

  it('13. a symlinked claim file is refused', async () => {
    repo.write('elsewhere/shop.yaml', claim('linked'));
    symlinkSync(`${repo.root}/elsewhere/shop.yaml`, `${repo.root}/deployments/dev/linked.yaml`);
    const run = await cli(repo.root, 'render');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^deployments\/dev\/linked\.yaml: .*symlink/m);
  });

  it('13. a symlink sitting in rendered/ is refused, and nothing is written through it', async () => {
    repo.write('outside/keep.txt', 'keep');
    symlinkSync(`${repo.root}/outside`, `${repo.root}/rendered/dev/shop/evil`);
    repo.write('deployments/dev/shop.yaml', claim().replace('"1.0.0"', '"1.0.1"'));
    const run = await cli(repo.root, 'render');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^rendered\/dev\/shop\/evil: .*symlink/m);
    expect(repo.read('outside/keep.txt')).toBe('keep');
    expect(repo.read('rendered/dev/shop/api/values.yaml')).toBe(before['rendered/dev/shop/api/values.yaml']);
  });

  it('14. <claim>-<app> over 53 characters', async () => {
    const text = claim('a'.repeat(30)).replace('    - name: api\n', `    - name: ${'b'.repeat(23)}\n`);
    await expectRejected('deployments/dev/bad.yaml', text, { code: 'release-name-too-long', line: 11, col: 13 });
  });

  it('15. two claims with one name in one environment name both places', async () => {
    const { run } = await expectRejected('deployments/dev/zz-copy.yaml', claim('shop'), { code: 'duplicate-claim', line: 4, col: 9 });
    expect(run.stderr).toContain('deployments/dev/shop.yaml:4:9');
  });

  it('15. two apps with one name name both places', async () => {
    const text = `${BASE}    - name: api\n      version: "2.0.0"\n`;
    const { run } = await expectRejected('deployments/dev/bad.yaml', text, { code: 'duplicate-name', line: 19, col: 13 });
    expect(run.stderr).toContain('deployments/dev/bad.yaml:11:13');
  });

  it('15. an app and a component with one name clash too', async () => {
    await expectRejected('deployments/dev/bad.yaml', `${BASE}  components:\n    - type: redis\n      name: api\n`, { code: 'duplicate-name', line: 21, col: 13 });
  });

  it('16. spec.environment differing from the folder', async () => {
    await expectRejected('deployments/dev/bad.yaml', claim('bad', 'prod'), { code: 'environment-mismatch', line: 6, col: 16 });
  });
});

describe('15: names Argo CD or infrastructure/ already own', () => {
  const withSettings = (extra: string) => `${SETTINGS}  argocd:\n${extra}`;

  it('15. claim a-b app c and claim a app b-c both make Application a-b-c: refused at the later file, naming the earlier', async () => {
    repo.write('deployments/dev/a-b.yaml', claim('a-b').replace('    - name: api\n', '    - name: c\n'));
    const text = claim('a').replace('    - name: api\n', '    - name: b-c\n');
    const { run, problems } = await expectRejected('deployments/dev/a.yaml', text, { code: 'application-name-clash', line: 11, col: 13 });
    expect(run.stderr).toContain('"a-b-c"');
    expect(run.stderr).toContain('deployments/dev/a-b.yaml:11:13');
    // One problem, at one of the two places, and the same on every run (files are read in sorted order).
    expect(problems.filter((p) => p.code === 'application-name-clash')).toHaveLength(1);
    const again = await cli(repo.root, 'render');
    expect(again.stderr).toBe(run.stderr);
  });

  it('15. the same two claims in different environments are fine (one Argo CD per environment)', async () => {
    repo.write('deployments/prod/a-b.yaml', claim('a-b', 'prod').replace('    - name: api\n', '    - name: c\n'));
    repo.write('deployments/dev/a.yaml', claim('a').replace('    - name: api\n', '    - name: b-c\n'));
    const run = await cli(repo.root, 'render');
    expect(run.code, run.stderr).toBe(0);
  });

  it('15. a disabled unit keeps its name: enabling it later must not start a fight', async () => {
    repo.write('deployments/dev/a-b.yaml', claim('a-b').replace('    - name: api\n', '    - name: c\n      enabled: false\n'));
    const text = claim('a').replace('    - name: api\n', '    - name: b-c\n');
    const { run } = await expectRejected('deployments/dev/a.yaml', text, { code: 'application-name-clash', line: 11, col: 13 });
    expect(run.stderr).toContain('deployments/dev/a-b.yaml:11:13');
  });

  it("15. a claim named default would replace Argo CD's built-in AppProject", async () => {
    const { run } = await expectRejected('deployments/dev/bad.yaml', claim('default'), { code: 'reserved-project', line: 4, col: 9 });
    expect(run.stderr).toContain("Argo CD's built-in project");
  });

  it('15. a claim named infraforge-platform would replace the AppProject the root Applications run in', async () => {
    const { run } = await expectRejected('deployments/dev/bad.yaml', claim('infraforge-platform'), { code: 'reserved-project', line: 4, col: 9 });
    expect(run.stderr).toContain('infrastructure/argocd/platform-project.yaml');
  });

  it('15. an Application named like the root Application of its environment', async () => {
    const text = claim('infraforge').replace('    - name: api\n', '    - name: root-dev\n');
    const { run } = await expectRejected('deployments/dev/bad.yaml', text, { code: 'reserved-application', line: 11, col: 13 });
    expect(run.stderr).toContain('"infraforge-root-dev"');
    expect(run.stderr).toContain('the root Application infrastructure/argocd/root-dev.yaml');
  });

  it("15. every environment's root Application is reserved in every environment", async () => {
    repo.write('deployments/prod/shop.yaml', claim('shop', 'prod'));
    const text = claim('infraforge').replace('    - name: api\n', '    - name: root-prod\n');
    const { run } = await expectRejected('deployments/dev/bad.yaml', text, { code: 'reserved-application', line: 11, col: 13 });
    expect(run.stderr).toContain('the root Application infrastructure/argocd/root-prod.yaml');
  });

  it('15. a component counts as much as an app', async () => {
    const text = `${claim('infraforge')}  components:\n    - type: redis\n      name: root-dev\n`;
    await expectRejected('deployments/dev/bad.yaml', text, { code: 'reserved-application', line: 21, col: 13 });
  });

  it('15. an Application name reserved in settings points at the settings line', async () => {
    repo.write('deployments/settings.yaml', withSettings('    reservedApplications:\n      - monitoring\n      - bad-api\n'));
    const { run } = await expectRejected('deployments/dev/bad.yaml', BASE, { code: 'reserved-application', line: 11, col: 13 });
    expect(run.stderr).toContain('deployments/settings.yaml:11:9');
  });

  it('15. a project name reserved in settings points at the settings line', async () => {
    repo.write('deployments/settings.yaml', withSettings('    reservedProjects: [platform, bad]\n'));
    const { run } = await expectRejected('deployments/dev/bad.yaml', BASE, { code: 'reserved-project', line: 4, col: 9 });
    expect(run.stderr).toContain('deployments/settings.yaml:9:34');
  });

  it('15. a reserved name that is not a DNS label is a settings error', async () => {
    await expectRejected('deployments/settings.yaml', withSettings('    reservedProjects: ["../x"]\n'), { code: 'schema-pattern', line: 9, col: 24 });
  });
});

function expectNameCode(name: string): string {
  return name.length > 63 ? 'schema-maxlength' : 'schema-pattern';
}

describe('17: output that would carry template leftovers', () => {
  it.each(['{{ .Values.secret }}', '<no value>', 'undefined', 'NaN'])('17. %s in a value fails the render', async (value) => {
    await expectRejected('deployments/dev/bad.yaml', `${BASE}      env:\n        - name: X\n          value: ${JSON.stringify(value)}\n`, { code: 'unintended-output', line: 21, col: 18 });
  });
});

describe('11. component mistakes, for each type', () => {
  // Line 19 is `components:`, 20 `- type:`, 21 `name: x`; a component's own lines start at 22.
  const withComponent = (type: string, lines = '', base = BASE) => `${base}  components:\n    - type: ${type}\n      name: x\n${lines}`;
  const TYPES = ['postgresql', 'redis', 'rabbitmq', 'mongodb', 'elasticsearch', 'kafka'];

  it('an unknown type names the allowed ones', async () => {
    const { run } = await expectRejected('deployments/dev/bad.yaml', withComponent('cassandra'), { code: 'schema-enum', line: 20, col: 13 });
    expect(run.stderr).toContain('"rabbitmq", "mongodb", "elasticsearch", "kafka"');
  });

  it.each(TYPES)('%s: a size that is no preset', async (type) => {
    await expectRejected('deployments/dev/bad.yaml', withComponent(type, '      size: huge\n'), { code: 'schema-enum', line: 22, col: 13 });
  });

  it.each(TYPES)('%s: uses naming a component the claim does not have', async (type) => {
    const text = withComponent(type, '', `${BASE}      uses:\n        - y\n`);
    const { run } = await expectRejected('deployments/dev/bad.yaml', text, { code: 'uses-unknown', line: 20, col: 11 });
    expect(run.stderr).toContain('(components: x; applications: none)');
  });

  it.each([
    ['postgresql', '        sharedBuffers: 1GB\n', 'schema-unknown-field', 23, 9, /unknown field "sharedBuffers"/],
    ['redis', '        cluster: true\n', 'schema-unknown-field', 23, 9, /unknown field "cluster"/],
    ['rabbitmq', '        vhost: orders\n', 'schema-unknown-field', 23, 9, /unknown field "vhost"/],
    ['mongodb', '        shards: 2\n', 'schema-unknown-field', 23, 9, /unknown field "shards"/],
    ['elasticsearch', '        kibana: true\n', 'schema-unknown-field', 23, 9, /unknown field "kibana"/],
    ['kafka', '        zookeeper:\n          replicas: 3\n', 'component-config-unsupported', 24, 11, /KRaft mode, without ZooKeeper: remove config\.zookeeper \(brokers sets/],
  ] as const)('%s: an unsupported config key is refused, naming it', async (type, lines, code, line, col, message) => {
    const { run } = await expectRejected('deployments/dev/bad.yaml', withComponent(type, `      config:\n${lines}`), { code, line, col });
    expect(run.stderr).toMatch(message);
  });

  it.each([
    ['rabbitmq', '      config:\n        persistence:\n          enabled: false\n', 'component-config-unsupported', 24, 20, /remove config\.persistence\.enabled and size it with storage/],
    ['elasticsearch', '      config:\n        heap: 2GB\n', 'component-config-unsupported', 23, 15, /use heap with a number and m or g, e\.g\. heap: 2g/],
    ['mongodb', '      replicas: 1\n      config:\n        replicas: 3\n', 'component-config-conflict', 24, 19, /config\.replicas \(operator era\) says 3 but replicas says 1; keep replicas only/],
    ['kafka', '      replicas: 3\n      brokers: 5\n', 'component-config-conflict', 22, 17, /a Kafka component's brokers are its replicas: keep brokers only/],
    ['kafka', '      plugins: [rabbitmq_shovel]\n', 'component-field-type', 22, 16, /plugins is a rabbitmq setting; this component is kafka/],
    ['mongodb', '      version: "7.0"\n', 'component-version', 22, 16, /mongodb needs a full version \(major\.minor\.patch/],
    ['postgresql', '      version: "12.22"\n', 'component-version', 22, 16, /postgresql 12\.22 is not supported: CloudNativePG runs PostgreSQL 13 or newer/],
    ['elasticsearch', '      heap: 4g\n', 'component-heap', 22, 13, /heap 4g leaves too little of the memory limit 1Gi/],
  ] as const)('%s: operator-era or type settings that cannot be honoured say which field to use', async (type, lines, code, line, col, message) => {
    const { run } = await expectRejected('deployments/dev/bad.yaml', withComponent(type, lines), { code, line, col });
    expect(run.stderr).toMatch(message);
  });

  it('redis: replicas and modes that would be dropped are refused', async () => {
    const { run } = await expectRejected('deployments/dev/bad.yaml', withComponent('redis', '      replicas: 3\n'), { code: 'redis-replicas-unsupported', line: 22, col: 17 });
    expect(run.stderr).toContain('redis runs one standalone instance (no replication or failover is rendered); replicas 3');
    const legacy = await expectRejected('deployments/dev/bad.yaml', withComponent('redis', '      config:\n        mode: cluster\n'), { code: 'redis-mode-unsupported', line: 23, col: 15 });
    expect(legacy.run.stderr).toContain('redis mode "cluster" is not rendered');
    await expectRejected('deployments/dev/bad.yaml', withComponent('redis', '      mode: replication\n'), { code: 'redis-mode-unsupported', line: 22, col: 13 });
  });

  it.each(['rabbitmq', 'mongodb', 'elasticsearch'])('%s: prod refuses fewer than three members', async (type) => {
    const prod = BASE.replace('environment: dev', 'environment: prod');
    const { run } = await expectRejected('deployments/prod/bad.yaml', withComponent(type, '      replicas: 2\n', prod), { code: 'component-quorum-floor', line: 22, col: 17 });
    expect(run.stderr).toContain(`${type} needs at least 3 members in this environment`);
  });

  it('kafka: a name too long for the pod names Strimzi derives from it', async () => {
    const text = withComponent('kafka').replace('      name: x\n', `      name: ${'k'.repeat(27)}\n`);
    const { run } = await expectRejected('deployments/dev/bad.yaml', text, { code: 'component-name-too-long', line: 21, col: 13 });
    expect(run.stderr).toContain('a kafka component name may have at most 26 characters (Strimzi names the pods <name>-<name>-nodes-<id>)');
  });

  it('kafka: prod refuses fewer than three brokers', async () => {
    const prod = BASE.replace('environment: dev', 'environment: prod');
    await expectRejected('deployments/prod/bad.yaml', withComponent('kafka', '      brokers: 1\n', prod), { code: 'component-quorum-floor', line: 22, col: 16 });
  });
});

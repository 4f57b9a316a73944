/**
 * Tenancy, hosts (issue 19): an ingress host belongs to one claim per environment and, with a
 * registry, only to a team whose host patterns cover it; joining a shared ALB IngressGroup (and
 * ordering rules in it) needs a grant. Each refusal: exit 2 at the claim line, nothing written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expectRejected, renderedRepo } from '../support/rejected.js';
import { claim, cli, type TempRepo } from '../support/repo.js';
import { REGISTRY, valueAt } from '../support/tenancy.js';

let repo: TempRepo;
let before: Record<string, string>;
afterEach(() => repo.cleanup());

/** `values.ingress` of the claim's one app, with the given fields (YAML lines under ingress:). */
function withIngress(name: string, team: string, fields: string, env = 'dev'): string {
  return claim(name, env, `      values:\n        ingress:\n${fields}`).replace('team: Shop Team', `team: ${team}`);
}

async function start(settings: string | undefined, files: Record<string, string>): Promise<void> {
  ({ repo, before } = await renderedRepo(files, settings));
}

const SHOP = withIngress('shop', 'Shop Team', '          enabled: true\n          host: shop.example.com\n');

describe('a host belongs to one claim per environment', () => {
  it.each([
    ['an enabled ingress', '          enabled: true\n          host: shop.example.com\n'],
    ['an ingress that is off', '          enabled: false\n          host: shop.example.com\n'],
    ['an ingress of a disabled app', '          enabled: true\n          host: shop.example.com\n'],
  ])('%s asking for another claim\'s host is refused at the host, naming the other claim', async (name, fields) => {
    await start(undefined, { 'deployments/dev/shop.yaml': SHOP });
    let text = withIngress('taker', 'Taker Team', fields);
    if (name.includes('disabled app')) text = text.replace('    - name: api\n', '    - name: api\n      enabled: false\n');
    const { problems } = await expectRejected(repo, before, 'deployments/dev/taker.yaml', text, { code: 'host-clash', ...valueAt(text, 'host: ') });
    const where = valueAt(SHOP, 'host: ');
    expect(problems.find((p) => p.code === 'host-clash')!.message).toContain(`claim "shop" at deployments/dev/shop.yaml:${where.line}:${where.col}`);
  });

  it('the same host in another environment, or twice in one claim, is fine', async () => {
    await start(undefined, { 'deployments/dev/shop.yaml': SHOP });
    repo.write('deployments/staging/taker.yaml', withIngress('taker', 'Taker Team', '          enabled: true\n          host: shop.example.com\n', 'staging'));
    const second = '    - name: web\n      version: "1.0.0"\n      ports:\n        - name: http\n          port: 8080\n      values:\n        ingress:\n          enabled: true\n          host: shop.example.com\n          path: /web\n';
    repo.write('deployments/dev/shop.yaml', SHOP + second);
    const run = await cli(repo.root, 'render');
    expect(run.code, run.stderr).toBe(0);
  });
});

describe('with a registry, inside the team\'s host patterns', () => {
  it.each(['shop.example.com', 'api.shop.example.com', 'a.b.shop.example.com'])('%s is inside shop.example.com / *.shop.example.com', async (host) => {
    await start(REGISTRY, { 'deployments/dev/shop.yaml': withIngress('shop', 'Shop Team', `          enabled: true\n          host: ${host}\n`) });
    expect(repo.read('rendered/dev/shop/api/values.yaml')).toContain(`host: ${host}`);
  });

  it.each([
    ['Shop Team', 'example.com'],
    ['Shop Team', 'xshop.example.com'],
    ['Shop Team', 'shop.example.com.evil.io'],
    ['Shop Team', 'billing.example.com'],
    ['Billing Team', 'shop.example.com'],
    ['Billing Team', 'billing.example.com'],
  ])('%s may not serve %s', async (team, host) => {
    await start(REGISTRY, { 'deployments/dev/shop.yaml': claim() });
    const text = withIngress('taker', team, `          enabled: true\n          host: ${host}\n`).replace('- name: api', '- name: taker');
    const { problems } = await expectRejected(repo, before, 'deployments/dev/taker.yaml', text, { code: 'host-not-granted', ...valueAt(text, 'host: ') });
    expect(problems.find((p) => p.code === 'host-not-granted')!.message).toMatch(/deployments\/settings\.yaml:\d+:\d+ \(hosts\)/);
  });
});

describe('ALB IngressGroups: a shared load balancer needs a grant', () => {
  const annotations = (lines: string) => `          enabled: true\n          host: shop.example.com\n          annotations:\n${lines}`;
  const GROUP = 'alb.ingress.kubernetes.io/group.name';
  const ORDER = 'alb.ingress.kubernetes.io/group.order';

  it.each([
    ['no registry, a group', undefined, `            ${GROUP}: shared\n`, GROUP],
    ['no registry, an order', undefined, `            ${ORDER}: "-1000"\n`, ORDER],
    ['a group not granted', REGISTRY, `            ${GROUP}: platform-internal\n`, GROUP],
    ['an order without a group', REGISTRY, `            ${ORDER}: "-1000"\n`, ORDER],
    ['an order with a group not granted', REGISTRY, `            ${GROUP}: platform-internal\n            ${ORDER}: "-1000"\n`, ORDER],
  ])('%s is refused at the annotation', async (_name, settings, lines, key) => {
    await start(settings, { 'deployments/dev/shop.yaml': claim() });
    const text = withIngress('shop', 'Shop Team', annotations(lines));
    await expectRejected(repo, before, 'deployments/dev/shop.yaml', text, { code: 'ingress-group-not-granted', ...valueAt(text, `${key}: `) });
  });

  it('a granted group, with an order, renders', async () => {
    await start(REGISTRY, { 'deployments/dev/shop.yaml': withIngress('shop', 'Shop Team', annotations(`            ${GROUP}: shop-public\n            ${ORDER}: "10"\n`)) });
    expect(repo.read('rendered/dev/shop/api/values.yaml')).toContain('group.name: shop-public');
  });
});

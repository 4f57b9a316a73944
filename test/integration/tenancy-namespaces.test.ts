/**
 * Tenancy, namespaces and teams (issue 19): a claim deploys into its team's namespace or one the
 * registry grants that team; never a platform namespace; `owner.team` is a registered team; and
 * without a registry two spellings of one team do not share a namespace. Each refusal: exit 2 at
 * the claim (or settings) line, nothing written.
 */
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_RESERVED_NAMESPACES } from '../../src/tenancy/reserved-namespaces.js';
import { expectRejected, renderedRepo } from '../support/rejected.js';
import { claim, cli, type TempRepo } from '../support/repo.js';
import { positionOf, REGISTRY, valueAt } from '../support/tenancy.js';

let repo: TempRepo;
let before: Record<string, string>;
afterEach(() => repo.cleanup());

async function start(settings?: string): Promise<void> {
  ({ repo, before } = await renderedRepo({ 'deployments/dev/shop.yaml': claim() }, settings));
}

/** A claim of `team` named `name`, with `spec.namespace` when given. */
function teamClaim(name: string, team: string, namespace?: string): string {
  const text = claim(name).replace('team: Shop Team', `team: ${team}`);
  return namespace === undefined ? text : text.replace('  environment: dev\n', `  environment: dev\n  namespace: ${namespace}\n`);
}

const destination = (claimName: string) => parse(repo.read(`rendered/dev/${claimName}/appproject.yaml`)).spec.destinations[0].namespace as string;

const PLATFORM_NAMESPACES = ['argocd', 'kube-system', 'kube-public', 'kube-node-lease', 'default', ...BUILTIN_RESERVED_NAMESPACES.map((r) => r.name)];

describe('without a registry (a small repository): the strict default', () => {
  it.each([...new Set([...PLATFORM_NAMESPACES, 'shop-team-dev', 'other-team-dev'])])('spec.namespace: %s is refused at its line', async (namespace) => {
    await start();
    const text = teamClaim('intruder', 'Intruder Team', namespace);
    const { problems } = await expectRejected(repo, before, 'deployments/dev/intruder.yaml', text, { code: 'namespace-not-granted', ...valueAt(text, `namespace: ${namespace}`) });
    expect(problems.find((p) => p.code === 'namespace-not-granted')!.message).toContain('intruder-team-dev');
  });

  it.each([
    ['Ecommerce Team', 'ECOMMERCE__team'],
    ['Shop Team', 'shop-team'],
    ['Shop Team', 'SHOP TEAM'],
  ])('"%s" and "%s" map to one namespace: an error at the later claim naming the earlier', async (first, second) => {
    await start();
    // Apps named apart from the shop claim's, so the only clash is the team's spelling.
    const own = (name: string, team: string) => teamClaim(name, team).replace('- name: api', `- name: ${name}-api`);
    repo.write('deployments/dev/a-first.yaml', own('first', first));
    expect((await cli(repo.root, 'render')).code).toBe(0);
    before = repo.snapshot();
    const text = own('second', second);
    const { problems } = await expectRejected(repo, before, 'deployments/dev/b-second.yaml', text, { code: 'team-spelling-clash', ...valueAt(text, 'team: ') });
    const message = problems.find((p) => p.code === 'team-spelling-clash')!.message;
    const where = valueAt(own('first', first), 'team: ');
    expect(message).toContain(`deployments/dev/a-first.yaml:${where.line}:${where.col}`);
    expect(message).toContain(`"${first}"`);
    expect(message).toContain(`"${second}"`);
  });

  it('a team whose default namespace would be a kube-* namespace is refused at owner.team', async () => {
    await start();
    const text = teamClaim('sys', 'Kube');
    await expectRejected(repo, before, 'deployments/dev/sys.yaml', text, { code: 'namespace-reserved', ...valueAt(text, 'team: ') });
  });

  it('operator-era metadata.namespace stays valid: carried as a label, never the namespace', async () => {
    await start();
    repo.write('deployments/dev/legacy.yaml', teamClaim('legacy', 'Legacy Team').replace('  name: legacy\n', '  name: legacy\n  namespace: kube-system\n'));
    const run = await cli(repo.root, 'render');
    expect(run.code, run.stderr).toBe(0);
    expect(destination('legacy')).toBe('legacy-team-dev');
    expect(repo.read('rendered/dev/legacy/api/values.yaml')).toContain('platform.infraforge.io/source-namespace: kube-system');
  });
});

describe('with a registry', () => {
  it('a registered team deploys into <id>-<env>, or the namespace the registry gives it', async () => {
    await start(REGISTRY);
    expect(destination('shop')).toBe('shop-dev');
    repo.write('deployments/dev/bill.yaml', teamClaim('bill', 'Billing Team'));
    expect((await cli(repo.root, 'render')).code).toBe(0);
    expect(destination('bill')).toBe('billing-sandbox');
  });

  it('spec.namespace may name the team\'s own namespace or a granted one', async () => {
    await start(REGISTRY);
    // Another app name than the shop claim's: one namespace, one object per name.
    repo.write('deployments/dev/own.yaml', teamClaim('own', 'Shop Team', 'shop-dev').replace('- name: api', '- name: web'));
    repo.write('deployments/dev/shared.yaml', teamClaim('shared', 'Shop Team', 'shop-shared'));
    const run = await cli(repo.root, 'render');
    expect(run.code, run.stderr).toBe(0);
    expect(destination('own')).toBe('shop-dev');
    expect(destination('shared')).toBe('shop-shared');
  });

  it.each([...new Set([...PLATFORM_NAMESPACES, 'monitoring', 'billing-sandbox', 'billing-dev', 'elsewhere'])])('spec.namespace: %s, not granted to the team, is refused at its line', async (namespace) => {
    await start(REGISTRY);
    const text = teamClaim('intruder', 'Shop Team', namespace);
    const { problems } = await expectRejected(repo, before, 'deployments/dev/intruder.yaml', text, { code: 'namespace-not-granted', ...valueAt(text, `namespace: ${namespace}`) });
    expect(problems.find((p) => p.code === 'namespace-not-granted')!.message).toMatch(/deployments\/settings\.yaml:\d+:\d+ \(grants\.namespaces\)/);
  });

  it.each([
    ['ECOMMERCE__team', undefined],
    ['SHOP__team', 'Shop Team'],
    ['shop team', 'Shop Team'],
    ['Biling Team', 'Billing Team'],
  ])('owner.team "%s" is not a registered team (did you mean %s)', async (team, guess) => {
    await start(REGISTRY);
    const text = teamClaim('spoof', team);
    const { problems } = await expectRejected(repo, before, 'deployments/dev/spoof.yaml', text, { code: 'team-unknown', ...valueAt(text, 'team: ') });
    const message = problems.find((p) => p.code === 'team-unknown')!.message;
    expect(message).toContain(guess ? `did you mean "${guess}"?` : 'registered: "Billing Team", "Shop Team"');
  });

  const settingsCases: [string, string, string, string][] = [
    ['a grant of a platform namespace', '          namespaces: [shop-shared]\n', '          namespaces: [shop-shared, argocd]\n', 'namespace-reserved'],
    ['a grant of a namespace reserved in settings', '          namespaces: [shop-shared]\n', '          namespaces: [monitoring]\n', 'namespace-reserved'],
    ["a grant of another team's namespace", '          namespaces: [shop-shared]\n', '          namespaces: [billing-sandbox]\n', 'namespace-clash'],
    ['a team namespace that is a kube-* namespace', '          dev: billing-sandbox\n', '          dev: kube-system\n', 'namespace-reserved'],
    ["a team namespace that is another team's", '          dev: billing-sandbox\n', '          dev: shop-dev\n', 'namespace-clash'],
    ['two teams answering to one spelling', '        ownerTeam: Billing Team\n', '        ownerTeam: Shop Team\n', 'team-duplicate'],
  ];
  it.each(settingsCases)('%s is a settings error at its line', async (_name, from, to, code) => {
    await start(REGISTRY);
    expect(REGISTRY).toContain(from);
    const text = REGISTRY.replace(from, to);
    const changed = to.trim().split(/[[\]:, ]+/).find((w) => w && !from.includes(w))!;
    const { problems } = await expectRejected(repo, before, 'deployments/settings.yaml', text, { code, line: positionOf(text, to.trimEnd()).line });
    expect(problems.find((p) => p.code === code)!.message).toContain(changed);
  });

  it('teams without platformOwners is a settings error', async () => {
    await start(REGISTRY);
    const text = REGISTRY.replace('    platformOwners: ["@acme/platform"]\n', '');
    await expectRejected(repo, before, 'deployments/settings.yaml', text, { code: 'schema-dependencies', line: positionOf(text, 'reservedNamespaces').line });
  });
});

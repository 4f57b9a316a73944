/**
 * Pod security as policy: what a claim's `values:` may do (src/policy). A generated suite, one
 * claim file per case, validated in one run with the real CLI: each case is exit 2 at the line
 * of the field, with the code that says whether only tightening is allowed or a grant is
 * needed, and a render of them writes nothing. Tightening values render, and the chart still
 * runs the pod under Pod Security `restricted`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELM, helmTemplate } from '../support/helm.js';
import { claim, cli, type TempRepo, tempRepo } from '../support/repo.js';

interface Case {
  name: string;
  /** YAML under `values:`, indented by 8. */
  values: string[];
  code: 'values-loosens-security' | 'values-needs-grant';
  /** 0-based line inside `values` and column of the offending key. */
  at: [number, number];
  grant?: string;
}

// The claim's `values:` key is on line 19 (claim() in test/support/repo.ts has 18 lines), so the
// first line under it is line 20.
const FIRST_VALUES_LINE = 20;

const CASES: Case[] = [
  { name: 'run-as-root', values: ['podSecurityContext:', '  runAsUser: 0'], code: 'values-loosens-security', at: [1, 11] },
  { name: 'run-as-root-allowed', values: ['podSecurityContext:', '  runAsNonRoot: false'], code: 'values-loosens-security', at: [1, 11] },
  { name: 'seccomp-unconfined', values: ['podSecurityContext:', '  seccompProfile: { type: Unconfined }'], code: 'values-loosens-security', at: [1, 11] },
  { name: 'selinux-spc', values: ['podSecurityContext:', '  seLinuxOptions: { type: spc_t }'], code: 'values-loosens-security', at: [1, 11] },
  { name: 'apparmor-unconfined', values: ['podSecurityContext:', '  appArmorProfile: { type: Unconfined }'], code: 'values-loosens-security', at: [1, 11] },
  { name: 'pod-context-null', values: ['podSecurityContext: null'], code: 'values-loosens-security', at: [0, 9] },
  { name: 'caps-not-dropped', values: ['securityContext:', '  capabilities: { drop: [] }'], code: 'values-loosens-security', at: [1, 11] },
  { name: 'caps-added', values: ['securityContext:', '  capabilities: { drop: [ALL], add: [NET_ADMIN] }'], code: 'values-loosens-security', at: [1, 11] },
  { name: 'escalation', values: ['securityContext:', '  allowPrivilegeEscalation: true'], code: 'values-loosens-security', at: [1, 11] },
  { name: 'container-context-null', values: ['securityContext: null'], code: 'values-loosens-security', at: [0, 9] },
  { name: 'apparmor-annotation', values: ['podAnnotations:', '  container.apparmor.security.beta.kubernetes.io/api: unconfined'], code: 'values-loosens-security', at: [1, 11] },
  { name: 'platform-label', values: ['labels:', '  platform.infraforge.io/team: other-team'], code: 'values-loosens-security', at: [1, 11] },
  { name: 'unit-type', values: ['type: mongodb'], code: 'values-loosens-security', at: [0, 9] },
  { name: 'writable-root', values: ['securityContext:', '  readOnlyRootFilesystem: false'], code: 'values-needs-grant', at: [1, 11], grant: 'securityContext.readOnlyRootFilesystem' },
  { name: 'irsa', values: ['serviceAccount:', '  annotations: { eks.amazonaws.com/role-arn: "arn:aws:iam::1:role/admin" }'], code: 'values-needs-grant', at: [1, 11], grant: 'serviceAccount' },
  { name: 'token', values: ['serviceAccount:', '  automountToken: true'], code: 'values-needs-grant', at: [1, 11], grant: 'serviceAccount' },
  { name: 'load-balancer', values: ['service:', '  type: LoadBalancer'], code: 'values-needs-grant', at: [1, 11], grant: 'service.type' },
  { name: 'node-port', values: ['service: { type: NodePort }'], code: 'values-needs-grant', at: [0, 20], grant: 'service.type' },
  { name: 'tolerations', values: ['tolerations:', '  - { key: dedicated, operator: Exists }'], code: 'values-needs-grant', at: [0, 9], grant: 'tolerations' },
  { name: 'node-selector', values: ['nodeSelector: { pool: gpu }'], code: 'values-needs-grant', at: [0, 9], grant: 'nodeSelector' },
  { name: 'affinity', values: ['affinity: { nodeAffinity: {} }'], code: 'values-needs-grant', at: [0, 9], grant: 'affinity' },
  { name: 'alb-scheme', values: ['ingress:', '  enabled: true', '  annotations:', '    alb.ingress.kubernetes.io/scheme: internet-facing'], code: 'values-needs-grant', at: [3, 13], grant: 'ingress.annotations' },
  { name: 'alb-scheme', values: ['ingress:', '  className: alb', '  annotations:', '    alb.ingress.kubernetes.io/scheme: internet-facing'], code: 'values-needs-grant', at: [3, 13], grant: 'ingress.annotations' },
];

const file = (c: Case) => `deployments/dev/${c.name}.yaml`;
const claimText = (c: Case) =>
  claim(c.name, 'dev', ['      values:', ...c.values.map((l) => `        ${l}`), ''].join('\n')).replace('Shop Team', `Team ${c.name}`);

describe('values: only what the platform lets tenants do', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = tempRepo(Object.fromEntries(CASES.map((c) => [file(c), claimText(c)])));
  });
  afterAll(() => repo.cleanup());

  it('each case is one problem at the line and column of its field, naming who may grant it', async () => {
    const run = await cli(repo.root, 'validate', '--json');
    expect(run.code, run.stderr).toBe(2);
    const problems = JSON.parse(run.stdout).problems as { file: string; line: number; col: number; code: string; message: string }[];
    for (const c of CASES) {
      const mine = problems.filter((p) => p.file === file(c));
      expect(mine.map((p) => [p.code, p.line, p.col]), c.name).toEqual([[c.code, FIRST_VALUES_LINE + c.at[0], c.at[1]]]);
      if (c.grant) expect(mine[0]!.message, c.name).toContain(`granting "${c.grant}" to team "Team ${c.name}"`);
      else expect(mine[0]!.message, c.name).toContain('no grant changes that');
      // A reserved label key is about who reads the key, not about Pod Security: the reason says so.
      if (c.name === 'platform-label') expect(mine[0]!.message).toMatch(/not set by a claim; no grant changes that; a key of your own domain \(example\.com\/owner\) is fine$/);
    }
    expect(problems.filter((p) => !CASES.some((c) => file(c) === p.file))).toEqual([]);
  });

  it('render refuses with exit 2 and writes nothing', async () => {
    const before = repo.snapshot();
    const run = await cli(repo.root, 'render');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^deployments\/dev\/run-as-root\.yaml:21:11: podSecurityContext\.runAsUser: 0 /m);
    expect(repo.snapshot()).toEqual(before);
  });
});

describe('values that tighten render, and the pod still meets Pod Security restricted', () => {
  const tight = claim('tight', 'dev', [
    '      values:',
    '        podSecurityContext: { runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001, seccompProfile: { type: RuntimeDefault } }',
    '        securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }',
    '        service: { type: ClusterIP }',
    '        serviceAccount: { automountToken: false }',
    '        ingress: { enabled: true, host: tight.example.com, annotations: { alb.ingress.kubernetes.io/healthcheck-path: /healthz } }',
    '        podAnnotations: { prometheus.io/scrape: "true" }',
    '',
  ].join('\n'));

  it.skipIf(!HELM)('renders, and helm template shows the restricted contexts with the ids asked for', async () => {
    const repo = tempRepo({ 'deployments/dev/tight.yaml': tight });
    try {
      const run = await cli(repo.root, 'render');
      expect(run.code, run.stderr).toBe(0);
      const { objects } = await helmTemplate(`${repo.root}/rendered/dev/tight/api/values.yaml`, 'tight-api', `${repo.root}/charts/common`);
      const pod = objects.find((o) => o.kind === 'Deployment')!.spec.template.spec;
      // runAsGroup is the renderer's default (settings spec.security), which values did not change.
      expect(pod.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 10001, runAsGroup: 65532, fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.containers[0].securityContext).toEqual({
        runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' },
      });
    } finally {
      repo.cleanup();
    }
  });

  it.skipIf(!HELM)('a hand-written values file cannot loosen the chart: nulls and root ids are overridden or refused', async () => {
    const repo = tempRepo({ 'deployments/dev/tight.yaml': tight });
    try {
      expect((await cli(repo.root, 'render')).code).toBe(0);
      const valuesFile = `${repo.root}/rendered/dev/tight/api/values.yaml`;
      const original = repo.read('rendered/dev/tight/api/values.yaml').replace(/^podSecurityContext:[\s\S]*?(?=^\S)/m, '').replace(/^securityContext:[\s\S]*?(?=^\S)/m, '');
      repo.write('rendered/dev/tight/api/values.yaml', `${original}podSecurityContext: null\nsecurityContext: null\n`);
      const { objects } = await helmTemplate(valuesFile, 'tight-api', `${repo.root}/charts/common`);
      const pod = objects.find((o) => o.kind === 'Deployment')!.spec.template.spec;
      expect(pod.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.containers[0].securityContext.capabilities).toEqual({ drop: ['ALL'] });
      expect(pod.containers[0].securityContext.allowPrivilegeEscalation).toBe(false);
      repo.write('rendered/dev/tight/api/values.yaml', `${original}podSecurityContext: { runAsUser: 0 }\n`);
      await expect(helmTemplate(valuesFile, 'tight-api', `${repo.root}/charts/common`)).rejects.toThrow(/runAsUser/);
    } finally {
      repo.cleanup();
    }
  });
});


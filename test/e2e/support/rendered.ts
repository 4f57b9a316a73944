/**
 * Reading a rendered/ tree the way Argo CD sees it, and the repositories the e2e tests render:
 * the example repository itself and generated ones (several claims × dev/staging/prod, with
 * postgresql and redis components, so every profile and every chart template is exercised).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { claim, cli, REPO_ROOT, type TempRepo, tempRepo } from '../../support/repo.js';

export type Doc = Record<string, any>;

export interface RenderedUnit {
  name: string;
  /** `<claim>-<unit>`: the Application name and the Helm release name. */
  release: string;
  valuesFile: string;
}

export interface RenderedClaim {
  env: string;
  claim: string;
  namespace: string;
  applicationSetFile: string;
  appProjectFile: string;
  applicationSet: Doc;
  appProject: Doc;
  units: RenderedUnit[];
}

export function renderedClaims(root: string): RenderedClaim[] {
  const out: RenderedClaim[] = [];
  const rendered = path.join(root, 'rendered');
  for (const env of readdirSync(rendered).sort()) {
    if (!statSync(path.join(rendered, env)).isDirectory()) continue;
    for (const name of readdirSync(path.join(rendered, env)).sort()) {
      const dir = path.join(rendered, env, name);
      if (!statSync(dir).isDirectory()) continue;
      const applicationSetFile = path.join(dir, 'applicationset.yaml');
      const appProjectFile = path.join(dir, 'appproject.yaml');
      const applicationSet = parse(readFileSync(applicationSetFile, 'utf8')) as Doc;
      const elements = applicationSet.spec.generators[0].list.elements as { name: string }[];
      out.push({
        env,
        claim: name,
        namespace: applicationSet.spec.template.spec.destination.namespace,
        applicationSetFile,
        appProjectFile,
        applicationSet,
        appProject: parse(readFileSync(appProjectFile, 'utf8')) as Doc,
        units: elements.map((e) => ({ name: e.name, release: `${name}-${e.name}`, valuesFile: path.join(dir, e.name, 'values.yaml') })),
      });
    }
  }
  return out;
}

/** One claim with two apps (one using both components), a postgresql and a redis component. */
export function generatedClaim(name: string, env: string, team: string): string {
  return claim(name, env)
    .replace('Shop Team', team)
    .concat(
      [
        '      uses: [db, cache]',
        '      autoscaling: { enabled: true, maxReplicas: 4 }',
        '    - name: worker',
        '      version: "2.1"',
        '      replicas: 2',
        '  components:',
        '    - { type: postgresql, name: db, version: "16", size: small }',
        '    - { type: redis, name: cache }',
        '',
      ].join('\n'),
    );
}

/** `claimsPerEnv` claims in each of dev, staging and prod, rendered with the real CLI. */
export async function generatedRepo(claimsPerEnv = 3): Promise<TempRepo> {
  const files: Record<string, string> = {};
  for (const env of ['dev', 'staging', 'prod']) {
    for (let i = 0; i < claimsPerEnv; i++) files[`deployments/${env}/claim-${i}.yaml`] = generatedClaim(`claim-${i}`, env, `Team ${i}`);
  }
  const repo = tempRepo(files);
  await renderOrThrow(repo);
  return repo;
}

/** test/fixtures/all-components: one claim with all six component types, in dev, staging and prod. */
export const allComponentsRepo = (): Promise<TempRepo> => fixtureRepo('test/fixtures/all-components');

/** test/fixtures/real-apps: Online Boutique, podinfo and a Django shop, in dev, staging and prod. */
export const realAppsRepo = (): Promise<TempRepo> => fixtureRepo('test/fixtures/real-apps/deployments');

/** A rendered temporary repository whose deployments/ is a fixture folder of <env>/<claim>.yaml. */
async function fixtureRepo(dir: string): Promise<TempRepo> {
  const fixture = path.join(REPO_ROOT, dir);
  const files: Record<string, string> = {};
  for (const env of readdirSync(fixture).sort()) {
    for (const file of readdirSync(path.join(fixture, env)).sort()) files[`deployments/${env}/${file}`] = readFileSync(path.join(fixture, env, file), 'utf8');
  }
  const repo = tempRepo(files);
  await renderOrThrow(repo);
  return repo;
}

export async function renderOrThrow(repo: TempRepo, ...flags: string[]): Promise<void> {
  const run = await cli(repo.root, 'render', ...flags);
  if (run.code !== 0) throw new Error(`render exited ${run.code}:\n${run.stderr}`);
}

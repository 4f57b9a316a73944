/**
 * The Argo CD names a claim may not take (src/claims/argocd-names.ts) must be exactly what
 * infrastructure/ creates in each environment's Argo CD: read from the root Applications' YAML
 * and from the Terraform that applies them. When infrastructure/ starts creating another
 * Application or AppProject, this fails until the reserved list says so too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { BUILTIN_APPLICATIONS, BUILTIN_PROJECTS, rootApplicationFile, rootApplicationName } from '../../src/claims/argocd-names.js';
import { REPO_ROOT } from '../support/repo.js';

const ARGOCD = 'infrastructure/argocd';
const AWS = 'infrastructure/aws';

interface ArgoObject {
  file: string;
  kind: string;
  name: string;
  project?: string;
}

/** Every argoproj.io object in the YAML under infrastructure/argocd. */
function yamlObjects(): ArgoObject[] {
  const out: ArgoObject[] = [];
  for (const file of readdirSync(path.join(REPO_ROOT, ARGOCD)).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    for (const doc of parseAllDocuments(readFileSync(path.join(REPO_ROOT, ARGOCD, file), 'utf8'))) {
      const o = doc.toJS() as { apiVersion?: string; kind?: string; metadata?: { name?: string }; spec?: { project?: string } } | null;
      if (!o?.apiVersion?.startsWith('argoproj.io/')) continue;
      out.push({ file: `${ARGOCD}/${file}`, kind: o.kind ?? '', name: o.metadata?.name ?? '', ...(o.spec?.project ? { project: o.spec.project } : {}) });
    }
  }
  return out;
}

interface HclKey {
  /** Keys of the enclosing objects, outermost first. */
  parents: string[];
  key: string;
}

/**
 * The keys of an HCL object expression such as `yamlencode({ applications = { (x) = { … } } })`,
 * with their nesting. Line-based, which is all our own formatted Terraform needs.
 */
function hclKeys(expression: string): HclKey[] {
  const keys: HclKey[] = [];
  const stack: string[] = [];
  for (const raw of expression.split('\n')) {
    const line = raw.replace(/#.*$/, '');
    const m = /^\s*("[^"]*"|\([^)]*\)|[A-Za-z_][\w-]*)\s*=(?!=)/.exec(line);
    const bare = line.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    const opens = (bare.match(/\{/g) ?? []).length;
    const closes = (bare.match(/\}/g) ?? []).length;
    if (m) keys.push({ parents: [...stack], key: m[1]!.replace(/^"|"$/g, '') });
    for (let i = 0; i < closes - opens; i++) stack.pop();
    for (let i = 0; i < opens - closes; i++) stack.push(i === 0 && m ? m[1]!.replace(/^"|"$/g, '') : '');
  }
  return keys;
}

interface TerraformResult {
  /** Application names, as expressions, that argocd-apps releases create. */
  applications: string[];
  projects: string[];
  /** Other ways of creating Argo CD objects this test does not know how to read. */
  unknown: string[];
  locals: Record<string, string>;
}

async function terraformObjects(): Promise<TerraformResult> {
  const result: TerraformResult = { applications: [], projects: [], unknown: [], locals: {} };
  for (const file of readdirSync(path.join(REPO_ROOT, AWS)).filter((f) => f.endsWith('.tf')).sort()) {
    const text = readFileSync(path.join(REPO_ROOT, AWS, file), 'utf8');
    const json = (await parseHcl(file, text)) as {
      locals?: Record<string, string>[];
      resource?: Record<string, Record<string, Record<string, unknown>[]>>;
    };
    for (const l of json.locals ?? []) Object.assign(result.locals, l);
    for (const [type, resources] of Object.entries(json.resource ?? {})) {
      for (const [name, [body]] of Object.entries(resources)) {
        const where = `${AWS}/${file}: ${type}.${name}`;
        if (type === 'helm_release' && body?.chart === 'argocd-apps') {
          // hcl2json gives each value as `${yamlencode({ … })}`; the object's own keys sit one level in.
          const keys = ((body.values as string[] | undefined) ?? []).flatMap((v) => hclKeys(v.replace(/^\$\{/, '').replace(/\}$/, '')));
          for (const k of keys.filter((k) => k.parents.length === 2)) {
            if (k.parents[1] === 'applications') result.applications.push(k.key);
            else if (k.parents[1] === 'projects') result.projects.push(k.key);
            else if (k.parents[1] === 'applicationsets') result.unknown.push(`${where} creates ApplicationSet ${k.key}`);
          }
        } else if (type.startsWith('kubernetes_') && /argoproj\.io\/v\d/.test(JSON.stringify(body))) {
          result.unknown.push(`${where} creates an Argo CD object`);
        }
      }
    }
  }
  return result;
}

/**
 * A project key as Terraform writes it: a literal name, or `(local.x.metadata.name)` where the
 * local reads a YAML file of infrastructure/argocd, whose name it then is.
 */
function projectName(key: string, locals: Record<string, string>): string {
  const local = /^\(local\.(\w+)\.metadata\.name\)$/.exec(key)?.[1];
  if (!local) return key;
  const file = /^\$\{yamldecode\(file\("\$\{path\.module\}\/\.\.\/argocd\/([\w.-]+\.yaml)"\)\)\}$/.exec(locals[local] ?? '')?.[1];
  expect(file, `argocd-apps project key ${key} does not read a YAML file of ${ARGOCD}`).toBeDefined();
  return parseAllDocuments(readFileSync(path.join(REPO_ROOT, ARGOCD, file!), 'utf8'))[0]!.toJS().metadata.name;
}

describe('the names infrastructure/ creates are the names claims may not take', () => {
  const objects = yamlObjects();
  const roots = readdirSync(path.join(REPO_ROOT, ARGOCD))
    .map((f) => /^root-(.+)\.yaml$/.exec(f)?.[1])
    .filter((e): e is string => e !== undefined)
    .sort();

  it('reads something (the reader is not blind)', () => {
    expect(roots.length).toBeGreaterThan(0);
    expect(objects.filter((o) => o.kind === 'Application').length).toBe(roots.length);
  });

  it.each(roots)('root-%s.yaml makes exactly the Application reserved for that environment', (env) => {
    const file = rootApplicationFile(env);
    const apps = objects.filter((o) => o.kind === 'Application' && o.file === file).map((o) => o.name);
    expect(apps).toEqual([rootApplicationName(env)]);
  });

  it('no other YAML under infrastructure/argocd makes an Application or an ApplicationSet', () => {
    const roots = new Set(objects.filter((o) => /\/root-[^/]+\.yaml$/.test(o.file)).map((o) => o.file));
    expect(objects.filter((o) => o.kind !== 'AppProject' && !roots.has(o.file)).map((o) => `${o.file}: ${o.kind} ${o.name}`)).toEqual([]);
    expect(objects.filter((o) => o.kind === 'ApplicationSet').map((o) => o.name)).toEqual([]);
  });

  it("the reserved projects are Argo CD's default plus every AppProject infrastructure/ makes, and cover every project the roots use", async () => {
    const tf = await terraformObjects();
    const made = [...objects.filter((o) => o.kind === 'AppProject').map((o) => o.name), ...tf.projects.map((p) => projectName(p, tf.locals))];
    const expected = [...new Set(['default', ...made])].sort();
    expect(BUILTIN_PROJECTS.map((p) => p.name).sort()).toEqual(expected);
    const used = objects.filter((o) => o.project !== undefined).map((o) => o.project!);
    expect(used.filter((p) => !expected.includes(p))).toEqual([]);
  });

  it('Terraform applies the root Application of its environment, read from that YAML, and only reserved others', async () => {
    const tf = await terraformObjects();
    expect(tf.unknown).toEqual([]);
    expect(tf.applications.length).toBeGreaterThan(0);
    // Applications with a literal name (operators without a Helm chart) are exactly the built-in reserved ones.
    const literal = tf.applications.filter((app) => !app.startsWith('('));
    expect(literal.sort()).toEqual(BUILTIN_APPLICATIONS.map((a) => a.name).sort());
    for (const app of tf.applications.filter((a) => a.startsWith('('))) {
      // `(local.root_app.metadata.name)`: the name comes from the local that reads root-<env>.yaml.
      const local = /^\(local\.(\w+)\.metadata\.name\)$/.exec(app)?.[1];
      expect(local, `argocd-apps application key ${app} is not a root YAML's metadata.name`).toBeDefined();
      expect(tf.locals[local!]).toMatch(/yamldecode\(file\("\$\{path\.module\}\/\.\.\/argocd\/root-\$\{var\.environment\}\.yaml"\)\)/);
    }
  });

  it('the HCL key reader sees nested keys (a check of the check)', () => {
    const keys = hclKeys('yamlencode({\n  applications = {\n    (local.x.metadata.name) = {\n      a = 1\n    }\n  }\n  projects = {\n    "extra" = {}\n  }\n})');
    expect(keys.filter((k) => k.parents.length === 2)).toEqual([
      { parents: ['', 'applications'], key: '(local.x.metadata.name)' },
      { parents: ['', 'projects'], key: 'extra' },
    ]);
  });
});

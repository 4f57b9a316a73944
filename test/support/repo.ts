/** Temporary repositories laid out like a user's, for tests that run the real pipeline. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main.js';

export const REPO_ROOT = path.resolve(new URL('../..', import.meta.url).pathname);

/** charts/common's version as committed: tests that publish or pin the chart follow its bumps. */
export const CHART_VERSION = /^version:\s*"?([^"\s]+)"?\s*$/m.exec(readFileSync(path.join(REPO_ROOT, 'charts/common/Chart.yaml'), 'utf8'))![1]!;

export const SETTINGS = `apiVersion: platform.infraforge.io/v1
kind: RenderSettings
spec:
  git:
    repoURL: https://github.com/acme/platform.git
  image:
    owner: acme
`;

export interface TempRepo {
  root: string;
  write(rel: string, text: string | Buffer): void;
  read(rel: string): string;
  remove(rel: string): void;
  /** Every file under rendered/, path → bytes (as a string). */
  snapshot(dir?: string): Record<string, string>;
  cleanup(): void;
}

export function tempRepo(files: Record<string, string> = {}, options: { settings?: string | false } = {}): TempRepo {
  const root = mkdtempSync(path.join(tmpdir(), 'infraforge-test-'));
  mkdirSync(path.join(root, 'charts'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'charts/common'), path.join(root, 'charts/common'), { recursive: true });
  const repo: TempRepo = {
    root,
    write(rel, text) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    },
    read: (rel) => readFileSync(path.join(root, rel), 'utf8'),
    remove: (rel) => rmSync(path.join(root, rel), { recursive: true, force: true }),
    snapshot(dir = 'rendered') {
      const out: Record<string, string> = {};
      const walk = (rel: string) => {
        const abs = path.join(root, rel);
        let entries: string[];
        try {
          entries = readdirSync(abs).sort();
        } catch {
          return;
        }
        for (const name of entries) {
          const child = `${rel}/${name}`;
          // The render index has its own tests (render-index.test.ts); the others look at the rendered files.
          if (child === 'rendered/.infraforge') continue;
          if (statSync(path.join(root, child)).isDirectory()) walk(child);
          else out[child] = readFileSync(path.join(root, child), 'latin1');
        }
      };
      walk(dir);
      return out;
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
  if (options.settings !== false) repo.write('deployments/settings.yaml', options.settings ?? SETTINGS);
  for (const [rel, text] of Object.entries(files)) repo.write(rel, text);
  return repo;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, exactly as the bin does, with its own environment. */
export async function cli(root: string, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: root,
    env: {},
  });
  return { code, stdout, stderr };
}

/** A small valid claim; `overrides` replaces whole lines by key for quick variants. */
export function claim(name = 'shop', env = 'dev', extra = ''): string {
  return `apiVersion: platform.infraforge.io/v1
kind: ApplicationClaim
metadata:
  name: ${name}
spec:
  environment: ${env}
  owner:
    team: Shop Team
    email: shop@example.com
  applications:
    - name: api
      version: "1.0.0"
      ports:
        - name: http
          port: 8080
      healthCheck:
        path: /healthz
        port: 8080
${extra}`;
}

/**
 * The platform repository the loop plays with: a bare copy of this repository's example content
 * (deployments/, charts/, infrastructure/argocd/) served by the loopback git server, its settings
 * pointing Argo CD at that server and at the loopback chart registry, and the apps' images at the
 * node's loopback registry, rendered once with our CLI.
 *
 * Two kinds of clones, as in real life: a developer's (pushes claim changes) and a runner's
 * workspace (what actions/checkout leaves: a clone whose local config carries the token as an
 * `http.<url>/.extraheader`, so `git push origin` is authenticated without the token in a URL).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { git } from '../../support/git.js';
import { REPO_ROOT } from '../../support/repo.js';
import { type GitHttpServer, startGitHttpServer } from './git-http-server.js';

const CLI = path.join(REPO_ROOT, 'dist/cli.js');
const REPO_NAME = 'platform.git';

export interface PlatformRepo {
  /** The URL Argo CD and the runners use: `http://127.0.0.1:<port>/platform.git`. */
  url: string;
  server: GitHttpServer;
  /** Writes (or deletes, with null) files in the developer's clone, commits, pushes; returns the sha. */
  commit(files: Record<string, string | null>, message: string): string;
  /** The developer's clone (read claims from it to edit them). */
  devClone: string;
  /** A runner's workspace at `sha`, as actions/checkout leaves it. */
  checkout(sha: string): string;
  tip(): string;
  stop(): Promise<void>;
}

/** Where the loop's cluster finds things: the chart registry, and the registry the node pulls app images from. */
export interface LoopLocations {
  chartRepository: string;
  /** `host:port` that replaces settings' image.registry (ghcr.io): where `serviceName` images are. */
  imageRegistry: string;
}

export async function startPlatformRepo(options: LoopLocations): Promise<PlatformRepo> {
  const dir = mkdtempSync(path.join(tmpdir(), 'infraforge-loop-git-'));
  const root = path.join(dir, 'srv');
  mkdirSync(root);
  const bare = path.join(root, REPO_NAME);
  git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
  const server = await startGitHttpServer(root);
  const url = `${server.url}/${REPO_NAME}`;
  const auth = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${server.pushToken}`).toString('base64')}`;

  const devClone = path.join(dir, 'dev');
  git(dir, 'clone', '--quiet', url, devClone);
  git(devClone, 'checkout', '--quiet', '-B', 'main');
  git(devClone, 'config', '--local', `http.${server.url}/.extraheader`, auth);
  for (const rel of ['deployments', 'charts/common', 'infrastructure/argocd']) {
    cpSync(path.join(REPO_ROOT, rel), path.join(devClone, rel), { recursive: true });
  }
  writeFileSync(path.join(devClone, 'deployments/settings.yaml'), loopSettings(readFileSync(path.join(devClone, 'deployments/settings.yaml'), 'utf8'), url, options));
  execFileSync(process.execPath, [CLI, 'render'], { cwd: devClone, stdio: 'pipe' });
  git(devClone, 'add', '-A');
  git(devClone, 'commit', '--quiet', '-m', 'Platform repository: example claims, rendered for the local loop');
  git(devClone, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');

  let workspaces = 0;
  return {
    url,
    server,
    devClone,
    commit(files, message) {
      git(devClone, 'pull', '--quiet', '--ff-only', 'origin', 'main');
      for (const [rel, text] of Object.entries(files)) {
        const abs = path.join(devClone, rel);
        if (text === null) rmSync(abs, { force: true, recursive: true });
        else {
          mkdirSync(path.dirname(abs), { recursive: true });
          writeFileSync(abs, text);
        }
      }
      git(devClone, 'add', '-A');
      git(devClone, 'commit', '--quiet', '-m', message);
      git(devClone, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
      return git(devClone, 'rev-parse', 'HEAD');
    },
    checkout(sha) {
      const ws = path.join(dir, `runner-${workspaces++}`);
      git(dir, 'clone', '--quiet', url, ws);
      git(ws, 'checkout', '--quiet', '-B', 'main', sha);
      git(ws, 'config', '--local', `http.${server.url}/.extraheader`, auth);
      return ws;
    },
    tip: () => git(bare, 'rev-parse', 'refs/heads/main'),
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The example settings with git.repoURL, chart.repository and image.registry replaced (comments kept). */
export function loopSettings(text: string, repoURL: string, locations: LoopLocations): string {
  const doc = parseDocument(text);
  doc.setIn(['spec', 'git', 'repoURL'], repoURL);
  doc.setIn(['spec', 'chart', 'repository'], locations.chartRepository);
  doc.setIn(['spec', 'image', 'registry'], locations.imageRegistry);
  return doc.toString();
}

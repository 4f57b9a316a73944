/**
 * The loop test's git smart-HTTP server (test/e2e/loop/git-http-server.ts), driven by the real
 * git client: anonymous clone and fetch, push only with the token, bodies large enough that git
 * switches to chunked transfer.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GitHttpServer, startGitHttpServer } from '../e2e/loop/git-http-server.js';
import { GIT_ENV, git } from '../support/git.js';

let dir: string;
let server: GitHttpServer;
let url: string;

/** git with a Basic Authorization header for the server, passed through the environment. */
function gitAs(password: string, cwd: string, ...args: string[]): string {
  const header = `AUTHORIZATION: basic ${Buffer.from(`runner:${password}`).toString('base64')}`;
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...GIT_ENV, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: `http.${server.url}/.extraheader`, GIT_CONFIG_VALUE_0: header },
  }).trim();
}

function commitFile(clone: string, name: string, content: string | Buffer): string {
  writeFileSync(path.join(clone, name), content);
  git(clone, 'add', name);
  git(clone, 'commit', '--quiet', '-m', `add ${name}`);
  return git(clone, 'rev-parse', 'HEAD');
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'infraforge-git-http-'));
  const bare = path.join(dir, 'srv', 'platform.git');
  git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
  const seed = path.join(dir, 'seed');
  git(dir, 'init', '--quiet', '--initial-branch=main', seed);
  commitFile(seed, 'README', 'hello\n');
  git(seed, 'push', '--quiet', bare, 'HEAD:refs/heads/main');
  server = await startGitHttpServer(path.join(dir, 'srv'));
  url = `${server.url}/platform.git`;
});

afterEach(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('git smart-HTTP server on loopback', () => {
  it('serves anonymous clone, ls-remote and fetch over both wire protocols', () => {
    const bareTip = git(path.join(dir, 'srv', 'platform.git'), 'rev-parse', 'main');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/platform\.git$/);
    for (const version of ['0', '2']) {
      const clone = path.join(dir, `clone-v${version}`);
      git(dir, '-c', `protocol.version=${version}`, 'clone', '--quiet', url, clone);
      expect(readFileSync(path.join(clone, 'README'), 'utf8')).toBe('hello\n');
      expect(git(clone, 'rev-parse', 'HEAD')).toBe(bareTip);
      expect(git(dir, '-c', `protocol.version=${version}`, 'ls-remote', url, 'refs/heads/main')).toBe(`${bareTip}\trefs/heads/main`);
    }
  });

  it('refuses a push without the token, or with a wrong one, and leaves the repository as it was', () => {
    const clone = path.join(dir, 'clone');
    git(dir, 'clone', '--quiet', url, clone);
    const before = git(dir, 'ls-remote', url, 'refs/heads/main');
    commitFile(clone, 'intruder', 'x\n');
    expect(() => gitAs('', clone, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main')).toThrow(/401|Authentication failed|could not read Username/);
    expect(() => gitAs('not-the-token', clone, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main')).toThrow(/401|Authentication failed|could not read Username/);
    expect(git(dir, 'ls-remote', url, 'refs/heads/main')).toBe(before);
  });

  it('accepts a push with the token, large enough to be sent chunked, and a fresh clone sees it', () => {
    const clone = path.join(dir, 'clone');
    git(dir, 'clone', '--quiet', url, clone);
    // Random bytes do not compress: a pack over http.postBuffer (1 MiB) goes out chunked.
    const big = randomBytes(3 * 1024 * 1024);
    const sha = commitFile(clone, 'big.bin', big);
    gitAs(server.pushToken, clone, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
    const fresh = path.join(dir, 'fresh');
    git(dir, 'clone', '--quiet', url, fresh);
    expect(git(fresh, 'rev-parse', 'HEAD')).toBe(sha);
    expect(readFileSync(path.join(fresh, 'big.bin')).equals(big)).toBe(true);
  });

  it('serves nothing outside its project root', async () => {
    const res = await fetch(`${server.url}/../seed/.git/info/refs?service=git-upload-pack`);
    expect(res.status).not.toBe(200);
    const missing = await fetch(`${server.url}/nope.git/info/refs?service=git-upload-pack`);
    expect(missing.status).toBe(404);
  });
});

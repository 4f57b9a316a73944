/**
 * Where this repository lives, as Argo CD should fetch it. Read through the Git interface
 * (its one choke point); the working directory, not an argument, says which repository.
 */
import { createGit } from './git.js';

export async function readOriginUrl(root: string): Promise<string | undefined> {
  try {
    return await createGit(root).originUrl();
  } catch {
    return undefined; // not a directory simple-git accepts: no origin to read
  }
}

/**
 * `git@github.com:o/r.git`, `ssh://git@github.com/o/r`, `https://user:token@github.com/o/r`
 * → `https://github.com/o/r.git`. Credentials never survive. Local paths give undefined.
 */
export function normalizeGitUrl(url: string): string | undefined {
  let host: string;
  let repoPath: string;
  const scp = /^(?:[^@/]+@)?([A-Za-z0-9.-]+):(?!\/)(.+)$/.exec(url);
  if (/^(https?|ssh|git):\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
    host = parsed.hostname + (parsed.port && parsed.protocol.startsWith('http') ? `:${parsed.port}` : '');
    repoPath = parsed.pathname.replace(/^\/+/, '');
  } else if (scp) {
    host = scp[1]!;
    repoPath = scp[2]!;
  } else {
    return undefined;
  }
  repoPath = repoPath.replace(/\/+$/, '').replace(/\.git$/, '');
  if (!host || !repoPath || !/^[A-Za-z0-9._~/-]+$/.test(repoPath)) return undefined;
  return `https://${host}/${repoPath}.git`;
}

/** `https://github.com/Acme/platform.git` → `acme`. */
export function ownerFromUrl(url: string | undefined): string | undefined {
  const m = url ? /^https:\/\/[^/]+\/([^/]+)\//.exec(url) : null;
  return m ? m[1]!.toLowerCase() : undefined;
}

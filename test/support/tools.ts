/**
 * External tools the tests run (helm, actionlint, terraform/tofu, docker-registry). A test file
 * asks for its tool once, at load. On a developer's machine a missing tool skips the tests that
 * need it, with one notice naming it; under CI=true it is an error naming the tool, so a green
 * CI always means every check ran. `.ci/bootstrap npm test` installs them all.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The first of `candidates` that runs `versionArgs` successfully (and whose output `accepts`, when
 * given); undefined when none does.
 */
export function findTool(candidates: readonly string[], versionArgs: readonly string[], accepts: (versionOutput: string) => boolean = () => true): string | undefined {
  for (const bin of candidates) {
    try {
      if (accepts(execFileSync(bin, versionArgs, { stdio: 'pipe', timeout: 30_000, encoding: 'utf8' }))) return bin;
    } catch {
      // not installed (or broken): try the next one
    }
  }
  return undefined;
}

export interface ToolSpec {
  /** What people call it, in messages. */
  name: string;
  /** Executables that provide it, preferred first. */
  candidates?: readonly string[];
  /** Arguments that make it print its version and exit 0. */
  versionArgs?: readonly string[];
  /** Whether that version will do (say, the right major release); any by default. */
  accepts?: (versionOutput: string) => boolean;
}

export function missingToolMessage(name: string): string {
  return `${name} is not on PATH: run the tests through \`bash .ci/bootstrap npm test\`, which installs it`;
}

/**
 * The executable for `spec`, or undefined (tests then skip) — except under CI=true, where a
 * missing tool throws, failing the test file that needs it.
 */
export function toolOrSkip(spec: ToolSpec, env: Record<string, string | undefined> = process.env): string | undefined {
  const bin = findTool(spec.candidates ?? [spec.name], spec.versionArgs ?? ['--version'], spec.accepts);
  if (bin) return bin;
  const message = missingToolMessage(spec.name);
  if (env.CI === 'true') throw new Error(`${message} (CI=true: a missing tool fails the run instead of skipping)`);
  console.warn(`${message}; skipping the tests that need it`);
  return undefined;
}

/** Where .ci/install-test-tools puts what it builds; PATH has it under .ci/bootstrap. */
const BUILT = path.resolve(new URL('../../.ci/.tools/bin', import.meta.url).pathname);
/** Helm 4, in a directory of its own so that it can go first on a PATH (its binary is `helm` too). */
const BUILT_HELM4 = path.resolve(new URL('../../.ci/.tools/helm4/helm', import.meta.url).pathname);

const helmMajor = (major: number) => (version: string) => version.trim().startsWith(`v${major}.`);

export const TOOLS = {
  helm: { name: 'helm (v3)', candidates: ['helm', path.join(BUILT, 'helm')], versionArgs: ['version', '--short'], accepts: helmMajor(3) },
  helm4: { name: 'helm 4 (.ci/.tools/helm4/helm)', candidates: [BUILT_HELM4, 'helm'], versionArgs: ['version', '--short'], accepts: helmMajor(4) },
  helmEngine: { name: 'helm-engine', candidates: ['helm-engine', path.join(BUILT, 'helm-engine')], versionArgs: ['--version'] },
  actionlint: { name: 'actionlint', versionArgs: ['-version'] },
  terraform: { name: 'terraform (or tofu)', candidates: ['terraform', 'tofu'], versionArgs: ['version'] },
  registry: { name: 'docker-registry', candidates: ['docker-registry', 'registry'], versionArgs: ['--version'] },
} as const satisfies Record<string, ToolSpec>;

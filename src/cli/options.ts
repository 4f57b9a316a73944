/**
 * Each command's flags, declared once: parseArgs reads them, `--help` prints them (with what
 * each does and its default), and test/unit/docs-agree.test.ts checks the README against them.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from '../errors.js';
import type { SettingsOverrides } from '../settings/resolve.js';

export interface Flag {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** The placeholder in usage lines: `--root DIR`. */
  arg?: string;
  help: string;
  /** What happens when the flag is not given, in words. */
  default?: string;
}

export type FlagSet = Readonly<Record<string, Flag>>;

export interface CommandHelp {
  /** `render`, `chart package`. */
  name: string;
  summary: string;
  /** A paragraph or two: what the command does, what it writes, what its exit codes mean. */
  description: string;
  flags: FlagSet;
}

export const ROOT_FLAG: FlagSet = {
  root: { type: 'string', arg: 'DIR', help: 'the repository to work on', default: 'the current directory' },
};

/** Flags that override deployments/settings.yaml (render, validate, diff). */
export const SETTINGS_FLAGS: FlagSet = {
  'repo-url': { type: 'string', arg: 'URL', help: 'git URL Argo CD reads values from', default: 'spec.git.repoURL, else the origin remote as https' },
  'target-revision': { type: 'string', arg: 'REV', help: 'branch, tag or commit Argo CD tracks', default: 'spec.git.targetRevision, else HEAD' },
  'chart-repository': { type: 'string', arg: 'oci://HOST/PATH', help: 'where the common chart is published', default: 'spec.chart.repository, else oci://ghcr.io/<owner>/charts' },
  'image-registry': { type: 'string', arg: 'HOST', help: 'registry of images named by serviceName', default: 'spec.image.registry, else ghcr.io' },
  'image-owner': { type: 'string', arg: 'NAME', help: 'owner of images named by serviceName', default: 'spec.image.owner, else the GitHub repository owner' },
};

/** Checks that ask the registries (render, validate, diff; see src/oci/render-checks.ts). */
export const REGISTRY_FLAGS: FlagSet = {
  'verify-images': { type: 'boolean', help: "ask each image's registry that the tag exists (missing: exit 2 at the claim line)", default: 'off' },
  'verify-chart': { type: 'boolean', help: 'refuse to pin a chart version the registry does not hold (exit 3)', default: 'off' },
};

export function registryChecksFrom(values: Record<string, unknown>): { verifyImages?: true; verifyChart?: true } {
  return { ...(values['verify-images'] === true ? { verifyImages: true as const } : {}), ...(values['verify-chart'] === true ? { verifyChart: true as const } : {}) };
}

const HELP_FLAG: FlagSet = { help: { type: 'boolean', help: 'print this help' } };

export function overridesFrom(values: Record<string, unknown>): SettingsOverrides {
  const o: SettingsOverrides = {};
  if (typeof values['repo-url'] === 'string') o.gitRepoURL = values['repo-url'];
  if (typeof values['target-revision'] === 'string') o.targetRevision = values['target-revision'];
  if (typeof values['chart-repository'] === 'string') o.chartRepository = values['chart-repository'];
  if (typeof values['image-registry'] === 'string') o.imageRegistry = values['image-registry'];
  if (typeof values['image-owner'] === 'string') o.imageOwner = values['image-owner'];
  if (values['allow-deletions'] === true) o.allowDeletions = true;
  return o;
}

export type FlagValues = Record<string, string | boolean | string[] | undefined>;

/** The command's flags, or undefined after printing its help (for `--help` / `-h`). */
export function parseFlags(command: CommandHelp, args: string[], print: (text: string) => void): FlagValues | undefined {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, flag] of Object.entries(command.flags)) options[name] = { type: flag.type, ...(flag.multiple ? { multiple: true } : {}) };
  const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
  if (values.help) {
    print(commandHelp(command));
    return undefined;
  }
  return values as FlagValues;
}

export function usageLine(command: CommandHelp): string {
  const flags = Object.entries(command.flags).map(([name, f]) => `[--${name}${f.arg ? ` ${f.arg}` : ''}]${f.multiple ? '...' : ''}`);
  return `infraforge ${command.name} ${flags.join(' ')}`.trimEnd();
}

export function commandHelp(command: CommandHelp): string {
  const rows = Object.entries({ ...command.flags, ...HELP_FLAG }).map(([name, f]) => {
    const left = `--${name}${f.arg ? ` ${f.arg}` : ''}`;
    const right = `${f.help}${f.multiple ? ' (repeatable)' : ''}${f.default ? `; default: ${f.default}` : ''}`;
    return [left, right] as const;
  });
  const width = Math.max(...rows.map(([l]) => l.length));
  return [
    `usage: ${usageLine(command)}`,
    '',
    command.description,
    '',
    'flags:',
    ...rows.map(([l, r]) => `  ${l.padEnd(width)}  ${r}`),
    '',
  ].join('\n');
}

/** The repository root a command works on: it must exist, or nothing else can be said about it. */
export function rootDir(cwd: string, root: unknown): string {
  const dir = path.resolve(cwd, typeof root === 'string' ? root : '.');
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // missing: reported below
  }
  if (!isDir) throw new InputError([{ code: 'root-missing', message: `--root ${dir}: no such directory (it should be the repository holding deployments/ and charts/common/)` }]);
  return dir;
}

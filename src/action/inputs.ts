/**
 * Every action input, read once into a typed, documented ActionSettings. Nothing else in the
 * action calls core.getInput; nothing is read at import time.
 */
import * as core from '@actions/core';
import { InputError } from '../errors.js';

export type ActionCommand = 'render' | 'diff' | 'publish-chart' | 'environments';

export interface ActionSettings {
  command: ActionCommand;
  /** GitHub token; registered as a secret so it is masked in every log line. */
  token: string;
  /** Environments to render; empty = all. Lets a workflow matrix render in parallel. */
  environments: string[];
  /** Commit the rendered changes (render). */
  commit: boolean;
  /** Push the commit to the triggering branch (render). */
  push: boolean;
  /** Allow a render that deletes a whole environment or many apps. */
  allowDeletions: boolean;
  /** render/diff: leave files in rendered/ that no claim produces (and we did not write) instead of failing. */
  allowUnmanaged: boolean;
  /** OCI registry for publish-chart, e.g. oci://ghcr.io/acme/charts. */
  chartRegistry: string;
  author: { name: string; email: string };
  /** Push attempts before giving up (exit 3). */
  maxAttempts: number;
  /** The repository checkout. */
  workspace: string;
  /** Image owner for serviceName images; default the repository owner. */
  imageOwner: string;
  /** Talk to the chart registry over http (loopback registries in tests). */
  plainHttp: boolean;
  /** Check every image the render would deploy against its registry (render, diff). */
  verifyImages: boolean;
  /** Refuse to pin a chart version the registry does not hold (render). */
  verifyChart: boolean;
  /** Login whose comment carrying our marker is the sticky one (diff). */
  commentAuthor: string;
  /** Base commit for diff outside a pull_request event. */
  base: string;
}

const COMMANDS: readonly ActionCommand[] = ['render', 'diff', 'publish-chart', 'environments'];

function bool(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim().toLowerCase();
  if (raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw inputError(`input ${name} must be true or false, got ${JSON.stringify(raw)}`);
}

function inputError(message: string): InputError {
  return new InputError([{ code: 'action-input', message }]);
}

/**
 * The environment the pipeline sees, plus the action's token as the registry password when
 * none is set: the registry checks use "the token the workflow has" (only for the hosts it
 * belongs to, see src/oci/images.ts).
 */
export function registryEnv(settings: ActionSettings, env: Record<string, string | undefined>): Record<string, string | undefined> {
  return settings.token && !env.INFRAFORGE_REGISTRY_PASSWORD && !env.GITHUB_TOKEN ? { ...env, GITHUB_TOKEN: settings.token } : env;
}

export function getInputs(env: Record<string, string | undefined> = process.env): ActionSettings {
  const command = (core.getInput('command') || 'render') as ActionCommand;
  if (!COMMANDS.includes(command)) throw inputError(`input command must be one of ${COMMANDS.join(', ')}, got ${JSON.stringify(command)}`);
  const token = core.getInput('token');
  if (token) core.setSecret(token);
  const environments = core
    .getInput('environments')
    .split(/[\s,]+/)
    .map((e) => e.trim())
    .filter((e) => e && e !== 'all');
  const maxAttempts = Number(core.getInput('max-attempts') || '5');
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 20) throw inputError('input max-attempts must be a whole number from 1 to 20');
  return {
    command,
    token,
    environments,
    commit: bool('commit', true),
    push: bool('push', true),
    allowDeletions: bool('allow-deletions', false),
    allowUnmanaged: bool('allow-unmanaged', false),
    chartRegistry: core.getInput('chart-registry'),
    author: {
      name: core.getInput('author-name') || 'github-actions[bot]',
      email: core.getInput('author-email') || '41898282+github-actions[bot]@users.noreply.github.com',
    },
    maxAttempts,
    workspace: core.getInput('working-directory') || env.GITHUB_WORKSPACE || process.cwd(),
    imageOwner: core.getInput('image-owner'),
    plainHttp: bool('plain-http', false),
    verifyImages: bool('verify-images', false),
    verifyChart: bool('verify-chart', false),
    commentAuthor: core.getInput('comment-author') || 'github-actions[bot]',
    base: core.getInput('base'),
  };
}

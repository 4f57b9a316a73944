/**
 * Runs the action exactly as a GitHub runner does: `node` on action.yml's runs.main, inputs as
 * INPUT_* (defaults filled from action.yml), context as GITHUB_* variables and an event file,
 * outputs read back from the GITHUB_OUTPUT file.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './repo.js';

interface ActionYml {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; main: string };
}

export const ACTION = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYml;

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface RunOptions {
  workspace: string;
  inputs?: Record<string, string>;
  eventName?: string;
  event?: unknown;
  ref?: string;
  sha?: string;
  repository?: string;
  extraEnv?: Record<string, string>;
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'infraforge-runner-'));
  const outputFile = path.join(tmp, 'output');
  const summaryFile = path.join(tmp, 'summary');
  const eventFile = path.join(tmp, 'event.json');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  writeFileSync(eventFile, JSON.stringify(options.event ?? {}));
  const repository = options.repository ?? 'acme/platform';
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REF: options.ref ?? 'refs/heads/main',
    GITHUB_SHA: options.sha ?? '',
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0]!,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: tmp,
    ...options.extraEnv,
  };
  for (const [name, spec] of Object.entries(ACTION.inputs)) {
    const value = options.inputs?.[name] ?? (spec.default ?? '').replace('${{ github.token }}', 'ghs_testtoken0123456789');
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  if (ACTION.runs.using !== 'node24') throw new Error(`unexpected runs.using ${ACTION.runs.using}`);
  const child = spawn(process.execPath, [path.join(REPO_ROOT, ACTION.runs.main)], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  const result = { code, stdout, stderr, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') };
  rmSync(tmp, { recursive: true, force: true });
  return result;
}

/** GITHUB_OUTPUT's format: `name<<DELIM\nvalue\nDELIM\n` (or `name=value`). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== heredoc[2]) value.push(lines[i]!);
      out[heredoc[1]!] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

/**
 * README.md, action.yml, the CLI's own help and the settings schema describe one product: an
 * input, flag or setting documented in one and not the other fails here, naming what is missing
 * where. (Several people add inputs and settings in parallel; this is where they meet.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ALL_HELP } from '../../src/cli/help.js';
import { SETTINGS_FLAGS } from '../../src/cli/options.js';
import settingsSchema from '../../src/settings/render-settings.schema.json' with { type: 'json' };
import { REPO_ROOT } from '../support/repo.js';

const README = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const ACTION = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };

/** The text of a README section, from its heading to the next heading of the same or a higher level. */
function section(heading: string): string {
  const lines = README.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) throw new Error(`README.md has no section "${heading}"`);
  const level = heading.split(' ')[0]!.length;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.split(' ')[0]!.length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Backticked names in the first column of a markdown table: `| \`a\`, \`b\` | …`. */
function tableNames(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split('\n')) {
    const first = /^\| ([^|]+) \|/.exec(line)?.[1];
    if (first) names.push(...[...first.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
  }
  return names;
}

const missing = (wanted: Iterable<string>, present: Iterable<string>) => {
  const have = new Set(present);
  return [...new Set(wanted)].filter((w) => !have.has(w)).sort();
};

describe('README, action.yml and the CLI agree', () => {
  it('every action input is in the README input table, and the table names no other', () => {
    const documented = tableNames(section('## The GitHub Action'));
    const inputs = Object.keys(ACTION.inputs);
    expect(missing(inputs, documented), 'inputs in action.yml but not in the README table under "## The GitHub Action"').toEqual([]);
    expect(missing(documented, inputs), 'inputs in the README table under "## The GitHub Action" but not in action.yml').toEqual([]);
  });

  it('every action output is in the README "Outputs:" list, and the list names no other', () => {
    const list = /^Outputs: ([\s\S]*?)\. /m.exec(section('## The GitHub Action'))?.[1] ?? '';
    const documented = [...list.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    const outputs = Object.keys(ACTION.outputs);
    expect(missing(outputs, documented), 'outputs in action.yml but not in README "Outputs:"').toEqual([]);
    expect(missing(documented, outputs), 'outputs in README "Outputs:" but not in action.yml').toEqual([]);
  });

  it('every CLI flag is in the README usage block, on its command\'s line, and the block names no other', () => {
    const block = /```\n([\s\S]*?)```/.exec(section('## The CLI'))?.[1] ?? '';
    const flagsIn = (text: string) => [...text.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]!);
    const settingsLine = block.slice(block.indexOf('settings flags'));
    const settingsFlags = Object.keys(SETTINGS_FLAGS);
    expect(missing(settingsFlags, flagsIn(settingsLine)), 'settings flags (src/cli/options.ts) missing from the README "settings flags" line').toEqual([]);
    const problems: string[] = [];
    for (const help of ALL_HELP) {
      const line = block.split('\n').find((l) => l.startsWith(`infraforge ${help.name} `));
      if (!line) {
        problems.push(`README usage block has no line for "infraforge ${help.name}"`);
        continue;
      }
      const own = Object.keys(help.flags).filter((f) => !settingsFlags.includes(f));
      for (const f of missing(own, flagsIn(line))) problems.push(`--${f} (infraforge ${help.name} --help) is not on its README usage line`);
      for (const f of missing(flagsIn(line), Object.keys(help.flags))) problems.push(`--${f} is on the README line of "infraforge ${help.name}" but the command has no such flag`);
    }
    expect(problems).toEqual([]);
  });

  it('every setting in the schema is in the README settings table, with its flag where it has one', () => {
    const table = section('### Settings (`deployments/settings.yaml`)');
    const documented = tableNames(table).map((n) => n.replace(/\.<[^>]+>$/, ''));
    const spec = (settingsSchema as { properties: { spec: { properties: Record<string, { properties?: Record<string, unknown> }> } } }).properties.spec.properties;
    const settings = Object.entries(spec).flatMap(([group, s]) => (s.properties ? Object.keys(s.properties).map((k) => `spec.${group}.${k}`) : [`spec.${group}`]));
    expect(missing(settings, documented), 'settings in src/settings/render-settings.schema.json but not in the README settings table').toEqual([]);
    expect(missing(documented, settings), 'settings in the README settings table but not in the schema').toEqual([]);
    const flags = [...table.matchAll(/`--([a-z-]+)`/g)].map((m) => m[1]!);
    expect(missing(Object.keys(SETTINGS_FLAGS), flags), 'settings flags not named in the README settings table').toEqual([]);
    expect(missing(flags, Object.keys(SETTINGS_FLAGS)), 'flags in the README settings table that the CLI does not have').toEqual([]);
  });
});

/**
 * The render pipeline shared by the CLI and the action:
 * discover → parse + schema → semantics → plan (pure) → apply to rendered/.
 * Every input problem is collected before anything is written; one InputError carries them all.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { makeAjv, precompiledFor } from './claims/ajv.js';
import { discoverClaimFiles } from './claims/discover.js';
import { loadClaims } from './claims/load.js';
import { semanticProblems } from './claims/semantic.js';
import type { LoadedClaim } from './claims/types.js';
import { cmp, formatProblem, InputError, type Problem, sortProblems } from './errors.js';
import { renderedOnDisk } from './io/rendered-scan.js';
import { readFileSync } from 'node:fs';
import { buildIndex, claimInputsHash, provenIndex, type RenderIndex, type RenderSelection, selectClaims, serializeIndex, sharedInputs } from './io/render-index/index.js';
import type { ClaimFile } from './claims/discover.js';
import { type ApplyResult, applyPlan, RENDERED_DIR } from './io/tree.js';
import { registryChecks } from './oci/render-checks.js';
import { dataSafety } from './safety/index.js';
import { DNS_LABEL } from './render/names.js';
import { namespaceFiles, type PlannedFile, renderPlan } from './render/plan.js';
import { CHART_DIR, resolveSettings, type SettingsOverrides } from './settings/resolve.js';
import type { RenderSettings } from './settings/types.js';

export interface PipelineOptions {
  root: string;
  /** Only these environments; all when empty. */
  envs?: readonly string[];
  overrides?: SettingsOverrides;
  env?: Record<string, string | undefined>;
  /** Ask the registries whether every image exists (missing → exit 2 at the claim line). */
  verifyImages?: boolean;
  /** Refuse to pin a chart version the registry does not hold (exit 3). */
  verifyChart?: boolean;
  /** pinDigests from the registries (default) or from this tree's rendered/ (a diff's base). */
  digestSource?: 'registry' | 'rendered';
  log?: (line: string) => void;
  /**
   * The index of a previous render, proven to match the rendered/ under `dir`: only claims whose
   * inputs differ from it are rendered; the files of the others are taken from it (src/io/render-index/).
   */
  index?: IndexSource | Promise<IndexSource | undefined>;
}

/** A previous render's index and the root whose rendered/ it was proven to match. */
export interface IndexSource {
  previous: RenderIndex;
  dir: string;
}

export interface Rendered {
  settings: RenderSettings;
  claims: LoadedClaim[];
  files: PlannedFile[];
  /** Environments in scope: their rendered/<env>/ belongs to this run. */
  envs: string[];
  /** Files under deployments/ that are neither claims nor the settings file: not read, but said. */
  ignored: string[];
  /**
   * Files of claims whose inputs match the previous index, taken from it unrendered (path →
   * claim file and blob id); `files` then holds only the re-rendered claims' files and the
   * platform's. Empty after a full render.
   */
  kept: ReadonlyMap<string, { claimFile: string; blob: string }>;
  /** The previous index this render trusted, if any. */
  previous: RenderIndex | undefined;
  /** The index of this render; undefined when it covered only some environments. */
  index: RenderIndex | undefined;
  /** Where the kept files are (the root whose rendered/ `previous` was proven to match). */
  indexDir: string | undefined;
}

/** Validates everything and computes the plan; writes nothing. Throws InputError on any problem. */
export async function buildPlan(options: PipelineOptions): Promise<Rendered> {
  const { root } = options;
  const discovery = await discoverClaimFiles(root);
  const problems: Problem[] = [...discovery.problems];
  const wanted = options.envs?.length ? new Set(options.envs) : undefined;
  const known = await environmentsInScope(root, discovery.envs);
  for (const env of wanted ?? []) {
    if (!DNS_LABEL.test(env)) problems.push({ code: 'env-name', message: `--env ${JSON.stringify(env)} is not a DNS label` });
    // A typo would otherwise render nothing and report success.
    else if (!known.includes(env)) problems.push({ code: 'env-unknown', message: `--env ${env}: there is no deployments/${env}/ (environments: ${known.join(', ') || 'none yet'})` });
  }

  const settings = await resolveSettings(root, options.overrides ?? {}, options.env ?? process.env);
  const loaded = loadClaims(discovery.files);
  problems.push(...loaded.problems);
  // Cross-claim rules see every environment, so a clash is caught whatever --env says. Claims
  // with schema problems are checked too, without their bad fields: one run, every problem.
  const checked = [...loaded.claims, ...loaded.repaired];
  problems.push(...semanticProblems(checked, settings));
  if (problems.length) {
    problems.push(...withoutEchoes(chartValuesProblems(checked, settings, await valuesValidator(root)), problems));
    throw new InputError(sortProblems(unique(problems)));
  }

  const claims = wanted ? loaded.claims.filter((c) => wanted.has(c.env)) : loaded.claims;
  const checks = await registryChecks(claims, settings, {
    root,
    env: options.env ?? process.env,
    ...pick(options, ['verifyImages', 'verifyChart', 'digestSource', 'log']),
  });
  if (checks.problems.length) throw new InputError(sortProblems(checks.problems));
  const renderSettings = checks.digests ? { ...settings, image: { ...settings.image, digests: checks.digests } } : settings;
  const inputBytes = new Map(discovery.files.map((f) => [f.path, Buffer.byteLength(f.text)]));
  const validate = await valuesValidator(root);
  const shared = sharedInputs(root, renderSettings);
  const claimHashes = claimInputHashes(discovery.files, claims);
  // The index's proof (git, in its own processes) ran while the claims were parsed and checked.
  const source = await options.index;
  const selection = wanted ? undefined : selectClaims(source?.previous, shared, claimHashes);
  const planned = (selection && partialPlan(selection, claims, renderSettings, validate, inputBytes)) ?? { ...renderPlan(claims, renderSettings, validate, { inputBytes }), partial: false };
  if (planned.problems.length) throw new InputError(sortProblems(planned.problems));
  const kept = planned.partial && selection ? selection.kept : new Map<string, { claimFile: string; blob: string }>();

  const envs = wanted ? [...wanted].sort(cmp) : known;
  const claimFileOf = new Map(claims.map((c) => [`${c.env}/${c.claim.metadata.name}`, c.source.file]));
  const owned = planned.files.map((f) => ({ path: f.path, content: f.content, claimFile: f.claim === '' ? undefined : claimFileOf.get(`${f.env}/${f.claim}`) }));
  const index = wanted ? undefined : buildIndex(shared, claimHashes, owned, kept);
  const previous = planned.partial ? source?.previous : undefined;
  return { settings, claims, files: planned.files, envs, ignored: discovery.ignored, kept, previous, index, indexDir: planned.partial ? source?.dir : undefined };
}

/**
 * The plan of only the selected claims, plus every environment's namespaces (made from all
 * claims); undefined when it has problems: the full plan then says them exactly as a full
 * render does (the per-run output cap, for one, counts the claims rendered before).
 */
function partialPlan(selection: RenderSelection, claims: readonly LoadedClaim[], settings: RenderSettings, validate: ValidateFunction, inputBytes: ReadonlyMap<string, number>) {
  const plan = renderPlan(claims.filter((c) => selection.render.has(c.source.file)), settings, validate, { inputBytes });
  if (plan.problems.length) return undefined;
  const files = [...plan.files.filter((f) => f.claim !== ''), ...namespaceFiles(claims, settings)].sort((a, b) => cmp(a.path, b.path));
  return { files, problems: [], partial: true };
}

/** Each claim file's inputs hash (its bytes and its base claim's), for the claims in scope. */
function claimInputHashes(files: readonly ClaimFile[], claims: readonly LoadedClaim[]): Map<string, string> {
  const text = new Map(files.map((f) => [f.path, f.text]));
  const out = new Map<string, string>();
  for (const { source } of claims) {
    if (out.has(source.file)) continue;
    const base = source.base === undefined ? undefined : { file: source.base, text: text.get(source.base) ?? '' };
    out.set(source.file, claimInputsHash({ file: source.file, text: text.get(source.file) ?? '', ...(base ? { base } : {}) }));
  }
  return out;
}

/**
 * Every environment a full render covers: each deployments/<env>/ folder and each
 * rendered/<env>/ folder. A removed environment stays in scope so that rendering it notices the
 * deletion (and refuses it unless deletions are allowed) instead of leaving it behind unseen.
 */
export async function listEnvironments(root: string): Promise<string[]> {
  const discovery = await discoverClaimFiles(root);
  if (discovery.problems.length) throw new InputError(sortProblems(discovery.problems));
  return environmentsInScope(root, discovery.envs);
}

async function environmentsInScope(root: string, deploymentEnvs: readonly string[]): Promise<string[]> {
  const renderedEnvs = await listDirs(path.join(root, RENDERED_DIR));
  return [...new Set([...deploymentEnvs, ...renderedEnvs])].sort(cmp);
}

export interface RenderOptions extends Omit<PipelineOptions, 'index'> {
  check?: boolean;
  /**
   * Trust the committed render index when rendered/ is proven to match it, rendering only the
   * claims whose inputs changed. Never with --check, which answers from the files themselves.
   */
  useIndex?: boolean;
  /** Leave files under rendered/ that no claim produces where they are, instead of refusing. */
  allowUnmanaged?: boolean;
}

export async function renderRepository(options: RenderOptions): Promise<ApplyResult & { rendered: Rendered }> {
  const { useIndex, ...pipeline } = options;
  const proof = useIndex && !options.check && !options.envs?.length ? provenIndex(options.root) : undefined;
  const index = proof?.then((previous) => previous && { previous, dir: options.root });
  const rendered = await buildPlan({ ...pipeline, ...(index ? { index } : {}) });
  // Data safety: what is on disk now is what the cluster was given; a change it would refuse never syncs.
  // With the index, the files of unchanged claims are the same on both sides: only the rest is compared.
  const before = rendered.previous ? replacedFiles(options.root, rendered.previous, rendered.kept) : await renderedOnDisk(options.root, rendered.envs);
  const safety = dataSafety(before, new Map(rendered.files.map((f) => [f.path, f.content])), rendered.claims);
  for (const p of safety.verdict.stale) options.log?.(`warning: ${formatProblem(p)}`);
  if (safety.verdict.renderProblems.length) throw new InputError(sortProblems(safety.verdict.renderProblems));
  const result = await applyPlan(rendered.files, {
    root: options.root,
    envs: rendered.envs,
    check: options.check ?? false,
    allowDeletions: rendered.settings.allowDeletions,
    maxDeletedApps: rendered.settings.maxDeletedApps,
    allowUnmanaged: options.allowUnmanaged ?? false,
    ...(rendered.previous ? { known: { before: [...indexedPaths(rendered.previous)], kept: rendered.kept } } : {}),
    ...(rendered.index ? { index: serializeIndex(rendered.index) } : {}),
  });
  return { ...result, rendered };
}

function indexedPaths(index: RenderIndex): string[] {
  return [...Object.values(index.claims).flatMap((e) => Object.keys(e.files)), ...Object.keys(index.platform)];
}

/** The bytes on disk of the indexed files a render replaces (those not kept), proven to be the index's. */
function replacedFiles(root: string, index: RenderIndex, kept: ReadonlyMap<string, unknown>): Map<string, string> {
  return new Map(indexedPaths(index).filter((p) => !kept.has(p)).map((p) => [p, readFileSync(path.join(root, p), 'utf8')]));
}

/** The chart's values.schema.json is the contract; a values file that breaks it never lands. */
export async function valuesValidator(root: string): Promise<ValidateFunction> {
  const file = `${CHART_DIR}/values.schema.json`;
  let schema: object;
  let text: string;
  try {
    text = await readFile(path.join(root, file), 'utf8');
    schema = JSON.parse(text) as object;
  } catch (error) {
    throw new InputError([{ file, code: 'values-schema-missing', message: `cannot read ${file}: ${(error as Error).message}` }]);
  }
  const built = precompiledFor(`sha256:${createHash('sha256').update(text).digest('hex')}`);
  // values-problems.ts reads the schema back from the validator, as Ajv's compiled ones carry it.
  if (built) return Object.assign(built, { schema });
  try {
    return makeAjv().compile(schema);
  } catch (error) {
    throw new InputError([{ file, code: 'values-schema-invalid', message: `${file} is not a valid schema: ${(error as Error).message}` }]);
  }
}

/**
 * The chart-values problems of claims that already have other problems, for the same report.
 * A claim whose other problems leave nothing sensible to render (no image owner, say) is
 * skipped: its values would only repeat what is already said.
 */
function chartValuesProblems(claims: readonly LoadedClaim[], settings: RenderSettings, validate: ValidateFunction): Problem[] {
  return claims.flatMap((claim) => {
    try {
      return renderPlan([claim], settings, validate).problems.filter((p) => p.code === 'values-schema');
    } catch {
      return [];
    }
  });
}

/** The same problem found twice (a base claim's, through two environments) is said once. */
function unique(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.file, p.line, p.col, p.code, p.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key];
  return out;
}

async function listDirs(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && DNS_LABEL.test(e.name)).map((e) => e.name);
  } catch {
    return [];
  }
}

/**
 * The chart's schema often refuses what a rule above already named: a key at that line, or an
 * app whose `values:` the policy refused (a refused `type: mongodb` also breaks the rest of the
 * app's values). One mistake, one message.
 */
function withoutEchoes(chartProblems: Problem[], said: readonly Problem[]): Problem[] {
  const lines = new Set(said.map((p) => `${p.file}:${p.line}`));
  const refusedValues = said.filter((p) => p.code.startsWith('values-') && p.field?.includes('.values')).map((p) => `${p.file}:${p.field!.slice(0, p.field!.indexOf('.values'))}`);
  return chartProblems.filter(
    (p) => !(p.line !== undefined && lines.has(`${p.file}:${p.line}`)) && !refusedValues.some((app) => `${p.file}:${p.field ?? ''}`.startsWith(app)),
  );
}

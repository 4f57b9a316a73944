/**
 * What a change does to rendered/: the render of the base commit's claims against the render
 * of the work tree's, plus (with helm) the Kubernetes objects, plus the chart-version check,
 * plus what the change did to rendered/ by hand (src/ownership/).
 */
import path from 'node:path';
import { packageChart } from '../chart/package.js';
import { cmp, InputError, type Problem } from '../errors.js';
import type { Git } from '../git/git.js';
import { massDeletion } from '../io/deletion-guard.js';
import { INDEX_PATH, provenIndex } from '../io/render-index/index.js';
import { codeownersState, expectedCodeowners } from '../io/codeowners-file.js';
import { checkRenderedChange } from '../ownership/check-change.js';
import type { PipelineOptions, Rendered } from '../pipeline.js';
import { CODEOWNERS_FILE } from '../tenancy/codeowners.js';
import { CHART_DIR } from '../settings/resolve.js';
import { baseClaimReach, changedBaseClaims } from './base-claims.js';
import { compareTrees, type FileChange } from './compare.js';
import { manifestDiff } from './manifests.js';
import { movedTags } from './moved-tags.js';
import type { DiffReport } from './markdown.js';
import { renderTree, withWorktree } from './trees.js';
import { dataSafety, type Verdict } from '../safety/index.js';
import { openTemplater } from '../helm-engine/open.js';

export interface DiffOptions extends Omit<PipelineOptions, 'root'> {
  root: string;
  git: Git;
  baseRef: string;
  manifests?: boolean;
  /** The head is the work tree as it is (the CLI), not the commit HEAD names: say so, not HEAD's id. */
  headIsWorkTree?: boolean;
  /** Unmanaged files in rendered/ that the change did not touch are listed, not refused. */
  allowUnmanaged?: boolean;
  log?: (line: string) => void;
}

export interface DiffResult {
  report: DiffReport;
  changes: FileChange[];
  /** charts/common changed without a version bump. */
  chartProblem: Problem | undefined;
  /** With a team registry: .github/CODEOWNERS is not what `infraforge codeowners` writes for the head. */
  codeownersProblem: Problem | undefined;
  /** What the change does to data components; `safety.reviewProblems` fail the diff. */
  safety: Verdict;
  /** rendered/ changed by hand, or holding files no claim produces (src/ownership/). */
  ownershipProblems: Problem[];
  baseSha: string;
}

export async function diffAgainst(options: DiffOptions): Promise<DiffResult> {
  const { git, root } = options;
  const log = options.log ?? (() => undefined);
  const baseSha = await git.resolveCommit(options.baseRef);
  const headSha = options.headIsWorkTree ? undefined : await git.headSha().catch(() => undefined);

  return withWorktree(git, baseSha, async (baseDir) => {
    // Only the base's render index is trusted (the head's is the change's own, to be judged): with
    // it, both sides render only the claims whose inputs differ from it and read the rest from
    // the base's rendered/, proven to match it. The trees are those of a full render either way.
    const previous = await provenIndex(baseDir);
    const index = previous ? { index: { previous, dir: baseDir } } : {};
    const headTree = await renderTree(root, { ...options, ...index });
    const { files: head, settings, claims } = headTree;
    const codeownersProblem = await staleCodeowners(root, headTree);
    // The base as it was rendered: its pinned digests come from its own rendered/, so a tag that
    // moved since shows up as a changed digest; the registry checks judge the head only.
    let baseKept = 0;
    const base = await renderTree(baseDir, { ...options, ...index, verifyImages: false, verifyChart: false, digestSource: 'rendered' }).then(
      (tree) => ((baseKept = tree.kept), tree.files),
      (error: unknown) => {
        if (!(error instanceof InputError)) throw error;
        log(`the base ${baseSha.slice(0, 12)} does not render (${error.problems.length} problem(s)); comparing against an empty tree`);
        return new Map<string, string>();
      },
    );
    if (previous) log(`the base's render index: head took ${headTree.kept} and base ${baseKept} of their files from it; only claims whose inputs differ were rendered`);
    const changes = compareTrees(base, head);
    // The head's index is a rendered file like the others: the change may carry it only as the render writes it.
    const owned = headTree.index === undefined ? head : new Map([...head, [INDEX_PATH, headTree.index]]);
    const ownership = await checkRenderedChange(baseDir, root, owned, options.allowUnmanaged === true);
    // What the render after the merge will meet: the head's threshold, on the whole tree.
    const mass = massDeletion([...base.keys()], [...head.keys()], settings.maxDeletedApps);
    const safety = dataSafety(base, head, claims);
    const report: DiffReport = {
      changes,
      baseSha,
      ...(headSha ? { headSha } : {}),
      ...(mass ? { massDeletion: mass } : {}),
      ...(safety.markdown ? { dataSafety: safety.markdown } : {}),
      ...(ownership.problems.length ? { handEdits: ownership.problems } : {}),
      ...(ownership.unmanaged.length ? { unmanaged: ownership.unmanaged } : {}),
    };
    const bases = await changedBaseClaims(baseDir, root);
    if (bases.length) report.baseClaims = baseClaimReach(bases, [base, head], changes);
    const moved = movedTags(base, head);
    if (moved.length) report.extra = [{ title: 'Image tags that now point at a different image', body: `${moved.join('\n')}\n` }];
    const charts = await chartPackages(path.join(baseDir, CHART_DIR), path.join(root, CHART_DIR));
    const units = unitsToTemplate(changes, base, head, charts !== undefined && charts.base.contentDigest !== charts.head.contentDigest);
    const templater = options.manifests !== false && units.length ? await openTemplater(options.env ?? process.env) : undefined;
    if (templater) {
      log(`templating ${units.length} changed unit(s) with ${templater.name}`);
      report.objects = await manifestDiff(units, { chartDir: path.join(baseDir, CHART_DIR), files: base }, { chartDir: path.join(root, CHART_DIR), files: head }, templater).finally(() => templater.close());
    }
    const chartProblem = chartBumpProblem(charts);
    return { report, changes, chartProblem, codeownersProblem, safety: safety.verdict, ownershipProblems: ownership.problems, baseSha };
  });
}

/** Who owns which claim is part of the change: a pull request must carry CODEOWNERS as the registry makes it. */
async function staleCodeowners(root: string, head: Pick<Rendered, 'settings' | 'claims'>): Promise<Problem | undefined> {
  const expected = expectedCodeowners(head);
  if (expected === undefined) return undefined;
  const state = await codeownersState(root, expected);
  if (state === 'up to date') return undefined;
  return { file: CODEOWNERS_FILE, code: 'codeowners-stale', message: `${state}: run \`infraforge codeowners\` and commit it (each claim file is reviewed by its team's owners, deployments/settings.yaml and the rest by the platform's)` };
}

/**
 * The units whose objects to template: those whose values changed — and, when charts/common
 * changed, every unit on either side, since a template or a chart version changes the objects
 * of units whose values did not.
 */
function unitsToTemplate(changes: FileChange[], base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>, chartChanged: boolean): FileChange[] {
  if (!chartChanged) return changes.filter((c) => c.unit);
  const changed = new Map(changes.map((c) => [c.path, c]));
  const paths = [...new Set([...base.keys(), ...head.keys()])].filter((p) => VALUES_FILE.test(p)).sort(cmp);
  return paths.map((p) => {
    const [, env = '', claim = '', unit] = p.split('/');
    return changed.get(p) ?? { path: p, kind: 'changed', env, claim, unit, unitType: undefined, added: 0, removed: 0, patch: '' };
  });
}

const VALUES_FILE = /^rendered\/[^/]+\/[^/]+\/[^/]+\/values\.yaml$/;

type Packaged = Awaited<ReturnType<typeof packageChart>>;

interface ChartPackages {
  base: Packaged;
  head: Packaged;
}

/** Both sides' chart as packaged (content digest, Chart.yaml); undefined without a (valid) chart at the base: nothing to compare. */
async function chartPackages(baseChart: string, headChart: string): Promise<ChartPackages | undefined> {
  const base = await packageChart(baseChart, CHART_DIR).catch(() => undefined);
  return base && { base, head: await packageChart(headChart, CHART_DIR) };
}

/** The chart-releaser classic: chart content changed, version did not. */
function chartBumpProblem(charts: ChartPackages | undefined): Problem | undefined {
  if (!charts) return undefined;
  const { base, head } = charts;
  if (base.contentDigest === head.contentDigest || base.meta.version !== head.meta.version) return undefined;
  return {
    file: `${CHART_DIR}/Chart.yaml`,
    code: 'chart-version-not-bumped',
    message: `${CHART_DIR} changed but its version is still ${head.meta.version}; bump version in Chart.yaml (a published version is immutable)`,
  };
}

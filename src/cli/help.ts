/**
 * What each command says about itself: its usage, description and flags with their defaults.
 * Kept apart from the commands so `infraforge --help` (and the README agreement test) can read
 * every command's help without loading the code behind it.
 */
import { type CommandHelp, type FlagSet, REGISTRY_FLAGS, ROOT_FLAG, SETTINGS_FLAGS } from './options.js';

export const RENDER_HELP: CommandHelp = {
  name: 'render',
  summary: 'render deployments/ into rendered/',
  description: `Validates every claim under deployments/<env>/ and writes the Helm values, ApplicationSet and
AppProject of each into rendered/<env>/<claim>/. Only files whose bytes change are written; files of
removed claims and apps are deleted. rendered/ belongs to the renderer: a file there that no claim
produces and that infraforge did not write stops the run (exit 2, naming it) unless
--allow-unmanaged. A data component's change that the API server or its operator would refuse
(compared with rendered/ as it is) is invalid input. Exit 0 when done, 1 when --check finds
rendered/ out of date, 2 on invalid input (then nothing is written), 3 on any other failure.
A render of every environment also writes rendered/.infraforge/index.json, the render index: while
git proves rendered/ matches it, the next render plans and writes only the claims whose inputs
changed (README: "A change costs what it changes").`,
  flags: {
    ...ROOT_FLAG,
    env: { type: 'string', multiple: true, arg: 'ENV', help: 'render only this environment (a folder under deployments/)', default: 'every environment' },
    check: { type: 'boolean', help: 'write nothing; exit 1 when rendered/ is out of date (never answered from the cache)', default: 'off' },
    json: { type: 'boolean', help: 'print one JSON object: written, deleted, unchanged, unmanaged, upToDate, cached, indexWritten, fromIndex', default: 'off' },
    'allow-unmanaged': { type: 'boolean', help: 'leave files under rendered/ that no claim produces and infraforge did not write, listing them, instead of refusing (never one Argo CD applies)', default: 'off' },
    'allow-deletions': { type: 'boolean', help: 'allow removing a whole environment or more apps than spec.deletion.maxDeletedApps', default: 'off' },
    'no-cache': { type: 'boolean', help: 'always do the full run: never answer a no-op from the cache in .git/, nor take files from the render index', default: 'off' },
    ...SETTINGS_FLAGS,
    ...REGISTRY_FLAGS,
  },
};

export const VALIDATE_HELP: CommandHelp = {
  name: 'validate',
  summary: 'check every claim and the settings; write nothing',
  description: `Reads deployments/ and charts/common like render does and reports every problem as
path:line:col: message, without writing anything. With a team registry it also checks that
.github/CODEOWNERS is what infraforge codeowners writes. Exit 0 when valid, 1 when only
.github/CODEOWNERS is out of date, 2 when invalid.`,
  flags: { ...ROOT_FLAG, json: { type: 'boolean', help: 'print one JSON object: valid, problems, claims, codeowners', default: 'off' }, ...SETTINGS_FLAGS, ...REGISTRY_FLAGS },
};

export const DIFF_HELP: CommandHelp = {
  name: 'diff',
  summary: 'show what the work tree changes in rendered/ against a base commit',
  description: `Renders the base commit (in a temporary git worktree) and the work tree as it is, and prints
the difference in rendered/; with helm on PATH, markdown output also diffs the Kubernetes objects
(Secret values shown only as "changed (N bytes)"). Writes nothing. Exit 2 when the claims are
invalid, the base is not a commit here (diff never fetches), charts/common changed without a
version bump; the change edited rendered/ by hand: a file it added, edited or deleted there
that does not match the render of its claims, or a file no claim produces (see --allow-unmanaged);
or a data component's change would be refused after the merge or loses data without an
acknowledgement in its claim (README: Data safety).`,
  flags: {
    ...ROOT_FLAG,
    base: { type: 'string', arg: 'GIT-REF', help: 'the commit, branch or tag to compare with (must exist locally)', default: 'HEAD' },
    format: { type: 'string', arg: 'markdown|comment|unified', help: 'markdown with a summary (all of it), the pull request comment the action posts (cut to 65,536 characters), or a unified diff', default: 'markdown' },
    'no-manifests': { type: 'boolean', help: 'skip the helm template diff of Kubernetes objects', default: 'off' },
    'allow-unmanaged': { type: 'boolean', help: 'as render --allow-unmanaged: files no claim produces that the change did not touch are listed, not refused', default: 'off' },
    ...SETTINGS_FLAGS,
    ...REGISTRY_FLAGS,
  },
};

export const ENVIRONMENTS_HELP: CommandHelp = {
  name: 'environments',
  summary: 'list the environments a full render covers',
  description: `Prints each environment a full render covers, one a line: every deployments/<env>/ folder and
every rendered/<env>/ folder (a removed environment stays listed, so rendering it notices the
deletion). The render workflow's matrix is this list. Exit 2 when a folder is not a DNS label.`,
  flags: { ...ROOT_FLAG, json: { type: 'boolean', help: 'print a JSON array', default: 'off' } },
};

export const CODEOWNERS_HELP: CommandHelp = {
  name: 'codeowners',
  summary: 'write .github/CODEOWNERS from the team registry',
  description: `Validates the repository like validate does, then writes .github/CODEOWNERS from spec.tenancy of
deployments/settings.yaml: each claim file is owned by its team's owners; new claim files, the
settings file, charts/, rendered/, infrastructure/ and .github/ by the platform's. The same registry
and claims always give the same bytes. Refuses to replace a CODEOWNERS it did not generate. Exit 0
when done, 1 when --check finds the file out of date, 2 on invalid input or without a registry.`,
  flags: {
    ...ROOT_FLAG,
    check: { type: 'boolean', help: 'write nothing; exit 1 when .github/CODEOWNERS is out of date', default: 'off' },
    json: { type: 'boolean', help: 'print one JSON object: file, upToDate, written', default: 'off' },
  },
};

const CHART_FLAG: FlagSet = { chart: { type: 'string', arg: 'DIR', help: 'the chart to work on', default: 'charts/common' } };
const JSON_FLAG: FlagSet = { json: { type: 'boolean', help: 'print one JSON object', default: 'off' } };

export const PACKAGE_HELP: CommandHelp = {
  name: 'chart package',
  summary: 'pack the chart into a byte-deterministic .tgz',
  description: `Checks Chart.yaml and values.schema.json and writes <name>-<version>.tgz: the same chart gives
the same bytes (and sha256) on any machine, any day. Prints the path it wrote and the digest.`,
  flags: {
    ...CHART_FLAG,
    out: { type: 'string', arg: 'DIR', help: 'where to write the .tgz', default: 'a new temporary directory (outside the repository; the path is printed)' },
    ...JSON_FLAG,
  },
};

export const PUBLISH_HELP: CommandHelp = {
  name: 'chart publish',
  summary: 'push the chart to an OCI registry when its version is new',
  description: `Gates on Chart.yaml, values.schema.json and helm lint --strict, then pushes the package to the
registry (tag: the version with + as _). The same content again is a no-op; different content under
a published version is refused (exit 2). Credentials: INFRAFORGE_REGISTRY_USERNAME and
INFRAFORGE_REGISTRY_PASSWORD (or GITHUB_TOKEN).`,
  flags: {
    ...CHART_FLAG,
    registry: { type: 'string', arg: 'oci://HOST/PATH', help: 'where to publish', default: 'spec.chart.repository in deployments/settings.yaml, else oci://ghcr.io/<owner>/charts' },
    'plain-http': { type: 'boolean', help: 'talk to the registry over http (a local test registry)', default: 'off (https)' },
    'dry-run': { type: 'boolean', help: 'run every check and report, push nothing', default: 'off' },
    ...JSON_FLAG,
  },
};

export const CHART_HELP: CommandHelp = {
  name: 'chart',
  summary: 'package or publish charts/common',
  description: `infraforge chart package   ${PACKAGE_HELP.summary}
infraforge chart publish   ${PUBLISH_HELP.summary}

Run infraforge chart package --help or infraforge chart publish --help for their flags.`,
  flags: {},
};

/** Every command's help, in the order the overview lists them. */
export const ALL_HELP: readonly CommandHelp[] = [RENDER_HELP, VALIDATE_HELP, DIFF_HELP, ENVIRONMENTS_HELP, CODEOWNERS_HELP, PACKAGE_HELP, PUBLISH_HELP];

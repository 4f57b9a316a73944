/**
 * What a render asks the registries, before anything is rendered:
 * - `--verify-images`: every image it would deploy exists (a missing tag or repository is a
 *   problem at the claim field that names the image: exit 2);
 * - `spec.image.pinDigests`: the digest each application tag points at now (or, for the base
 *   side of a diff, the digest its rendered values already carry);
 * - `--verify-chart`: the chart version the ApplicationSets will pin is published (exit 3 when
 *   not: the claims are fine, the registry is not ready — run publish-chart first).
 * A registry that cannot be reached or refuses us is exit 3 with the registry named.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { chartFieldPosition } from '../chart/chart-yaml.js';
import { chartPublished, ociTarget } from '../chart/oci.js';
import type { LoadedClaim } from '../claims/types.js';
import { InfraError, type Problem } from '../errors.js';
import { deployedImages } from '../render/images.js';
import { CHART_DIR } from '../settings/resolve.js';
import type { RenderSettings } from '../settings/types.js';
import { mapLimit } from '../io/concurrency.js';
import { nonRootRefusal } from './image-user.js';
import { credentialsForHosts, IMAGE_CONCURRENCY, ImageRegistry } from './images.js';
import { imageLocation, isLoopbackHost } from './reference.js';

export interface RegistryCheckOptions {
  root: string;
  verifyImages?: boolean;
  verifyChart?: boolean;
  /** Where pinned digests come from: the registries (default) or the tree's rendered/ (a diff's base). */
  digestSource?: 'registry' | 'rendered';
  env: Record<string, string | undefined>;
  log?: (line: string) => void;
}

export interface RegistryCheckResult {
  problems: Problem[];
  /** `repository:tag` → digest, when spec.image.pinDigests is on. */
  digests?: Map<string, string>;
}

export async function registryChecks(claims: readonly LoadedClaim[], settings: RenderSettings, options: RegistryCheckOptions): Promise<RegistryCheckResult> {
  const chartHost = /^oci:\/\/([^/]+)/.exec(settings.chart.repository)?.[1] ?? '';
  const credentialsFor = credentialsForHosts([settings.image.registry, chartHost], options.env);
  if (options.verifyChart) await requirePublishedChart(settings, options, credentialsFor);

  const pin = settings.image.pinDigests === true;
  if (!options.verifyImages && !pin) return { problems: [] };
  const images = deployedImages(claims, settings);
  if (pin && options.digestSource === 'rendered') return { problems: [], digests: await recordedDigests(options.root, images) };

  const asked = options.verifyImages ? images : images.filter((i) => i.pinnable);
  const registry = new ImageRegistry({ credentialsFor, ...(options.log ? { log: options.log } : {}) });
  const answers = await registry.lookupAll(asked);
  options.log?.(`asked ${new Set(asked.map((i) => imageLocation(i.repository).host)).size} registr(ies) about ${answers.size} distinct image(s)`);
  const problems: Problem[] = [];
  const digests = new Map<string, string>();
  for (const image of asked) {
    const answer = answers.get(`${image.repository}:${image.reference}`)!;
    if (answer.found) {
      if (pin && image.pinnable) digests.set(`${image.repository}:${image.tag}`, answer.digest);
      continue;
    }
    const { host, repository } = imageLocation(image.repository);
    const what = answer.missing === 'repository' ? `has no repository ${repository}` : `has no ${image.reference.startsWith('sha256:') ? 'manifest' : 'tag'} ${image.reference} in ${repository}`;
    problems.push({ file: image.file, ...image.at, code: 'image-missing', message: `image ${image.repository}:${image.reference} does not exist: registry ${host} ${what}`, field: image.field });
  }
  if (options.verifyImages) problems.push(...(await userProblems(asked.filter((i) => i.userFromImage && answers.get(`${i.repository}:${i.reference}`)?.found), registry)));
  return pin ? { problems, digests } : { problems };
}

/** Images that keep their own USER (no numeric runAsUser rendered) must not be root or a name. */
async function userProblems(images: ReturnType<typeof deployedImages>, registry: ImageRegistry): Promise<Problem[]> {
  const users = await mapLimit(images, IMAGE_CONCURRENCY, (i) => registry.user(i.repository, i.reference));
  const problems: Problem[] = [];
  images.forEach((image, n) => {
    const user = users[n];
    const why = user === undefined ? undefined : nonRootRefusal(user);
    if (!why) return;
    problems.push({
      file: image.file,
      ...image.at,
      code: 'image-user-root',
      message: `image ${image.repository}:${image.reference} would not start: ${why}; set securityContext.runAsUser on this application (or spec.security.runAsUser in settings) to a numeric UID`,
      field: image.field,
    });
  });
  return problems;
}

async function requirePublishedChart(settings: RenderSettings, options: RegistryCheckOptions, credentialsFor: ReturnType<typeof credentialsForHosts>): Promise<void> {
  const { name, version, repository } = settings.chart;
  const host = /^oci:\/\/([^/]+)/.exec(repository)?.[1] ?? '';
  const target = ociTarget(repository, name, version, isLoopbackHost(host));
  if (await chartPublished(target, credentialsFor(target.host), options.log ?? (() => {}))) {
    options.log?.(`chart ${target.display} is published`);
    return;
  }
  const file = `${CHART_DIR}/Chart.yaml`;
  const at = chartFieldPosition(file, await readFile(path.join(options.root, file), 'utf8').catch(() => ''), 'version');
  throw new InfraError(`${file}:${at.line}:${at.col}: chart ${target.display} is not published yet; ApplicationSets must not pin a version the registry lacks: publish it first (publish-chart / infraforge chart publish)`);
}

/** The digests the tree's rendered values already carry (best effort: unreadable = unpinned). */
async function recordedDigests(root: string, images: ReturnType<typeof deployedImages>): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  for (const image of images.filter((i) => i.pinnable)) {
    const text = await readFile(path.join(root, image.valuesPath), 'utf8').catch(() => undefined);
    if (!text) continue;
    try {
      const values = parse(text, { maxAliasCount: 0 }) as { image?: { repository?: unknown; tag?: unknown; digest?: unknown } } | null;
      const v = values?.image;
      if (v && v.repository === image.repository && v.tag === image.tag && typeof v.digest === 'string') digests.set(`${image.repository}:${image.tag}`, v.digest);
    } catch {
      // a rendered file we cannot read pins nothing
    }
  }
  return digests;
}

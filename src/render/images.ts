/**
 * Every image a render would deploy, with the claim field it came from: what
 * `--verify-images` asks the registries about and what `spec.image.pinDigests` resolves.
 * Pure: claims and settings in, a list out; the same rules as the values (values.ts).
 */
import type { LoadedClaim } from '../claims/types.js';
import type { Position } from '../claims/source.js';
import type { RenderSettings } from '../settings/types.js';
import { valuesPath } from './argocd.js';
import { DEFAULT_POSTGRES_VERSION, DEFAULT_REDIS_VERSION, POSTGRES_IMAGE, REDIS_IMAGE } from './component-values.js';
import { runAs } from './security.js';
import { imageRepository, parseImage } from './values.js';

export interface DeployedImage {
  repository: string;
  /** Tag, or the claim's digest when it pins one (then the digest is what gets checked). */
  reference: string;
  tag: string | undefined;
  /** Only application images without a digest of their own are pinned. */
  pinnable: boolean;
  /** No numeric UID is rendered for it (settings runAsUser: image): its own USER must be non-root and numeric. */
  userFromImage: boolean;
  /** The values file the image lands in. */
  valuesPath: string;
  file: string;
  at: Position;
  field: string;
}

export function deployedImages(claims: readonly LoadedClaim[], settings: RenderSettings): DeployedImage[] {
  const out: DeployedImage[] = [];
  for (const { claim, source } of claims) {
    claim.spec.applications.forEach((app, i) => {
      if (app.enabled === false) return;
      const repository = imageRepository(app, settings);
      if (!repository) return;
      const image = app.image === undefined ? undefined : parseImage(app.image);
      const tag = image?.tag ?? app.version;
      const reference = image?.digest ?? tag;
      if (!reference) return;
      const key = app.image !== undefined ? 'image' : 'version';
      out.push({ repository, reference, tag, pinnable: !image?.digest && tag !== undefined, userFromImage: runAs(app, settings).runAsUser === undefined, valuesPath: valuesPath(claim.spec.environment, claim.metadata.name, app.name), file: source.file, at: source.locate(['spec', 'applications', i, key], 'value'), field: `spec.applications[${i}].${key}` });
    });
    (claim.spec.components ?? []).forEach((component, i) => {
      if (component.enabled === false) return;
      const repository = component.type === 'postgresql' ? POSTGRES_IMAGE : component.type === 'redis' ? REDIS_IMAGE : undefined;
      if (!repository) return; // the other operators choose their own images
      const tag = component.version ?? (component.type === 'postgresql' ? DEFAULT_POSTGRES_VERSION : DEFAULT_REDIS_VERSION);
      const key = component.version !== undefined ? 'version' : 'type';
      out.push({ repository, reference: tag, tag, pinnable: false, userFromImage: false, valuesPath: valuesPath(claim.spec.environment, claim.metadata.name, component.name), file: source.file, at: source.locate(['spec', 'components', i, key], 'value'), field: `spec.components[${i}].${key}` });
    });
  }
  return out;
}

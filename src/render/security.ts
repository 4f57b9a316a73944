/**
 * Which user an application container runs as. The chart always sets runAsNonRoot, and the
 * kubelet can check that only against a numeric UID: an image whose USER is root or a name
 * (most public images) is refused at start with CreateContainerConfigError. So a numeric UID
 * is rendered by default (65532, distroless' nonroot, owning nothing in most images, which is
 * what a read-only root filesystem wants); a claim sets the image's own UID where it needs it,
 * and settings may choose `runAsUser: image` (then --verify-images checks the image's USER).
 */
import type { ApplicationSpec } from '../claims/types.js';
import type { RenderSettings } from '../settings/types.js';

export const DEFAULT_RUN_AS = 65532;

export interface RunAs {
  runAsUser?: number;
  runAsGroup?: number;
}

export function runAs(app: ApplicationSpec, settings: RenderSettings): RunAs {
  const configured = settings.security?.runAsUser ?? DEFAULT_RUN_AS;
  const user = app.securityContext?.runAsUser ?? (configured === 'image' ? undefined : configured);
  const group = app.securityContext?.runAsGroup ?? settings.security?.runAsGroup ?? (configured === 'image' ? undefined : DEFAULT_RUN_AS);
  const out: RunAs = {};
  if (user !== undefined) out.runAsUser = user;
  if (group !== undefined) out.runAsGroup = group;
  return out;
}

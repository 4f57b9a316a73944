import type { ProfileOverride } from '../render/profiles.js';
import type { Tenancy } from './tenancy.js';

/** Everything the pure renderer needs besides the claims; resolved once per run. */
export interface RenderSettings {
  /** https URL Argo CD reads rendered values from. */
  gitRepoURL: string;
  /** Branch, tag or HEAD that Argo CD tracks. */
  targetRevision: string;
  chart: {
    /** `oci://host/path` where the common chart is published. */
    repository: string;
    name: string;
    version: string;
  };
  image: {
    registry: string;
    owner: string | undefined;
    /** spec.image.pinDigests: render `image.digest` for every application image. */
    pinDigests?: boolean;
    /**
     * Digests resolved from the registries for this run, keyed `repository:tag`; the pure
     * renderer pins an application's image to the digest it finds here.
     */
    digests?: ReadonlyMap<string, string>;
  };
  argocd: {
    namespace: string;
    server: string;
    /** Names listed in deployments/settings.yaml as owned by something else; absent when none. */
    reserved?: { applications: ReservedName[]; projects: ReservedName[] };
  };
  /** spec.security: the UID/GID application containers run as by default (security.ts). */
  security?: { runAsUser?: number | 'image'; runAsGroup?: number };
  /** A render that removes more apps than this is refused unless allowDeletions. */
  maxDeletedApps: number;
  allowDeletions: boolean;
  profiles: Record<string, ProfileOverride>;
  /** spec.tenancy: the team registry; absent means none (strict defaults, nothing reserved by settings). */
  tenancy?: Tenancy;
  /** spec.externalSecrets: present when the platform enables an app's `secrets`. */
  externalSecrets?: ExternalSecretsSettings;
}

export interface ExternalSecretsSettings {
  store: string;
  kind: 'ClusterSecretStore' | 'SecretStore';
  refreshInterval: string;
  /** Put before every remote key; `{team}` is the claim's team as a DNS label. */
  keyPrefix: string;
}

/** A name a claim may not take, and where it was reserved (`deployments/settings.yaml:12:9`). */
export interface ReservedName {
  name: string;
  where: string;
}

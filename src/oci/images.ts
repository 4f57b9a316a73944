/**
 * Asking registries about images: does `repo:tag` exist, and which digest does it point at.
 * One client per registry host (so tokens are shared), one request per distinct image, at
 * most IMAGE_CONCURRENCY in flight, every answer cached for the run.
 *
 * Credentials are sent only to the hosts they are for (the settings' image registry and the
 * chart registry); any other registry is asked anonymously, so a GitHub token never reaches
 * Docker Hub.
 */
import { mapLimit } from '../io/concurrency.js';
import { type Credentials, RegistryClient } from './client.js';
import { imageUser } from './image-user.js';
import { imageLocation, isLoopbackHost } from './reference.js';

export const IMAGE_CONCURRENCY = 8;

export type ImageAnswer = { found: true; digest: string } | { found: false; missing: 'repository' | 'tag' };

export interface ImageRegistryOptions {
  /** Credentials for a host, or undefined for anonymous. */
  credentialsFor: (host: string) => Credentials | undefined;
  log?: (line: string) => void;
}

export class ImageRegistry {
  private readonly clients = new Map<string, RegistryClient>();
  private readonly answers = new Map<string, Promise<ImageAnswer>>();
  private readonly users = new Map<string, Promise<string | undefined>>();

  constructor(private readonly options: ImageRegistryOptions) {}

  /** `repository` as written in values (`ghcr.io/acme/api`), `reference` a tag or a digest. */
  lookup(repository: string, reference: string): Promise<ImageAnswer> {
    const key = `${repository}:${reference}`;
    let answer = this.answers.get(key);
    if (!answer) {
      const { host, repository: path } = imageLocation(repository);
      answer = this.client(host).resolve(path, reference);
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** Looks up every distinct image once, IMAGE_CONCURRENCY at a time. */
  async lookupAll(images: readonly { repository: string; reference: string }[]): Promise<Map<string, ImageAnswer>> {
    const distinct = [...new Map(images.map((i) => [`${i.repository}:${i.reference}`, i])).values()];
    const answers = await mapLimit(distinct, IMAGE_CONCURRENCY, (i) => this.lookup(i.repository, i.reference));
    return new Map(distinct.map((i, n) => [`${i.repository}:${i.reference}`, answers[n]!]));
  }

  /** The image's config User (see image-user.ts); cached like every answer. */
  user(repository: string, reference: string): Promise<string | undefined> {
    const key = `user:${repository}:${reference}`;
    let answer = this.users.get(key);
    if (!answer) {
      const { host, repository: path } = imageLocation(repository);
      answer = imageUser(this.client(host), path, reference);
      this.users.set(key, answer);
    }
    return answer;
  }

  private client(host: string): RegistryClient {
    let client = this.clients.get(host);
    if (!client) {
      client = new RegistryClient({ host, plainHttp: isLoopbackHost(host), credentials: this.options.credentialsFor(host), log: this.options.log });
      this.clients.set(host, client);
    }
    return client;
  }
}

/**
 * The credentials a run has (INFRAFORGE_REGISTRY_USERNAME/PASSWORD, else the workflow's
 * GITHUB_TOKEN) for the hosts they belong to.
 */
export function credentialsForHosts(hosts: readonly string[], env: Record<string, string | undefined>): (host: string) => Credentials | undefined {
  const credentials = registryCredentials(env);
  if (!credentials) return () => undefined;
  const allowed = new Set(hosts);
  return (host) => (allowed.has(host) ? credentials : undefined);
}

/** INFRAFORGE_REGISTRY_USERNAME/PASSWORD, else the workflow's GITHUB_TOKEN as GITHUB_ACTOR. */
export function registryCredentials(env: Record<string, string | undefined>): Credentials | undefined {
  const password = env.INFRAFORGE_REGISTRY_PASSWORD ?? env.GITHUB_TOKEN;
  return password ? { username: env.INFRAFORGE_REGISTRY_USERNAME ?? env.GITHUB_ACTOR ?? 'x-access-token', password } : undefined;
}

/**
 * Where an image reference lives, as a container runtime reads it: `redis` is
 * `docker.io/library/redis`, a first component with a `.` or `:` (or `localhost`) is a host,
 * and Docker Hub's API is served from `registry-1.docker.io`.
 */

export interface ImageLocation {
  /** Host to talk to (`registry-1.docker.io` for Docker Hub). */
  host: string;
  /** Repository inside the registry (`library/redis`). */
  repository: string;
}

export function imageLocation(repository: string): ImageLocation {
  const slash = repository.indexOf('/');
  const first = slash < 0 ? '' : repository.slice(0, slash);
  const hasHost = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
  const host = hasHost ? first : 'docker.io';
  let path = hasHost ? repository.slice(slash + 1) : repository;
  if (host === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return { host: host === 'docker.io' || host === 'index.docker.io' ? 'registry-1.docker.io' : host, repository: path };
}

/** Loopback registries speak plain HTTP (as Docker treats 127.0.0.0/8 as insecure by default). */
export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '');
  return name === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(name) || name === '[::1]';
}

/**
 * The registry client against behaviour hosted registries have and a loopback
 * docker-registry lacks: Basic auth, blob redirects to another origin, 429/503 with
 * Retry-After — via a small front (test/support/registry-front.ts) over the real registry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/oci/client.js';
import { ImageRegistry } from '../../src/oci/images.js';
import { pushImage } from '../support/images.js';
import { FRONT_USER, type RegistryFront, startRegistryFront } from '../support/registry-front.js';
import { REGISTRY_BIN, type Registry, startRegistry } from '../support/registry.js';


describe.skipIf(!REGISTRY_BIN)('the OCI client against registry behaviour', () => {
  let registry: Registry;
  let front: RegistryFront;
  let digest: string;
  beforeAll(async () => {
    registry = await startRegistry();
    front = await startRegistryFront(registry.url);
    digest = await pushImage(front.host, 'acme/api', '1.0', 'api 1.0', FRONT_USER);
    await pushImage(front.host, 'acme/web', '2.0', 'web 2.0', FRONT_USER);
  });
  afterAll(async () => {
    await front?.stop();
    await registry?.stop();
  });
  const client = (log?: (l: string) => void, maxRetries?: number) =>
    new RegistryClient({ host: front.host, plainHttp: true, credentials: FRONT_USER, ...(log ? { log } : {}), ...(maxRetries !== undefined ? { maxRetries } : {}) });

  it('follows a blob redirect to another origin without sending Authorization there', async () => {
    const c = client();
    const manifest = await c.getManifest('acme/api', '1.0');
    const layer = (JSON.parse(manifest!.bytes.toString('utf8')) as { layers: { digest: string }[] }).layers[0]!;
    front.storageAuth.length = 0;
    const blob = await c.getBlob('acme/api', layer.digest);
    expect(blob.length).toBeGreaterThan(20);
    expect(front.storageAuth).toEqual([]);
    expect(front.seen.some((s) => s.path.includes(`/blobs/${layer.digest}`) && s.auth)).toBe(true);
  });

  it('waits as Retry-After says on 429, then succeeds', async () => {
    front.throttle.push({ status: 429, retryAfter: '1' });
    const log: string[] = [];
    const started = Date.now();
    const answer = await client((l) => log.push(l)).resolve('acme/api', '1.0');
    expect(answer).toEqual({ found: true, digest });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(log.join('\n')).toMatch(/answered 429; retrying in 1\.0 s \(retry 1 of 4\)/);
  });

  it('gives up on 503 after a bounded number of retries: exit-3 error naming the registry', async () => {
    for (let i = 0; i < 5; i++) front.throttle.push({ status: 503, retryAfter: '0' });
    await expect(client(undefined, 2).resolve('acme/api', '1.0')).rejects.toThrow(`registry ${front.host} refused to read manifest acme/api:1.0: HTTP 503`);
    front.throttle.length = 0;
  });

  it('asks once per distinct image, whatever the number of claims naming it', async () => {
    const images = new ImageRegistry({ credentialsFor: (host) => (host === front.host ? FRONT_USER : undefined) });
    front.seen.length = 0;
    const refs = ['api:1.0', 'web:2.0', 'api:1.0', 'api:1.0', 'web:2.0', 'api:9.9'].map((r) => ({ repository: `${front.host}/acme/${r.split(':')[0]}`, reference: r.split(':')[1]! }));
    const answers = await images.lookupAll(refs);
    expect(answers.size).toBe(3);
    expect(answers.get(`${front.host}/acme/api:9.9`)).toEqual({ found: false, missing: 'tag' });
    const manifestGets = front.seen.filter((s) => s.method === 'GET' && s.path.includes('/manifests/') && s.auth);
    expect(manifestGets.map((s) => s.path).sort()).toEqual(['/v2/acme/api/manifests/1.0', '/v2/acme/api/manifests/9.9', '/v2/acme/web/manifests/2.0']);
    // Cached for the run: asking again costs nothing.
    await images.lookupAll(refs);
    expect(front.seen.filter((s) => s.path.includes('/manifests/') && s.auth).length).toBe(3);
  });
});

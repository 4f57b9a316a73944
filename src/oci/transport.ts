/**
 * HTTP to one registry: redirects followed by hand so that Authorization never leaves the
 * registry's origin (GHCR and Docker Hub redirect blob downloads to storage hosts), and 429/503
 * retried as Retry-After says, a bounded number of times with a cap on each wait. Nothing else
 * is retried: a registry that cannot be reached fails at once, naming the host.
 */
import { InfraError } from '../errors.js';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
export const REQUEST_TIMEOUT_MS = 60_000;

export interface SendOptions {
  headers?: Record<string, string>;
  body?: Buffer;
}

export interface TransportOptions {
  /** `host[:port]` */
  host: string;
  /** `https://host[:port]` (or http for loopback registries). */
  origin: string;
  log: (line: string) => void;
  /** Retries of a 429/503 answer. */
  maxRetries: number;
  /** Cap on any one wait before a retry. */
  maxRetryDelayMs: number;
}

export class Transport {
  constructor(private readonly options: TransportOptions) {}

  /** Follows redirects by hand: Authorization goes only to this registry's own origin. */
  async follow(method: string, url: string, authorization: string | undefined, options: SendOptions): Promise<Response> {
    let current = url;
    let currentMethod = method;
    let body = options.body;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const sameOrigin = new URL(current).origin === this.options.origin;
      const headers = { ...options.headers, ...(authorization && sameOrigin ? { authorization } : {}) };
      const target = current;
      const res = await this.retrying(this.options.host, () =>
        fetch(target, { method: currentMethod, headers, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), ...(body ? { body: new Uint8Array(body) } : {}) }),
      );
      const location = res.headers.get('location');
      if (!REDIRECTS.has(res.status) || !location) return res;
      await res.body?.cancel();
      current = new URL(location, current).toString();
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && currentMethod === 'POST')) {
        currentMethod = 'GET';
        body = undefined;
      }
    }
    throw new InfraError(`registry ${this.options.host}: more than ${MAX_REDIRECTS} redirects for ${method} ${url}`);
  }

  /** 429/503 are the registry asking us to wait: do, within bounds. Transport errors are not retried. */
  async retrying(host: string, send: () => Promise<Response>): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await send();
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new InfraError(`registry ${host} is unreachable: ${cause?.code ?? cause?.message ?? (error as Error).message}`, { cause: error });
      }
      if ((res.status !== 429 && res.status !== 503) || attempt >= this.options.maxRetries) return res;
      const wait = Math.min(retryAfterMs(res.headers.get('retry-after')) ?? 500 * 2 ** attempt, this.options.maxRetryDelayMs);
      await res.body?.cancel();
      this.options.log(`registry ${host} answered ${res.status}; retrying in ${(wait / 1000).toFixed(1)} s (retry ${attempt + 1} of ${this.options.maxRetries})`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Polling, never fixed sleeps: readiness probes for the servers and a generic waitFor. */
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** What is awaited, for the timeout message. */
  what?: string;
}

export interface PollOptions extends WaitOptions {
  /** Extra text for a timeout message (e.g. log tails). */
  onTimeout?: () => string;
  /** Checked before each try: a message stops the wait at once (e.g. a server crashed). */
  abortIf?: () => string | undefined;
}

/** Calls `probe` until it returns something other than undefined/false/null, or times out. */
export async function poll<T>(probe: () => Promise<T | undefined | false | null>, options: PollOptions = {}): Promise<T> {
  const { timeoutMs = 60_000, intervalMs = 250 } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const abort = options.abortIf?.();
    if (abort) throw new Error(`gave up waiting for ${options.what ?? 'a condition'}: ${abort}`);
    try {
      const value = await probe();
      if (value !== undefined && value !== false && value !== null) return value;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${options.what ?? 'a condition'}${why}${options.onTimeout ? `\n${options.onTimeout()}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function httpOk(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

export interface TlsClient {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

/** A GET against the API server with a client certificate; resolves with status and body. */
export function httpsGet(url: string, tls: TlsClient): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ...tls, method: 'GET', headers: { accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.once('error', reject);
    req.end();
  });
}

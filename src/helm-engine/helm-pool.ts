/**
 * The fallback templater: one `helm template` process per request, at most `size` at once.
 * Values go in on stdin (`-f -`), so nothing is written to disk.
 */
import { spawn } from 'node:child_process';
import { helmErrorMessage, KUBE_VERSION, TEMPLATE_NAMESPACE, type Templated, type Templater, type TemplateRequest } from './templater.js';

/** helm's output for one unit; a chart this large prints a few hundred kilobytes at most. */
const MAX_OUTPUT = 64 << 20;

export function helmPool(helm: string, size: number): Templater {
  let running = 0;
  const waiting: (() => void)[] = [];
  const acquire = async () => {
    if (running < size) {
      running++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    name: `helm template (${size} processes at a time)`,
    concurrency: size,
    async template(request) {
      await acquire();
      try {
        return await helmTemplate(helm, request);
      } finally {
        release();
      }
    },
    async close() {},
  };
}

export function helmTemplateArgs(request: TemplateRequest): string[] {
  const namespace = request.namespace ?? TEMPLATE_NAMESPACE;
  const kubeVersion = request.kubeVersion ?? KUBE_VERSION;
  return ['template', request.release, request.chartDir, '--namespace', namespace, '--kube-version', kubeVersion, '-f', '-'];
}

function helmTemplate(helm: string, request: TemplateRequest): Promise<Templated> {
  return new Promise((resolve, reject) => {
    const child = spawn(helm, helmTemplateArgs(request), { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    child.stdout.on('data', (b: Buffer) => {
      size += b.length;
      if (size > MAX_OUTPUT) child.kill();
      else out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    // helm may exit (a bad chart path) before it reads stdin: a broken pipe is its answer, not ours.
    child.stdin.on('error', () => undefined);
    child.stdin.end(request.values);
    child.on('close', (code, signal) => {
      if (size > MAX_OUTPUT) return reject(new Error(`helm template ${request.release} printed more than ${MAX_OUTPUT} bytes`));
      if (code === 0) return resolve({ manifest: Buffer.concat(out).toString('utf8') });
      if (signal) return reject(new Error(`helm template ${request.release} was killed by ${signal}`));
      resolve({ error: helmErrorMessage(Buffer.concat(err).toString('utf8')) });
    });
  });
}

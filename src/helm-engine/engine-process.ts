/**
 * The Go helper (.ci/helm-engine): one long-lived process on Helm's own packages that loads each
 * chart once and templates requests in parallel, answering each as a JSON line with its id.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { KUBE_VERSION, TEMPLATE_NAMESPACE, type Templated, type Templater } from './templater.js';

interface Answer {
  id: number;
  manifest?: string;
  error?: string;
}

/** Enough of the helper's stderr to say why it died. */
const STDERR_TAIL = 4000;

export function engineProcess(bin: string, cpus: number): Templater {
  const child = spawn(bin, [], { stdio: ['pipe', 'pipe', 'pipe'] });
  const pending = new Map<number, { resolve: (t: Templated) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let stderr = '';
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (t: string) => (stderr = (stderr + t).slice(-STDERR_TAIL)));
  child.on('error', fail);
  // A write to a helper that has died fails with EPIPE; its exit, below, says why.
  child.stdin.on('error', () => undefined);
  const exited = new Promise<void>((resolve) =>
    child.on('close', (code, signal) => {
      fail(new Error(`${bin} exited (${signal ?? `code ${code}`}) with requests unanswered${stderr ? `: ${stderr.trim()}` : ''}`));
      resolve();
    }),
  );
  createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
    let answer: Answer;
    try {
      answer = JSON.parse(line) as Answer;
    } catch {
      return fail(new Error(`${bin} printed a line that is not JSON: ${line.slice(0, 200)}`));
    }
    const p = pending.get(answer.id);
    if (!p) return fail(new Error(`${bin} answered request ${answer.id}, which nobody asked`));
    pending.delete(answer.id);
    p.resolve(answer.error !== undefined ? { error: answer.error } : { manifest: answer.manifest ?? '' });
  });

  return {
    name: `helm-engine (${bin})`,
    // Four per CPU: the helper's workers (one per CPU) never wait for the next request while
    // this process parses and diffs the last answers.
    concurrency: 4 * cpus,
    template(request) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      const line = JSON.stringify({
        id,
        chart: request.chartDir,
        release: request.release,
        namespace: request.namespace ?? TEMPLATE_NAMESPACE,
        values: request.values,
        kubeVersion: request.kubeVersion ?? KUBE_VERSION,
      });
      return new Promise<Templated>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.stdin.write(`${line}\n`);
      });
    },
    async close() {
      child.stdin.end();
      await exited;
    },
  };
}

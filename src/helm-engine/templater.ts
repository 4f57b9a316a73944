/**
 * "Template these units": what `helm template <release> <chart> --namespace <ns> --kube-version
 * <v> -f <values>` prints, unit by unit, from Helm's own engine. Two implementations: the
 * long-lived Go helper built on Helm's packages (engine-process.ts, one process, the chart
 * loaded once), and a pool of `helm template` processes (helm-pool.ts) where only helm is
 * installed, as on GitHub's runners. openTemplater (open.ts) picks one.
 */

/** The Kubernetes version every diff templates against (charts/common's kubeVersion allows it). */
export const KUBE_VERSION = '1.31.0';
/**
 * Argo CD installs each unit into its claim's namespace; charts/common never reads
 * .Release.Namespace, so one fixed name keeps the output independent of any kubeconfig.
 */
export const TEMPLATE_NAMESPACE = 'default';

export interface TemplateRequest {
  chartDir: string;
  release: string;
  /** The values file's text. */
  values: string;
  namespace?: string;
  kubeVersion?: string;
}

/** helm's stdout, or the message helm prints after `Error: ` (one unit's failure, not the run's). */
export type Templated = { manifest: string } | { error: string };

export interface Templater {
  /** Which implementation, for the log. */
  readonly name: string;
  /** Requests worth keeping in flight at once: enough to keep every CPU busy, no more. */
  readonly concurrency: number;
  /** Rejects only when the machinery fails (helm missing, the helper crashed), never for a unit's own error. */
  template(request: TemplateRequest): Promise<Templated>;
  close(): Promise<void>;
}

const DEBUG_HINT = '\n\nUse --debug flag to render out invalid YAML';

/**
 * The error `helm template` prints: stderr from its last `Error: ` line on, without the prefix
 * and without the --debug hint (a reader of the diff cannot pass flags). Warnings helm prints
 * before it are not part of the error.
 */
export function helmErrorMessage(stderr: string): string {
  const lines = stderr.replace(/\r\n/g, '\n').split('\n');
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i]!.startsWith('Error: ')) {
      start = i;
      break;
    }
  }
  if (start < 0) return stderr.trim() || 'helm template failed without a message';
  const text = lines.slice(start).join('\n').slice('Error: '.length).replace(/\n+$/, '');
  return text.endsWith(DEBUG_HINT) ? text.slice(0, -DEBUG_HINT.length) : text;
}

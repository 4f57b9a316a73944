/**
 * A real node for the e2e control plane: containerd + runc (Debian), the kubelet, kube-scheduler
 * and kube-proxy (built with the control plane), a CNI bridge on a private subnet, our DNS
 * responder for Service names, and a loopback registry holding the test images (./test-images.ts).
 * Started by startControlPlane({ node: true }); see README.md.
 *
 * Machine-wide state it touches (so one node per machine at a time, guarded by a lock file):
 * the bridge interface, kube-proxy's iptables chains, net.ipv4.ip_forward (restored at stop),
 * the kubelet's /kubepods cgroups.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { NODE_BUILT, NODE_DEBIAN, requireAll } from '../control-plane/binaries.js';
import { kubeconfig, type Pki } from '../control-plane/pki.js';
import { Supervisor } from '../control-plane/processes.js';
import { httpOk, poll, tcpOpen } from '../control-plane/wait.js';
import { freePort } from '../../support/ports.js';
import { cniConfig, containerdConfig } from './containerd.js';
import { type DnsServer, startDns } from './dns.js';
import { kubeletConfig, kubeProxyConfig } from './kubelet.js';
import { pushTestImages, type TestImages } from './test-images.js';

export const NODE_NAME = 'e2e-node';
const BRIDGE = 'ife2e0';
const POD_CIDR = '10.213.0.0/24';
/** The bridge's address: the pods' gateway, the node's InternalIP, the DNS server's address. */
export const NODE_IP = '10.213.0.1';
const LOCK = '/run/infraforge-e2e-node.lock';
const IP_FORWARD = '/proc/sys/net/ipv4/ip_forward';
/**
 * Sysctls the node changes, restored at stop: ip_forward (ours, below), and the kernel tunables
 * the kubelet sets at start (its setupKernelTunables: overcommit, panic on oops/OOM, root key
 * quotas) — it has no setting that only warns, and protectKernelDefaults makes it refuse to start.
 */
const SYSCTLS = [IP_FORWARD, ...['vm/overcommit_memory', 'vm/panic_on_oom', 'kernel/panic', 'kernel/panic_on_oops', 'kernel/keys/root_maxkeys', 'kernel/keys/root_maxbytes'].map((s) => `/proc/sys/${s}`)];

export interface NodeContext {
  pki: Pki;
  server: string;
  api<T>(apiPath: string): Promise<T | undefined>;
  apply(yaml: string): Promise<void>;
  kubectl(args: string[], options?: { allowFailure?: boolean }): Promise<{ stdout: string; code: number }>;
  timeoutMs: number;
}

export interface E2eNode {
  name: string;
  ip: string;
  /** `127.0.0.1:<port>`: the registry the images are in (plain HTTP). */
  registry: string;
  images: TestImages;
  dns: DnsServer;
  logs: Record<string, string>;
  logTails(lines?: number): string;
  /** Servers of the node that exited although nobody stopped them (for waitFor's abort). */
  crashed(): string | undefined;
  stop(): Promise<void>;
}

const run = promisify(execFile);

export async function startNode(ctx: NodeContext): Promise<E2eNode> {
  const bins = requireAll([...NODE_BUILT, ...NODE_DEBIAN]);
  takeLock();
  // On disk, not the control plane's tmpfs: cAdvisor reports the image filesystem's capacity
  // from the device containerd's root is on.
  const dir = mkdtempSync(path.join(tmpdir(), 'infraforge-node-'));
  const sub = (name: string) => {
    const d = path.join(dir, name);
    mkdirSync(d, { recursive: true });
    return d;
  };
  const sup = new Supervisor(sub('sup'));
  const sysctlsBefore = SYSCTLS.filter(existsSync).map((file) => ({ file, value: readFileSync(file, 'utf8').trim() }));
  let dns: DnsServer | undefined;
  let registry: { host: string; stop(): Promise<void> } | undefined;
  const started = Date.now();
  const remaining = () => Math.max(5_000, ctx.timeoutMs - (Date.now() - started));
  const crashed = () => {
    const gone = sup.crashed();
    return gone.length > 0 ? `${gone.map((s) => `${s.name} ${s.exited()}`).join(', ')}\n${sup.tails()}` : undefined;
  };
  const ready = (what: string, probe: () => Promise<boolean>) =>
    poll(probe, { what, timeoutMs: remaining(), intervalMs: 250, onTimeout: () => sup.tails(), abortIf: crashed });

  const stop = async () => {
    // Pods first, through the kubelet, so containerd removes their containers, mounts and
    // network namespaces (the workloads go first, or their controllers would make new pods);
    // then the servers; then whatever a crash may have left behind.
    const socket = path.join(dir, 'containerd.sock');
    if (existsSync(socket)) {
      await ctx.kubectl(['delete', 'deployments,statefulsets,replicasets,jobs,cronjobs', '--all', '--all-namespaces', '--wait=false'], { allowFailure: true }).catch(() => {});
      await ctx.kubectl(['delete', 'pods', '--all', '--all-namespaces', '--grace-period=1', '--wait=false'], { allowFailure: true }).catch(() => {});
      await poll(async () => noPodSandboxes(bins.containerd, socket), { timeoutMs: 60_000, intervalMs: 500 }).catch(() => {});
    }
    await sup.stopAll();
    killShims(socket);
    killPodProcesses();
    unmountUnder(dir);
    await run(bins['kube-proxy'], ['--cleanup']).catch(() => {});
    await removeKubeletChains(bins.iptables);
    await run(bins.ip, ['link', 'delete', BRIDGE]).catch(() => {});
    for (const { file, value } of sysctlsBefore) writeFileSync(file, value);
    await dns?.stop();
    await registry?.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(LOCK, { force: true });
  };

  try {
    // The registry and the images, before containerd (its sandbox image is one of them).
    const { startRegistry } = await import('../../support/registry.js');
    registry = await startRegistry();
    const images = await pushTestImages(bins.go, registry.host);

    // The bridge exists before the first pod so the DNS responder and the kubelet can bind its address.
    await run(bins.ip, ['link', 'delete', BRIDGE]).catch(() => {});
    await run(bins.ip, ['link', 'add', 'name', BRIDGE, 'type', 'bridge']);
    await run(bins.ip, ['addr', 'add', `${NODE_IP}/24`, 'dev', BRIDGE]);
    await run(bins.ip, ['link', 'set', BRIDGE, 'up']);
    // A pod reaching a Service IP is DNAT-ed to another pod on the same bridge: routed, so forwarded.
    writeFileSync(IP_FORWARD, '1');
    dns = await startDns(NODE_IP, async (namespace, service) => {
      const svc = await ctx.api<{ spec?: { clusterIP?: string } }>(`/api/v1/namespaces/${namespace}/services/${service}`);
      const ip = svc?.spec?.clusterIP;
      return ip && ip !== 'None' ? ip : undefined;
    });

    const socket = path.join(dir, 'containerd.sock');
    const cniConfDir = sub('cni/net.d');
    writeFileSync(path.join(cniConfDir, '10-infraforge-e2e.conflist'), cniConfig({ bridge: BRIDGE, subnet: POD_CIDR, gateway: NODE_IP, ipamDataDir: sub('cni/ipam') }));
    const containerdToml = path.join(dir, 'containerd.toml');
    writeFileSync(containerdToml, containerdConfig({
      root: sub('containerd/root'), state: sub('containerd/state'), socket, cniConfDir, cniBinDir: '/usr/lib/cni', runc: bins.runc,
      sandboxImage: images.pause, registry: registry.host,
    }));
    sup.start('containerd', bins.containerd, ['--config', containerdToml]);
    await ready('containerd socket', async () => existsSync(socket));

    // Identities: the kubelet as system:node:<name> (RBAC's system:node role, bound here as an
    // install's bootstrap would), scheduler and kube-proxy like kube-controller-manager.
    await ctx.apply(`apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: { name: infraforge-e2e-nodes }\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:node }\nsubjects: [{ apiGroup: rbac.authorization.k8s.io, kind: Group, name: system:nodes }]\n`);
    const kubeconfigFor = (name: string, cn: string, orgs: string[]) => {
      const file = path.join(dir, `${name}.kubeconfig`);
      writeFileSync(file, kubeconfig(ctx.server, ctx.pki.caFile, ctx.pki.client(cn, orgs)));
      return file;
    };
    const [kubeletPort, kubeletHealthz, schedulerPort, proxyHealthz, proxyMetrics] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];

    const kubeletYaml = path.join(dir, 'kubelet.yaml');
    const resolvConf = path.join(dir, 'resolv.conf');
    writeFileSync(resolvConf, '');
    writeFileSync(kubeletYaml, kubeletConfig({ nodeIp: NODE_IP, port: kubeletPort, healthzPort: kubeletHealthz, clientCaFile: ctx.pki.caFile, containerdSocket: socket, clusterDns: NODE_IP, resolvConf }));
    sup.start('kubelet', bins.kubelet, [
      `--config=${kubeletYaml}`, `--kubeconfig=${kubeconfigFor('kubelet', `system:node:${NODE_NAME}`, ['system:nodes'])}`,
      `--root-dir=${sub('kubelet')}`, `--cert-dir=${sub('kubelet-pki')}`, `--hostname-override=${NODE_NAME}`, `--node-ip=${NODE_IP}`, '--v=1',
    ]);
    const schedulerKubeconfig = kubeconfigFor('kube-scheduler', 'system:kube-scheduler', ['system:masters']);
    sup.start('kube-scheduler', bins['kube-scheduler'], [
      `--kubeconfig=${schedulerKubeconfig}`, `--authentication-kubeconfig=${schedulerKubeconfig}`, `--authorization-kubeconfig=${schedulerKubeconfig}`,
      '--leader-elect=false', '--bind-address=127.0.0.1', `--secure-port=${schedulerPort}`, '--v=1',
    ]);
    const proxyYaml = path.join(dir, 'kube-proxy.yaml');
    writeFileSync(proxyYaml, kubeProxyConfig({ kubeconfig: kubeconfigFor('kube-proxy', 'system:kube-proxy', ['system:masters']), nodeName: NODE_NAME, podCidr: POD_CIDR, healthzPort: proxyHealthz, metricsPort: proxyMetrics }));
    sup.start('kube-proxy', bins['kube-proxy'], [`--config=${proxyYaml}`, '--v=1']);

    await ready('kubelet /healthz', () => httpOk(`http://127.0.0.1:${kubeletHealthz}/healthz`));
    await ready('kube-scheduler port', () => tcpOpen(schedulerPort));
    await ready(`node ${NODE_NAME} Ready`, async () => {
      const node = await ctx.api<{ status?: { conditions?: { type: string; status: string }[] } }>(`/api/v1/nodes/${NODE_NAME}`).catch(() => undefined);
      return node?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;
    });
    await ready('kube-proxy /healthz', () => httpOk(`http://127.0.0.1:${proxyHealthz}/healthz`));

    const logs = Object.fromEntries(['containerd', 'kubelet', 'kube-scheduler', 'kube-proxy'].map((n) => [n, path.join(sup.logDir, `${n}.log`)]));
    return { name: NODE_NAME, ip: NODE_IP, registry: registry.host, images, dns, logs, logTails: (lines) => sup.tails(lines), crashed, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** One node per machine: the bridge, iptables chains and cgroups are machine-wide. */
function takeLock(): void {
  try {
    const held = Number(readFileSync(LOCK, 'utf8'));
    if (held && held !== process.pid && alive(held)) throw new Error(`e2e node: another test process (pid ${held}) runs a node on this machine (${LOCK}); nodes share the bridge and iptables, so one at a time`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  writeFileSync(LOCK, String(process.pid));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True once containerd's CRI namespace holds no running task (every pod sandbox gone). */
async function noPodSandboxes(containerd: string, socket: string): Promise<boolean> {
  const ctr = path.join(path.dirname(containerd), 'ctr');
  const { stdout } = await run(ctr, ['--address', socket, '--namespace', 'k8s.io', 'tasks', 'list', '--quiet']);
  return stdout.trim() === '';
}

/** Shims of this node's containerd (found by its socket in their command line) that outlived it. */
function killShims(socket: string): void {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmdline: string[];
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (!cmdline[0]?.endsWith('containerd-shim-runc-v2')) continue;
    const address = cmdline[cmdline.indexOf('-address') + 1];
    if (address === socket) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
  }
}

/** Processes left in the kubelet's pod cgroups (their shims gone): a pod the kubelet could not stop. */
function killPodProcesses(): void {
  const walk = (d: string): string[] => {
    let entries: string[];
    try {
      entries = readdirSync(d, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    } catch {
      return [];
    }
    const here = existsSync(path.join(d, 'cgroup.procs')) ? readFileSync(path.join(d, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean) : [];
    return [...here, ...entries.flatMap((e) => walk(path.join(d, e)))];
  };
  for (const pid of walk('/sys/fs/cgroup/pids/kubepods')) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

/** The chains the kubelet itself adds (KUBE-FIREWALL, canaries; kube-proxy --cleanup leaves them), and the jumps to them. */
async function removeKubeletChains(iptables: string): Promise<void> {
  for (const table of ['filter', 'nat', 'mangle']) {
    const rules = (await run(iptables, ['-t', table, '-S']).catch(() => ({ stdout: '' }))).stdout.split('\n');
    for (const rule of rules.filter((r) => /^-A [A-Z]+ .*-j KUBE-/.test(r) && !/^-A KUBE-/.test(r))) {
      await run(iptables, ['-t', table, '-D', ...rule.slice(3).split(' ')]).catch(() => {});
    }
    const chains = rules.filter((r) => r.startsWith('-N KUBE-')).map((r) => r.slice(3));
    for (const chain of chains) await run(iptables, ['-t', table, '-F', chain]).catch(() => {});
    for (const chain of chains) await run(iptables, ['-t', table, '-X', chain]).catch(() => {});
  }
}

/** Lazily unmounts everything mounted below `dir` (overlay rootfs, kubelet volumes), deepest first. */
function unmountUnder(dir: string): void {
  const points = readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((p): p is string => p !== undefined && (p === dir || p.startsWith(`${dir}/`)))
    .sort((a, b) => b.length - a.length);
  for (const p of points) {
    try {
      execFileSync('umount', ['-l', p], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
}

/**
 * A real node for the e2e control plane (../control-plane, started with `workloads: true`):
 * containerd + runc (Debian), the CNI bridge plugins (Debian), kubelet and kube-proxy (built from
 * the same k8s.io/kubernetes module as the API server) and CoreDNS (./coredns, cluster names
 * only). Everything lives in one temp dir; stop() stops the kubelet (so nothing restarts a
 * container), deletes every container through containerd (its shims exit), stops containerd and
 * removes what is left on the host: mounts (the pods' network namespaces with them), the bridge,
 * kube-proxy's iptables rules, the cgroups.
 *
 * One node per machine at a time: the bridge, the iptables rules and port 53 on the bridge are
 * the host's.
 *
 *   const cp = await startControlPlane({ workloads: true });
 *   const node = await startNode(cp, { registryHost, sandboxImage });
 *   …
 *   await node.stop();
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { requireAll } from '../control-plane/binaries.js';
import type { ControlPlane } from '../control-plane/index.js';
import { Supervisor } from '../control-plane/processes.js';
import { httpOk, poll } from '../control-plane/wait.js';
import { freePort } from '../../support/ports.js';
import { containerdConfig, cniConfig, corefile, kubeletConfig, kubeProxyConfig, NODE_NET, type NodePaths, registryHostsToml } from './config.js';

export const NODE_NAME = 'infraforge-e2e-node';
const CGROUP_V1 = '/sys/fs/cgroup';
const CNI_BIN_DIRS = ['/usr/lib/cni', '/opt/cni/bin'];

export interface NodeOptions {
  /** `host:port` of the loopback registry the pods' images come from (pulled over plain HTTP). */
  registryHost: string;
  /** The pod sandbox image (./images.ts pauseImage), in that registry. */
  sandboxImage: string;
  timeoutMs?: number;
}

export interface Node {
  name: string;
  logs: Record<string, string>;
  logTails(lines?: number): string;
  stop(): Promise<void>;
}

const sh = (bin: string, args: string[]) => execFileSync(bin, args, { stdio: 'pipe' }).toString();
const quiet = (bin: string, args: string[]) => {
  try {
    sh(bin, args);
  } catch {
    // cleanup of something that may not exist
  }
};

export async function startNode(cp: ControlPlane, options: NodeOptions): Promise<Node> {
  const bins = requireAll(['kubelet', 'kube-proxy', 'coredns', 'containerd', 'containerd-shim-runc-v2', 'runc', 'ctr', 'iptables']);
  const cniBinDir = CNI_BIN_DIRS.find((d) => existsSync(path.join(d, 'bridge')));
  if (!cniBinDir) throw new Error(`e2e node: the CNI plugins are not installed (Debian: containernetworking-plugins; .ci/install-e2e-tools does this); looked in ${CNI_BIN_DIRS.join(', ')}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'infraforge-node-'));
  const id = path.basename(dir);
  const cgroupRoot = `/${id}`;
  const p: NodePaths = {
    dir,
    containerdSocket: path.join(dir, 'containerd.sock'),
    cniConfDir: path.join(dir, 'cni/net.d'),
    cniBinDir,
    registryHostsDir: path.join(dir, 'certs.d'),
  };
  // Two supervisors, so the kubelet stops before containerd is asked to delete the containers.
  const runtime = new Supervisor(path.join(dir, 'runtime'));
  const sup = new Supervisor(path.join(dir, 'agents'));
  const timeoutMs = options.timeoutMs ?? 180_000;
  const started = Date.now();
  const failWith = () => `logs:\n${runtime.tails()}\n${sup.tails()}`;
  const crashed = () => {
    const gone = [...runtime.crashed(), ...sup.crashed()];
    return gone.length > 0 ? `${gone.map((s) => `${s.name} ${s.exited()}`).join(', ')}\n${failWith()}` : undefined;
  };
  const ready = (what: string, probe: () => Promise<boolean>) =>
    poll(probe, { what, timeoutMs: Math.max(5_000, timeoutMs - (Date.now() - started)), intervalMs: 300, onTimeout: failWith, abortIf: crashed });
  const ctr = (args: string[]) => sh(bins.ctr, ['--address', p.containerdSocket, '--namespace', 'k8s.io', ...args]);

  const deleteContainers = () => {
    try {
      for (const task of ctr(['tasks', 'ls', '-q']).split('\n').filter(Boolean)) quiet(bins.ctr, ['--address', p.containerdSocket, '--namespace', 'k8s.io', 'tasks', 'delete', '--force', task]);
    } catch {
      // containerd is not running
    }
  };
  const stopAll = async () => {
    await sup.stopAll();
    deleteContainers();
    await runtime.stopAll();
    removeHostState();
  };
  const removeHostState = () => {
    quiet(bins['kube-proxy'], ['--cleanup']);
    quiet('ip', ['link', 'delete', NODE_NET.bridge]);
    for (const mount of mountsUnder(dir).reverse()) quiet('umount', ['-l', mount]);
    for (const controller of readdirSync(CGROUP_V1)) removeCgroupTree(path.join(CGROUP_V1, controller, id));
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    // Host settings a node needs: bridged pod traffic through iptables (Services), forwarding.
    writeFileSync('/proc/sys/net/bridge/bridge-nf-call-iptables', '1');
    writeFileSync('/proc/sys/net/ipv4/ip_forward', '1');
    // The bridge exists before the first pod, so CoreDNS can listen on its address at once.
    quiet('ip', ['link', 'delete', NODE_NET.bridge]);
    sh('ip', ['link', 'add', NODE_NET.bridge, 'type', 'bridge']);
    sh('ip', ['addr', 'add', `${NODE_NET.gateway}/${NODE_NET.podCIDR.split('/')[1]}`, 'dev', NODE_NET.bridge]);
    sh('ip', ['link', 'set', NODE_NET.bridge, 'up']);
    for (const controller of readdirSync(CGROUP_V1)) {
      if (controller !== 'unified') mkdirSync(path.join(CGROUP_V1, controller, id), { recursive: true });
    }

    mkdirSync(p.cniConfDir, { recursive: true });
    writeFileSync(path.join(p.cniConfDir, '10-infraforge.conflist'), cniConfig(path.join(dir, 'cni/ipam')));
    mkdirSync(path.join(p.registryHostsDir, options.registryHost), { recursive: true });
    writeFileSync(path.join(p.registryHostsDir, options.registryHost, 'hosts.toml'), registryHostsToml(options.registryHost));
    writeFileSync(path.join(dir, 'containerd.toml'), containerdConfig(p, options.sandboxImage));
    // containerd finds its shim and runc on PATH.
    runtime.start('containerd', bins.containerd, ['--config', path.join(dir, 'containerd.toml')], { PATH: `${path.dirname(bins['containerd-shim-runc-v2'])}:${path.dirname(bins.runc)}:${process.env.PATH}` });
    await ready('containerd', async () => existsSync(p.containerdSocket));

    const kubeletKubeconfig = cp.kubeconfigFor(`system:node:${NODE_NAME}`, ['system:nodes']);
    const [kubeletPort, kubeletHealthz, proxyHealthz, proxyMetrics, dnsHealth] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
    writeFileSync(path.join(dir, 'resolv.conf'), '');
    writeFileSync(path.join(dir, 'kubelet.json'), kubeletConfig({ containerdSocket: p.containerdSocket, clientCAFile: cp.caFile, port: kubeletPort, healthzPort: kubeletHealthz, cgroupRoot, resolvConf: path.join(dir, 'resolv.conf') }));
    sup.start('kubelet', bins.kubelet, [
      `--config=${path.join(dir, 'kubelet.json')}`, `--kubeconfig=${kubeletKubeconfig}`, `--root-dir=${path.join(dir, 'kubelet')}`,
      `--cert-dir=${path.join(dir, 'kubelet-pki')}`, `--hostname-override=${NODE_NAME}`, '--v=1',
    ]);

    const proxyKubeconfig = cp.kubeconfigFor('system:kube-proxy');
    writeFileSync(path.join(dir, 'kube-proxy.json'), kubeProxyConfig({ kubeconfig: proxyKubeconfig, nodeName: NODE_NAME, healthzPort: proxyHealthz, metricsPort: proxyMetrics }));
    sup.start('kube-proxy', bins['kube-proxy'], [`--config=${path.join(dir, 'kube-proxy.json')}`, '--v=1']);

    const dnsKubeconfig = cp.kubeconfigFor('infraforge-e2e-coredns');
    await cp.apply(coreDnsRbac('infraforge-e2e-coredns'));
    writeFileSync(path.join(dir, 'Corefile'), corefile(dnsKubeconfig, dnsHealth));
    sup.start('coredns', bins.coredns, ['-conf', path.join(dir, 'Corefile')]);

    await ready('kubelet /healthz', () => httpOk(`http://127.0.0.1:${kubeletHealthz}/healthz`));
    await ready(`Node ${NODE_NAME} Ready`, async () => {
      const node = await cp.api<{ status?: { conditions?: { type: string; status: string }[] } }>(`/api/v1/nodes/${NODE_NAME}`);
      return node?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
    });
    await ready('kube-proxy /healthz', () => httpOk(`http://127.0.0.1:${proxyHealthz}/healthz`));
    await ready('coredns /health', () => httpOk(`http://127.0.0.1:${dnsHealth}/health`));

    let stopped = false;
    return {
      name: NODE_NAME,
      logs: { containerd: path.join(runtime.logDir, 'containerd.log'), ...Object.fromEntries(['kubelet', 'kube-proxy', 'coredns'].map((n) => [n, path.join(sup.logDir, `${n}.log`)])) },
      logTails: (lines) => `${runtime.tails(lines)}\n${sup.tails(lines)}`,
      async stop() {
        if (stopped) return;
        stopped = true;
        await stopAll();
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** What CoreDNS's kubernetes plugin reads (upstream's system:coredns ClusterRole). */
function coreDnsRbac(user: string): string {
  return `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: ${user} }
rules:
  - { apiGroups: [""], resources: [endpoints, services, pods, namespaces], verbs: [list, watch] }
  - { apiGroups: [discovery.k8s.io], resources: [endpointslices], verbs: [list, watch] }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: ${user} }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${user} }
subjects: [{ apiGroup: rbac.authorization.k8s.io, kind: User, name: ${user} }]
`;
}

function mountsUnder(dir: string): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((m): m is string => m !== undefined && (m === dir || m.startsWith(`${dir}/`)))
    .sort();
}

/** cgroup v1 directories are removed leaf first (rmdir only; the kernel refuses a busy one). */
function removeCgroupTree(cgroup: string): void {
  if (!existsSync(cgroup)) return;
  for (const entry of readdirSync(cgroup, { withFileTypes: true })) if (entry.isDirectory()) removeCgroupTree(path.join(cgroup, entry.name));
  try {
    rmdirSync(cgroup);
  } catch {
    // still busy; the kernel frees it with its last process
  }
}

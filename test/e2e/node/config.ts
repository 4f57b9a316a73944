/**
 * The node's configuration files, as text, without I/O: containerd's config and its registry
 * host file, the CNI bridge network, the kubelet's and kube-proxy's configurations and
 * CoreDNS's Corefile. ./index.ts writes them and starts the programs.
 *
 * Network (one node, so fixed): pods on bridge NODE_NET.bridge with NODE_NET.podCIDR, the
 * bridge's own address NODE_NET.gateway is also where CoreDNS answers (the pods' nameserver);
 * Services get ClusterIPs from the API server's 10.0.0.0/24, routed by kube-proxy (iptables).
 */
export const NODE_NET = {
  bridge: 'infraforge0',
  podCIDR: '10.244.0.0/24',
  gateway: '10.244.0.1',
  clusterDomain: 'cluster.local',
} as const;

export interface NodePaths {
  /** The node's temp dir: containerd's root and state, the kubelet's root dir, CNI state. */
  dir: string;
  containerdSocket: string;
  cniConfDir: string;
  cniBinDir: string;
  registryHostsDir: string;
}

export function containerdConfig(p: NodePaths, sandboxImage: string): string {
  return `version = 2
root = "${p.dir}/containerd/root"
state = "${p.dir}/containerd/state"
[grpc]
  address = "${p.containerdSocket}"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "${sandboxImage}"
  # Network namespaces under the state dir: gone with the node's temp dir, not left in /var/run/netns.
  netns_mounts_under_state_dir = true
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "${p.cniBinDir}"
    conf_dir = "${p.cniConfDir}"
  [plugins."io.containerd.grpc.v1.cri".registry]
    config_path = "${p.registryHostsDir}"
`;
}

/** certs.d/<host>/hosts.toml: pull `host` over plain HTTP (a loopback registry has no TLS). */
export function registryHostsToml(host: string): string {
  return `server = "http://${host}"
[host."http://${host}"]
  capabilities = ["pull", "resolve"]
`;
}

export function cniConfig(ipamDir: string): string {
  return `${JSON.stringify(
    {
      cniVersion: '1.0.0',
      name: 'infraforge-e2e',
      plugins: [
        {
          type: 'bridge',
          bridge: NODE_NET.bridge,
          isGateway: true,
          // No masquerade: pods talk to each other and to this host only (nothing outside is
          // reachable anyway), and no CNI iptables chains are left to clean up.
          ipMasq: false,
          // A pod reaching its own Service's ClusterIP comes back to itself through the bridge.
          hairpinMode: true,
          ipam: { type: 'host-local', ranges: [[{ subnet: NODE_NET.podCIDR, gateway: NODE_NET.gateway }]], routes: [{ dst: '0.0.0.0/0' }], dataDir: ipamDir },
        },
      ],
    },
    null,
    2,
  )}\n`;
}

export interface KubeletSettings {
  containerdSocket: string;
  clientCAFile: string;
  port: number;
  healthzPort: number;
  /** The cgroup (in every v1 hierarchy) the kubelet puts pods under; made before it starts. */
  cgroupRoot: string;
  resolvConf: string;
}

export function kubeletConfig(s: KubeletSettings): string {
  return `${JSON.stringify(
    {
      apiVersion: 'kubelet.config.k8s.io/v1beta1',
      kind: 'KubeletConfiguration',
      // This machine has cgroup v1 only; kubelet >= 1.35 refuses it unless told otherwise.
      failCgroupV1: false,
      cgroupDriver: 'cgroupfs',
      cgroupRoot: s.cgroupRoot,
      containerRuntimeEndpoint: `unix://${s.containerdSocket}`,
      address: '127.0.0.1',
      port: s.port,
      readOnlyPort: 0,
      healthzBindAddress: '127.0.0.1',
      healthzPort: s.healthzPort,
      authentication: { anonymous: { enabled: false }, webhook: { enabled: false }, x509: { clientCAFile: s.clientCAFile } },
      authorization: { mode: 'AlwaysAllow' },
      clusterDNS: [NODE_NET.gateway],
      clusterDomain: NODE_NET.clusterDomain,
      resolvConf: s.resolvConf,
      failSwapOn: false,
      // A shared build machine's disk and memory must not evict the test's pods.
      evictionHard: { 'memory.available': '1Mi', 'nodefs.available': '1%', 'imagefs.available': '1%' },
      imageGCHighThresholdPercent: 100,
      imageGCLowThresholdPercent: 99,
      serializeImagePulls: false,
      // Status within seconds, not the default 10 s / 5 min, so "Ready" is seen promptly.
      nodeStatusUpdateFrequency: '2s',
      syncFrequency: '5s',
    },
    null,
    2,
  )}\n`;
}

export interface KubeProxySettings {
  kubeconfig: string;
  nodeName: string;
  healthzPort: number;
  metricsPort: number;
}

export function kubeProxyConfig(s: KubeProxySettings): string {
  return `${JSON.stringify(
    {
      apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
      kind: 'KubeProxyConfiguration',
      clientConnection: { kubeconfig: s.kubeconfig },
      mode: 'iptables',
      clusterCIDR: NODE_NET.podCIDR,
      hostnameOverride: s.nodeName,
      bindAddress: '127.0.0.1',
      healthzBindAddress: `127.0.0.1:${s.healthzPort}`,
      metricsBindAddress: `127.0.0.1:${s.metricsPort}`,
      // Leave the host's conntrack sysctls alone.
      conntrack: { maxPerCore: 0, min: 0 },
    },
    null,
    2,
  )}\n`;
}

/** CoreDNS answers cluster names on the bridge address, from the API server. */
export function corefile(kubeconfig: string, healthPort: number): string {
  return `${NODE_NET.clusterDomain}:53 {
    bind ${NODE_NET.gateway}
    errors
    health 127.0.0.1:${healthPort}
    kubernetes ${NODE_NET.clusterDomain} {
        kubeconfig ${kubeconfig}
    }
}
`;
}

/**
 * The kubelet's and kube-proxy's configuration files for the e2e node (pure). Everything binds
 * to the node's bridge address or loopback on free ports; nothing listens on 0.0.0.0.
 */
import { stringify } from 'yaml';

export interface KubeletOptions {
  nodeIp: string;
  port: number;
  healthzPort: number;
  clientCaFile: string;
  containerdSocket: string;
  /** The DNS server pods are told to use (ours, on the bridge: see ./dns.ts). */
  clusterDns: string;
  /** A resolv.conf for pods' extra search domains and options: empty, so the host's never leak in. */
  resolvConf: string;
}

export function kubeletConfig(o: KubeletOptions): string {
  return stringify({
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    kind: 'KubeletConfiguration',
    // This machine runs cgroup v1, which kubelet 1.35+ refuses unless told otherwise.
    failCgroupV1: false,
    cgroupDriver: 'cgroupfs',
    containerRuntimeEndpoint: `unix://${o.containerdSocket}`,
    address: o.nodeIp,
    port: o.port,
    readOnlyPort: 0,
    healthzBindAddress: '127.0.0.1',
    healthzPort: o.healthzPort,
    authentication: { anonymous: { enabled: false }, webhook: { enabled: false }, x509: { clientCAFile: o.clientCaFile } },
    authorization: { mode: 'AlwaysAllow' },
    clusterDomain: 'cluster.local',
    clusterDNS: [o.clusterDns],
    resolvConf: o.resolvConf,
    // Without CAP_SYS_RESOURCE the kubelet cannot lower its own score either (default -999).
    oomScoreAdj: 0,
    failSwapOn: false,
    serializeImagePulls: false,
    // A shared build machine: never evict test pods for a full disk or busy memory.
    evictionHard: { 'memory.available': '1Mi', 'nodefs.available': '1%', 'imagefs.available': '1%', 'nodefs.inodesFree': '1%' },
    imageGCHighThresholdPercent: 100,
    imageGCLowThresholdPercent: 99,
    // Status and probes promptly, so "apply → Ready" measures the pods, not the kubelet's timers.
    nodeStatusUpdateFrequency: '5s',
    syncFrequency: '10s',
    fileCheckFrequency: '5s',
    shutdownGracePeriod: '0s',
  });
}

export interface KubeProxyOptions {
  kubeconfig: string;
  nodeName: string;
  podCidr: string;
  healthzPort: number;
  metricsPort: number;
}

export function kubeProxyConfig(o: KubeProxyOptions): string {
  return stringify({
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    kind: 'KubeProxyConfiguration',
    mode: 'iptables',
    clientConnection: { kubeconfig: o.kubeconfig },
    hostnameOverride: o.nodeName,
    clusterCIDR: o.podCidr,
    bindAddress: '127.0.0.1',
    healthzBindAddress: `127.0.0.1:${o.healthzPort}`,
    metricsBindAddress: `127.0.0.1:${o.metricsPort}`,
    // Leave the machine's sysctls alone: conntrack limits and timeouts as they are, no
    // route_localnet for NodePorts on 127.0.0.1, and no oom_score_adj (see ./containerd.ts).
    oomScoreAdj: 0,
    conntrack: { maxPerCore: 0, min: 0, tcpEstablishedTimeout: '0s', tcpCloseWaitTimeout: '0s' },
    iptables: { localhostNodePorts: false, syncPeriod: '5s', minSyncPeriod: '0s' },
  });
}

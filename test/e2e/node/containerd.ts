/**
 * containerd's configuration for the e2e node (pure): its own root, state and socket under the
 * node's temp dir; the CRI plugin with runc (cgroupfs, as this cgroup-v1 machine has no systemd
 * as PID 1), our pause image as the sandbox image, the loopback registry as plain HTTP (and as
 * the mirror for docker.io), and CNI from Debian's plugins with the network list written by
 * cniConfig().
 */

export interface ContainerdPaths {
  root: string;
  state: string;
  socket: string;
  cniConfDir: string;
  cniBinDir: string;
  runc: string;
}

export interface ContainerdOptions extends ContainerdPaths {
  /** `host:port/e2e/pause:1`. */
  sandboxImage: string;
  /** `host:port` of the loopback registry, reached over plain HTTP. */
  registry: string;
}

export function containerdConfig(o: ContainerdOptions): string {
  const cri = 'plugins."io.containerd.grpc.v1.cri"';
  return `version = 2
root = ${JSON.stringify(o.root)}
state = ${JSON.stringify(o.state)}
# The node's own plugins only: nothing here uses the other snapshotters or the shared defaults.
disabled_plugins = ["io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.zfs", "io.containerd.tracing.processor.v1.otlp", "io.containerd.internal.v1.tracing"]

[grpc]
  address = ${JSON.stringify(o.socket)}

[ttrpc]
  address = ${JSON.stringify(`${o.socket}.ttrpc`)}

[debug]
  level = "info"

[${cri}]
  sandbox_image = ${JSON.stringify(o.sandboxImage)}
  # This VM's root lacks CAP_SYS_RESOURCE (not even in the bounding set), so no process may
  # lower an oom_score_adj: runc's nsexec fails writing the sandbox's -998 and the kubelet only
  # sees "can't get final child's PID from pipe: EOF". Clamp every container's value to
  # containerd's own (0), as rootless setups do.
  restrict_oom_score_adj = true
  enable_selinux = false
  disable_apparmor = true
  max_container_log_line_size = 16384

  [${cri}.containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"

    [${cri}.containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"

      [${cri}.containerd.runtimes.runc.options]
        BinaryName = ${JSON.stringify(o.runc)}
        SystemdCgroup = false

  [${cri}.cni]
    bin_dir = ${JSON.stringify(o.cniBinDir)}
    conf_dir = ${JSON.stringify(o.cniConfDir)}
    max_conf_num = 1

  [${cri}.registry.mirrors.${JSON.stringify(o.registry)}]
    endpoint = [${JSON.stringify(`http://${o.registry}`)}]

  # Docker Hub is out of reach: images a chart names there (the redis component's
  # docker.io/library/redis) come from what a test pushed to the loopback registry, or fail.
  [${cri}.registry.mirrors."docker.io"]
    endpoint = [${JSON.stringify(`http://${o.registry}`)}]
`;
}

export interface CniOptions {
  bridge: string;
  /** e.g. 10.88.0.0/24; the bridge holds the first address (the pods' gateway and the node IP). */
  subnet: string;
  gateway: string;
  ipamDataDir: string;
}

/** The pod network: a bridge on a private subnet, host-local addresses, loopback; no masquerade (nothing leaves the machine). */
export function cniConfig(o: CniOptions): string {
  return `${JSON.stringify(
    {
      cniVersion: '0.4.0',
      name: 'infraforge-e2e',
      plugins: [
        {
          type: 'bridge',
          bridge: o.bridge,
          isGateway: true,
          ipMasq: false,
          // A pod reaching its own Service through kube-proxy's DNAT comes back on the port it left from.
          hairpinMode: true,
          ipam: { type: 'host-local', ranges: [[{ subnet: o.subnet, gateway: o.gateway }]], routes: [{ dst: '0.0.0.0/0' }], dataDir: o.ipamDataDir },
        },
        { type: 'portmap', capabilities: { portMappings: true } },
      ],
    },
    null,
    2,
  )}\n`;
}

/**
 * Service names for the pods: a DNS responder in the test process, on the node's bridge
 * address port 53 (the kubelet's clusterDNS). `<svc>.<ns>.svc.cluster.local` answers the
 * Service's ClusterIP, read from the API server at each query; a Service without one (headless)
 * or any other name is NXDOMAIN (nothing leaves the machine, so there is nothing to forward
 * to); other types of a Service's name are an empty NOERROR, as CoreDNS answers AAAA for an
 * IPv4-only Service. Why ours and not CoreDNS: see README.md.
 */
import { createSocket, type Socket } from 'node:dgram';
import { RCODE_FORMERR, RCODE_NOERROR, RCODE_NXDOMAIN, readQuestion, serviceName, TYPE_A, writeAnswer } from './dns-message.js';

export type ClusterIpOf = (namespace: string, service: string) => Promise<string | undefined>;

export interface DnsServer {
  /** Names asked so far, for a failure message. */
  asked: string[];
  stop(): Promise<void>;
}

export async function startDns(address: string, clusterIpOf: ClusterIpOf, port = 53): Promise<DnsServer> {
  const socket: Socket = createSocket('udp4');
  const asked: string[] = [];
  socket.on('message', (msg, from) => {
    void answer(msg).then((reply) => reply && socket.send(reply, from.port, from.address));
  });
  async function answer(msg: Buffer): Promise<Buffer | undefined> {
    const q = readQuestion(msg);
    if (!q) return msg.length >= 12 ? formatError(msg) : undefined;
    asked.push(q.name);
    const svc = serviceName(q.name);
    const ip = svc ? await clusterIpOf(svc.namespace, svc.service).catch(() => undefined) : undefined;
    if (!ip) return writeAnswer(q, RCODE_NXDOMAIN);
    return q.type === TYPE_A ? writeAnswer(q, RCODE_NOERROR, ip) : writeAnswer(q, RCODE_NOERROR);
  }
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, address, () => resolve());
  });
  return { asked, stop: () => new Promise<void>((resolve) => socket.close(() => resolve())) };
}

function formatError(msg: Buffer): Buffer {
  const header = Buffer.from(msg.subarray(0, 12));
  header.writeUInt16BE(0x8000 | RCODE_FORMERR, 2);
  header.fill(0, 4);
  return header;
}

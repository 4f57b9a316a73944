/**
 * The little of DNS (RFC 1035) our Service-name responder needs, pure: read one question from
 * a query, write an answer with at most one A record. No compression on input (resolvers send
 * plain names), no EDNS (a reply without an OPT record is a plain 512-byte reply, which
 * resolvers accept).
 */

export const TYPE_A = 1;
export const RCODE_NOERROR = 0;
export const RCODE_FORMERR = 1;
export const RCODE_NXDOMAIN = 3;

export interface Question {
  id: number;
  /** Recursion desired: echoed back, as resolvers expect. */
  rd: boolean;
  /** Lower case, without the trailing dot. */
  name: string;
  type: number;
  class: number;
  /** The question section's bytes, echoed in the reply. */
  raw: Buffer;
}

/** The first question of a query; undefined when the bytes are not one. */
export function readQuestion(msg: Buffer): Question | undefined {
  if (msg.length < 12) return undefined;
  const flags = msg.readUInt16BE(2);
  if (flags & 0x8000 || msg.readUInt16BE(4) < 1) return undefined; // a response, or no question
  const labels: string[] = [];
  let at = 12;
  for (;;) {
    if (at >= msg.length) return undefined;
    const len = msg[at]!;
    if (len === 0) break;
    if (len > 63 || at + 1 + len > msg.length) return undefined; // compression pointers do not occur in questions
    labels.push(msg.toString('latin1', at + 1, at + 1 + len).toLowerCase());
    at += 1 + len;
  }
  at += 1;
  if (at + 4 > msg.length) return undefined;
  return { id: msg.readUInt16BE(0), rd: (flags & 0x0100) !== 0, name: labels.join('.'), type: msg.readUInt16BE(at), class: msg.readUInt16BE(at + 2), raw: msg.subarray(12, at + 4) };
}

/** A reply to `q`: `rcode`, and an A record for `ipv4` when given (TTL `ttl` seconds). */
export function writeAnswer(q: Question, rcode: number, ipv4?: string, ttl = 5): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(q.id, 0);
  // QR=1, opcode 0, AA=1 (the cluster's names are ours), RD echoed, RA=0.
  header.writeUInt16BE(0x8000 | 0x0400 | (q.rd ? 0x0100 : 0) | rcode, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(ipv4 ? 1 : 0, 6);
  if (!ipv4) return Buffer.concat([header, q.raw]);
  const rr = Buffer.alloc(16);
  rr.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
  rr.writeUInt16BE(TYPE_A, 2);
  rr.writeUInt16BE(1, 4); // IN
  rr.writeUInt32BE(ttl, 6);
  rr.writeUInt16BE(4, 10);
  ipv4.split('.').forEach((octet, i) => rr.writeUInt8(Number(octet), 12 + i));
  return Buffer.concat([header, q.raw, rr]);
}

/** `<service>.<namespace>.svc.<domain>` → its parts; undefined for any other name. */
export function serviceName(name: string, domain = 'cluster.local'): { service: string; namespace: string } | undefined {
  const suffix = `.svc.${domain}`;
  if (!name.endsWith(suffix)) return undefined;
  const parts = name.slice(0, -suffix.length).split('.');
  return parts.length === 2 ? { service: parts[0]!, namespace: parts[1]! } : undefined;
}

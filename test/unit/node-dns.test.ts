/**
 * The e2e node's Service-name DNS responder (test/e2e/node/dns.ts), asked by Node's own
 * resolver (c-ares) over real UDP on loopback, and its message code against bytes written
 * out by hand from RFC 1035.
 */
import { Resolver } from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DnsServer, startDns } from '../e2e/node/dns.js';
import { readQuestion, serviceName, writeAnswer } from '../e2e/node/dns-message.js';
import { freePort } from '../support/ports.js';

const SERVICES: Record<string, string> = { 'shop-team-dev/api': '10.0.0.17', 'shop-team-dev/headless': 'None' };

describe('DNS responder for Service names', () => {
  let dns: DnsServer;
  let resolver: Resolver;

  beforeAll(async () => {
    const port = await freePort();
    dns = await startDns('127.0.0.1', async (ns, svc) => {
      const ip = SERVICES[`${ns}/${svc}`];
      return ip && ip !== 'None' ? ip : undefined;
    }, port);
    resolver = new Resolver({ timeout: 2000, tries: 1 });
    resolver.setServers([`127.0.0.1:${port}`]);
  });
  afterAll(async () => dns?.stop());

  it('answers a Service name with its ClusterIP', async () => {
    expect(await resolver.resolve4('api.shop-team-dev.svc.cluster.local')).toEqual(['10.0.0.17']);
    expect(await resolver.resolve4('API.Shop-Team-Dev.svc.cluster.local')).toEqual(['10.0.0.17']);
  });

  it('says NXDOMAIN for an unknown Service, a headless one, and names outside the cluster', async () => {
    for (const name of ['db.shop-team-dev.svc.cluster.local', 'headless.shop-team-dev.svc.cluster.local', 'api.svc.cluster.local', 'example.com']) {
      await expect(resolver.resolve4(name), name).rejects.toMatchObject({ code: 'ENOTFOUND' });
    }
  });

  it('answers other types of a Service name with no records (NODATA), not NXDOMAIN', async () => {
    await expect(resolver.resolve6('api.shop-team-dev.svc.cluster.local')).rejects.toMatchObject({ code: 'ENODATA' });
  });

  it('remembers what was asked', () => {
    expect(dns.asked).toContain('api.shop-team-dev.svc.cluster.local');
  });
});

describe('DNS messages', () => {
  // id 0xbeef, RD, one question: api.ns.svc.cluster.local A IN (RFC 1035 4.1.1, 4.1.2).
  const query = Buffer.from('beef01000001000000000000' + '03617069' + '026e73' + '03737663' + '07636c7573746572' + '056c6f63616c' + '00' + '0001' + '0001', 'hex');

  it('reads the question', () => {
    expect(readQuestion(query)).toMatchObject({ id: 0xbeef, rd: true, name: 'api.ns.svc.cluster.local', type: 1, class: 1 });
  });

  it('writes an authoritative answer with one A record pointing at the question name', () => {
    const reply = writeAnswer(readQuestion(query)!, 0, '10.0.0.17', 5);
    const questionEnd = query.length;
    expect(reply.subarray(0, 12).toString('hex')).toBe('beef85000001000100000000');
    expect(reply.subarray(12, questionEnd)).toEqual(query.subarray(12));
    expect(reply.subarray(questionEnd).toString('hex')).toBe('c00c' + '0001' + '0001' + '00000005' + '0004' + '0a000011');
  });

  it('refuses what is not a query', () => {
    expect(readQuestion(Buffer.alloc(5))).toBeUndefined();
    const response = Buffer.from(query);
    response.writeUInt16BE(0x8100, 2);
    expect(readQuestion(response)).toBeUndefined();
    expect(readQuestion(query.subarray(0, 20))).toBeUndefined();
  });

  it('knows a Service name from any other', () => {
    expect(serviceName('api.ns.svc.cluster.local')).toEqual({ service: 'api', namespace: 'ns' });
    expect(serviceName('a.b.ns.svc.cluster.local')).toBeUndefined();
    expect(serviceName('api.ns.svc.other.local')).toBeUndefined();
  });
});

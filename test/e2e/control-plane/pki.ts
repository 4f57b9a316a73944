/**
 * The certificates a throwaway API server needs, made fresh at every start and valid for one
 * day: a CA, the API server's serving certificate (127.0.0.1 and the in-cluster names), one
 * client certificate per user, and the service-account signing key pair. X.509 comes from
 * openssl (Node can make keys but not certificates); the key pair from node:crypto.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ClientCert {
  certFile: string;
  keyFile: string;
}

export interface Pki {
  caFile: string;
  caKeyFile: string;
  serving: ClientCert;
  serviceAccountKeyFile: string;
  serviceAccountPubFile: string;
  /** A client certificate for user `cn` in groups `orgs` (RBAC reads them from CN and O). */
  client(cn: string, orgs?: string[]): ClientCert;
}

export function makePki(dir: string, openssl: string): Pki {
  const ssl = (args: string[]) => execFileSync(openssl, args, { cwd: dir, stdio: 'pipe' });
  const file = (name: string) => path.join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

  ssl(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=infraforge-e2e-ca',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);

  const issue = (name: string, subject: string, extensions: string[]): ClientCert => {
    ssl(['req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject]);
    writeFileSync(file(`${name}.ext`), `${extensions.join('\n')}\n`);
    ssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1',
      '-extfile', `${name}.ext`, '-out', `${name}.crt`]);
    return { certFile: file(`${name}.crt`), keyFile: file(`${name}.key`) };
  };

  const serving = issue('apiserver', '/CN=kube-apiserver', [
    'keyUsage=critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage=serverAuth',
    'subjectAltName=IP:127.0.0.1,IP:10.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local',
  ]);

  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(file('sa.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(file('sa.pub'), publicKey.export({ type: 'spki', format: 'pem' }));

  return {
    caFile: file('ca.crt'),
    caKeyFile: file('ca.key'),
    serving,
    serviceAccountKeyFile: file('sa.key'),
    serviceAccountPubFile: file('sa.pub'),
    client(cn, orgs = []) {
      const name = `client-${cn.replace(/[^a-z0-9-]/gi, '_')}`;
      const subject = `${orgs.map((o) => `/O=${o}`).join('')}/CN=${cn}`;
      return issue(name, subject, ['keyUsage=critical,digitalSignature,keyEncipherment', 'extendedKeyUsage=clientAuth']);
    },
  };
}

/** A kubeconfig with everything embedded, so it works from any working directory. */
export function kubeconfig(server: string, caFile: string, user: ClientCert, namespace = 'default'): string {
  const b64 = (f: string) => readFileSync(f).toString('base64');
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: e2e`,
    `  cluster: { server: "${server}", certificate-authority-data: ${b64(caFile)} }`,
    'users:',
    `- name: e2e`,
    `  user: { client-certificate-data: ${b64(user.certFile)}, client-key-data: ${b64(user.keyFile)} }`,
    'contexts:',
    `- name: e2e`,
    `  context: { cluster: e2e, user: e2e, namespace: ${namespace} }`,
    'current-context: e2e',
    '',
  ].join('\n');
}

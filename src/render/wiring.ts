/**
 * `uses:` → environment variables. Connection details come from the Secret and Service each
 * operator creates (by reference, read by the kubelet at pod start), never from a value
 * written here: no credential reaches a rendered file. The first component of a type also
 * gets the unprefixed names most client libraries read (DATABASE_URL, REDIS_URL, …); every
 * component gets `<NAME>_…` names so an app can use two of one type.
 */
import type { ApplicationClaim, ApplicationSpec, ComponentSpec, ComponentType, EnvVar } from '../claims/types.js';
import { appWiring, envPrefix } from './app-wiring.js';
import { mongodbConnectionSecret } from './operator-objects.js';

export type EnvEntry = Record<string, unknown>;

const secretRef = (name: string, key: string): EnvEntry => ({ valueFrom: { secretKeyRef: { name, key } } });

/** Per type: the variables for one used component; `first` is true for the first of its type. */
const WIRING: Readonly<Record<ComponentType, (c: ComponentSpec, prefix: string, first: boolean) => EnvEntry[]>> = {
  // CloudNativePG: Secret <name>-app, key uri (postgresql://user:password@<name>-rw:5432/db).
  postgresql: (c, p, first) => {
    const ref = secretRef(`${c.name}-app`, 'uri');
    return [...(first ? [{ name: 'DATABASE_URL', ...ref }] : []), { name: `${p}_DATABASE_URL`, ...ref }];
  },
  // Our own StatefulSet and Service <name>:6379; the password only from the claim's Secret.
  redis: (c, p, first) => {
    const auth = c.config?.auth;
    const out: EnvEntry[] = [];
    if (auth) out.push({ name: `${p}_REDIS_PASSWORD`, ...secretRef(auth.existingSecret, auth.key ?? 'password') });
    // $(VAR) is expanded by the kubelet from the variable above: the password never lands in git.
    const url = auth ? `redis://:$(${p}_REDIS_PASSWORD)@${c.name}:6379` : `redis://${c.name}:6379`;
    if (first) out.push({ name: 'REDIS_URL', value: url });
    out.push({ name: `${p}_REDIS_URL`, value: url });
    return out;
  },
  // RabbitMQ Cluster Operator: Secret <name>-default-user (connection_string, host, port, …).
  rabbitmq: (c, p, first) => {
    const secret = `${c.name}-default-user`;
    const url = secretRef(secret, 'connection_string');
    return [
      ...(first ? [{ name: 'RABBITMQ_URL', ...url }] : []),
      { name: `${p}_RABBITMQ_URL`, ...url },
      { name: `${p}_RABBITMQ_HOST`, ...secretRef(secret, 'host') },
      { name: `${p}_RABBITMQ_PORT`, ...secretRef(secret, 'port') },
    ];
  },
  // MongoDB Community: Secret <name>-<db>-<user>, key connectionString.standard (all members, replicaSet=).
  mongodb: (c, p, first) => {
    const ref = secretRef(mongodbConnectionSecret(c.name), 'connectionString.standard');
    return [...(first ? [{ name: 'MONGODB_URI', ...ref }] : []), { name: `${p}_MONGODB_URI`, ...ref }];
  },
  // ECK: Service <name>-es-http on 9200 (TLS, its CA in <name>-es-http-certs-public), user elastic in <name>-es-elastic-user.
  elasticsearch: (c, p, first) => {
    const entries = (v: string): EnvEntry[] => [
      { name: `${v}_URL`, value: `https://${c.name}-es-http:9200` },
      { name: `${v}_USERNAME`, value: 'elastic' },
      { name: `${v}_PASSWORD`, ...secretRef(`${c.name}-es-elastic-user`, 'elastic') },
      { name: `${v}_CA_CERT`, ...secretRef(`${c.name}-es-http-certs-public`, 'ca.crt') },
    ];
    return [...(first ? entries('ELASTICSEARCH') : []), ...entries(`${p}_ELASTICSEARCH`)];
  },
  // Strimzi: Service <name>-kafka-bootstrap, plain listener on 9092 (no credential).
  kafka: (c, p, first) => {
    const value = `${c.name}-kafka-bootstrap:9092`;
    return [...(first ? [{ name: 'KAFKA_BOOTSTRAP_SERVERS', value }] : []), { name: `${p}_KAFKA_BOOTSTRAP_SERVERS`, value }];
  },
};

/** The app's env, then connection settings for each component or app it uses; a name the app sets itself wins. */
export function wiredEnv(claim: ApplicationClaim, app: ApplicationSpec): EnvEntry[] {
  const env: EnvEntry[] = (app.env ?? []).map(envEntry);
  const taken = new Set((app.env ?? []).map((e) => e.name));
  const seenTypes = new Set<ComponentType>();
  const components = claim.spec.components ?? [];
  for (const used of app.uses ?? []) {
    const component = components.find((c) => c.name === used);
    const peer = component ? undefined : claim.spec.applications.find((a) => a.name === used && a !== app);
    if (peer && peer.enabled !== false) {
      for (const entry of appWiring(peer)) {
        if (taken.has(entry.name as string)) continue;
        taken.add(entry.name as string);
        env.push(entry);
      }
      continue;
    }
    if (!component || component.enabled === false) continue;
    const prefix = envPrefix(used);
    for (const entry of WIRING[component.type](component, prefix, !seenTypes.has(component.type))) {
      if (taken.has(entry.name as string)) continue;
      taken.add(entry.name as string);
      env.push(entry);
    }
    seenTypes.add(component.type);
  }
  return env;
}

export function envEntry(e: EnvVar): EnvEntry {
  if (e.valueFrom) return { name: e.name, valueFrom: e.valueFrom };
  return { name: e.name, value: e.value ?? '' };
}

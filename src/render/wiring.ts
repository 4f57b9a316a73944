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

// Where each type's connection comes from: one definition, used by the typed names and by <NAME>_URL.
const postgresUri = (c: ComponentSpec) => secretRef(`${c.name}-app`, 'uri');
// $(VAR) is expanded by the kubelet from <NAME>_REDIS_PASSWORD: the password never lands in git.
const redisUrl = (c: ComponentSpec, p: string) => (c.config?.auth ? `redis://:$(${p}_REDIS_PASSWORD)@${c.name}:6379` : `redis://${c.name}:6379`);
const rabbitmqUser = (c: ComponentSpec) => `${c.name}-default-user`;
const mongodbUri = (c: ComponentSpec) => secretRef(mongodbConnectionSecret(c.name), 'connectionString.standard');
const elasticsearchUrl = (c: ComponentSpec) => `https://${c.name}-es-http:9200`;
const kafkaBootstrap = (c: ComponentSpec) => `${c.name}-kafka-bootstrap:9092`;

/** Per type: the variables for one used component; `first` is true for the first of its type. */
const WIRING: Readonly<Record<ComponentType, (c: ComponentSpec, prefix: string, first: boolean) => EnvEntry[]>> = {
  // CloudNativePG: Secret <name>-app, key uri (postgresql://user:password@<name>-rw:5432/db).
  postgresql: (c, p, first) => {
    const ref = postgresUri(c);
    return [...(first ? [{ name: 'DATABASE_URL', ...ref }] : []), { name: `${p}_DATABASE_URL`, ...ref }];
  },
  // Our own StatefulSet and Service <name>:6379; the password only from the claim's Secret.
  redis: (c, p, first) => {
    const auth = c.config?.auth;
    const out: EnvEntry[] = [];
    if (auth) out.push({ name: `${p}_REDIS_PASSWORD`, ...secretRef(auth.existingSecret, auth.key ?? 'password') });
    const url = redisUrl(c, p);
    if (first) out.push({ name: 'REDIS_URL', value: url });
    out.push({ name: `${p}_REDIS_URL`, value: url });
    return out;
  },
  // RabbitMQ Cluster Operator: Secret <name>-default-user (connection_string, host, port, …).
  rabbitmq: (c, p, first) => {
    const secret = rabbitmqUser(c);
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
    const ref = mongodbUri(c);
    return [...(first ? [{ name: 'MONGODB_URI', ...ref }] : []), { name: `${p}_MONGODB_URI`, ...ref }];
  },
  // ECK: Service <name>-es-http on 9200 (TLS, its CA in <name>-es-http-certs-public), user elastic in <name>-es-elastic-user.
  elasticsearch: (c, p, first) => {
    const entries = (v: string): EnvEntry[] => [
      { name: `${v}_URL`, value: elasticsearchUrl(c) },
      { name: `${v}_USERNAME`, value: 'elastic' },
      { name: `${v}_PASSWORD`, ...secretRef(`${c.name}-es-elastic-user`, 'elastic') },
      { name: `${v}_CA_CERT`, ...secretRef(`${c.name}-es-http-certs-public`, 'ca.crt') },
    ];
    return [...(first ? entries('ELASTICSEARCH') : []), ...entries(`${p}_ELASTICSEARCH`)];
  },
  // Strimzi: Service <name>-kafka-bootstrap, plain listener on 9092 (no credential).
  kafka: (c, p, first) => {
    const value = kafkaBootstrap(c);
    return [...(first ? [{ name: 'KAFKA_BOOTSTRAP_SERVERS', value }] : []), { name: `${p}_KAFKA_BOOTSTRAP_SERVERS`, value }];
  },
};

/** Per type: the Service its operator (or our chart) creates, its client port, and the URL variable's source. */
const ADDRESS: Readonly<Record<ComponentType, (c: ComponentSpec, p: string) => { host: string; port: number; url: EnvEntry }>> = {
  postgresql: (c) => ({ host: `${c.name}-rw`, port: 5432, url: postgresUri(c) }),
  redis: (c, p) => ({ host: c.name, port: 6379, url: { value: redisUrl(c, p) } }),
  // The AMQP port of the Service the operator names after the cluster.
  rabbitmq: (c) => ({ host: c.name, port: 5672, url: secretRef(rabbitmqUser(c), 'connection_string') }),
  mongodb: (c) => ({ host: `${c.name}-svc`, port: 27017, url: mongodbUri(c) }),
  elasticsearch: (c) => ({ host: `${c.name}-es-http`, port: 9200, url: { value: elasticsearchUrl(c) } }),
  // Kafka has no URL scheme of its own; kafka://host:port is the form Faust, Benthos and Spring Cloud Stream read.
  kafka: (c) => ({ host: `${c.name}-kafka-bootstrap`, port: 9092, url: { value: `kafka://${kafkaBootstrap(c)}` } }),
};

/** `<NAME>_HOST`, `<NAME>_PORT`, `<NAME>_URL` for a used component, as appWiring gives for a used app. */
function componentAddress(c: ComponentSpec, p: string): EnvEntry[] {
  const { host, port, url } = ADDRESS[c.type](c, p);
  return [
    { name: `${p}_HOST`, value: host },
    { name: `${p}_PORT`, value: String(port) },
    { name: `${p}_URL`, ...url },
  ];
}

/** The app's env, then connection settings for each component or app it uses; a name the app sets itself wins. */
export function wiredEnv(claim: ApplicationClaim, app: ApplicationSpec): EnvEntry[] {
  return wire(claim, app).env;
}

/** A variable two `uses:` entries would both give, with different values: `uses[index]` loses it to `winner`. */
export interface WiringClash {
  name: string;
  index: number;
  winner: string;
}

/** Names two used things both give (a component `cache` and one named `cache-redis` both give CACHE_REDIS_URL): refused, not dropped. */
export function wiringClashes(claim: ApplicationClaim, app: ApplicationSpec): WiringClash[] {
  return wire(claim, app).clashes;
}

function wire(claim: ApplicationClaim, app: ApplicationSpec): { env: EnvEntry[]; clashes: WiringClash[] } {
  const env: EnvEntry[] = (app.env ?? []).map(envEntry);
  const own = new Set((app.env ?? []).map((e) => e.name));
  const givenBy = new Map<string, { used: string; entry: string }>();
  const clashes: WiringClash[] = [];
  const seenTypes = new Set<ComponentType>();
  const components = claim.spec.components ?? [];
  (app.uses ?? []).forEach((used, index) => {
    const component = components.find((c) => c.name === used);
    const peer = component ? undefined : claim.spec.applications.find((a) => a.name === used && a !== app);
    let entries: EnvEntry[];
    if (peer && peer.enabled !== false) entries = appWiring(peer);
    else if (component && component.enabled !== false) {
      const prefix = envPrefix(used);
      entries = [...WIRING[component.type](component, prefix, !seenTypes.has(component.type)), ...componentAddress(component, prefix)];
      seenTypes.add(component.type);
    } else return;
    for (const entry of entries) {
      const name = entry.name as string;
      if (own.has(name)) continue;
      const previous = givenBy.get(name);
      if (previous) {
        // The same value twice (a component named `redis` gives REDIS_URL both ways) is one variable.
        if (previous.entry !== JSON.stringify(entry) && previous.used !== used) clashes.push({ name, index, winner: previous.used });
        continue;
      }
      givenBy.set(name, { used, entry: JSON.stringify(entry) });
      env.push(entry);
    }
  });
  return { env, clashes };
}

export function envEntry(e: EnvVar): EnvEntry {
  if (e.valueFrom) return { name: e.name, valueFrom: e.valueFrom };
  return { name: e.name, value: e.value ?? '' };
}

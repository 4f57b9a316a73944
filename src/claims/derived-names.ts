/**
 * Object names the chart and the operators derive from a unit, in the unit's namespace. They
 * are that unit's: an app or component whose object name takes one would collide with it (an
 * app named `db-rw` would take CloudNativePG's read-write Service of component `db`; an app
 * named like a MongoDB component's `<name>-database` ServiceAccount would run as it). Names are
 * reserved whatever the kind, as a Secret name an app reads is as much the owner's as a
 * Service it sends traffic to.
 */
export interface DerivedName {
  /** The exact name, or, with `prefix`, every name that starts with it. */
  name: string;
  prefix?: true;
  /** What it is, for messages: `Service db-rw (CloudNativePG read-write)`. */
  what: string;
}

const exact = (name: string, what: string): DerivedName => ({ name, what });
const prefix = (name: string, what: string): DerivedName => ({ name, prefix: true, what });

/** `type` is `microservice` for an app, else the component type; `name` the unit's object name. */
export function derivedNames(type: string, name: string): DerivedName[] {
  switch (type) {
    case 'postgresql':
      // CloudNativePG v1.30, api/v1/cluster_funcs.go (GetServiceReadWriteName "-rw", …ReadOnly
      // "-ro", …Read "-r", GetApplicationSecretName "-app", GetSuperuserSecretName "-superuser",
      // GetReplicationSecretName "-replication", GetServerCASecretName "-ca",
      // GetServerTLSSecretName "-server"; the ServiceAccount, Role and PDB take the cluster name,
      // the primary's PDB "<name>-primary"). https://cloudnative-pg.io/documentation/current/service_management/
      return [
        ...['rw', 'ro', 'r'].map((s) => exact(`${name}-${s}`, `Service ${name}-${s} (CloudNativePG)`)),
        ...['app', 'superuser', 'replication', 'ca', 'server'].map((s) => exact(`${name}-${s}`, `Secret ${name}-${s} (CloudNativePG)`)),
        exact(`${name}-primary`, `PodDisruptionBudget ${name}-primary (CloudNativePG)`),
      ];
    case 'mongodb':
      // MongoDB Community (mongodb-kubernetes 1.10), api/v1/mongodbcommunity_types.go:
      // ServiceName "-svc", AutomationConfigSecretName "-config", the agent's "-agent-password"
      // and "-keyfile", arbiters "-arb"; the user's Secrets are named by our chart
      // (scramCredentialsSecretName "<name>-app" + the operator's "-scram-credentials", the
      // connection string "<name>-admin-app"), the password Secret "<name>-app-password" comes
      // from outside git (README), and the pods' account/Role/RoleBinding is "<name>-database".
      return [
        exact(`${name}-svc`, `Service ${name}-svc (MongoDB operator)`),
        ...['config', 'agent-password', 'keyfile'].map((s) => exact(`${name}-${s}`, `Secret ${name}-${s} (MongoDB operator)`)),
        exact(`${name}-arb`, `StatefulSet ${name}-arb (MongoDB operator)`),
        prefix(`${name}-app`, `Secrets ${name}-app* (the MongoDB user's password and credentials)`),
        exact(`${name}-admin-app`, `Secret ${name}-admin-app (MongoDB connection strings)`),
        exact(`${name}-database`, `ServiceAccount, Role and RoleBinding ${name}-database (MongoDB pods)`),
      ];
    case 'rabbitmq':
      // RabbitMQ Cluster Operator v2.22, api/v1beta1/rabbitmqcluster_types.go ChildResourceName
      // (<name>-<child>): Service "-nodes", StatefulSet/ServiceAccount/RoleBinding "-server",
      // Role "-peer-discovery", Secrets "-default-user" and "-erlang-cookie", ConfigMaps
      // "-server-conf" and "-plugins-conf". https://www.rabbitmq.com/kubernetes/operator/using-operator
      return [
        exact(`${name}-nodes`, `Service ${name}-nodes (RabbitMQ operator)`),
        exact(`${name}-server`, `StatefulSet and ServiceAccount ${name}-server (RabbitMQ operator)`),
        exact(`${name}-peer-discovery`, `Role ${name}-peer-discovery (RabbitMQ operator)`),
        ...['default-user', 'erlang-cookie'].map((s) => exact(`${name}-${s}`, `Secret ${name}-${s} (RabbitMQ operator)`)),
        ...['server-conf', 'plugins-conf'].map((s) => exact(`${name}-${s}`, `ConfigMap ${name}-${s} (RabbitMQ operator)`)),
      ];
    case 'elasticsearch':
      // ECK 3.5: every object of a cluster is "<name>-es-<suffix>" (pkg/apis/elasticsearch/v1/name.go,
      // ESNamer with suffix "es"): Services -es-http, -es-transport, -es-internal-http, Secrets
      // -es-elastic-user, -es-http-certs-public, … https://www.elastic.co/guide/en/cloud-on-k8s/current/k8s-services.html
      return [prefix(`${name}-es-`, `Services and Secrets ${name}-es-* (ECK)`)];
    case 'kafka':
      // Strimzi 1.2, api/…/model/kafka/KafkaResources.java: "<name>-kafka" (ServiceAccount),
      // "<name>-kafka-bootstrap", "-kafka-brokers", "-kafka-exporter", …, "<name>-entity-operator",
      // CA Secrets "-cluster-ca", "-cluster-ca-cert", "-clients-ca", "-clients-ca-cert",
      // "-cluster-operator-certs", "<name>-cruise-control"; our chart's KafkaNodePool "<name>-nodes",
      // whose pods and StrimziPodSet are "<name>-<name>-nodes…".
      return [
        exact(`${name}-kafka`, `ServiceAccount ${name}-kafka (Strimzi)`),
        prefix(`${name}-kafka-`, `Services and Secrets ${name}-kafka-* (Strimzi)`),
        prefix(`${name}-entity-`, `${name}-entity-operator (Strimzi)`),
        prefix(`${name}-cluster-`, `CA Secrets ${name}-cluster-* (Strimzi)`),
        prefix(`${name}-clients-ca`, `CA Secrets ${name}-clients-ca* (Strimzi)`),
        prefix(`${name}-cruise-control`, `${name}-cruise-control (Strimzi)`),
        exact(`${name}-nodes`, `KafkaNodePool ${name}-nodes`),
        prefix(`${name}-${name}-nodes`, `StrimziPodSet and pods ${name}-${name}-nodes* (Strimzi)`),
      ];
    default:
      // An app's Deployment, Service, ServiceAccount, HPA, PDB and Ingress, and Redis' StatefulSet
      // and Service, all take the unit's own name, which the object-name rule already guards.
      return [];
  }
}

export function takes(derived: DerivedName, objectName: string): boolean {
  return derived.prefix ? objectName.startsWith(derived.name) : objectName === derived.name;
}

import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  FORBIDDEN_KEYS,
  compiledAllErrors,
  defaultNamespace,
  formatFieldPath,
  isLabelValue,
  isQualifiedName,
  require_dist,
  schemaProblems,
  toDnsLabel
} from "./chunk-L3QWIUZL.js";
import {
  __toESM,
  cmp,
  escapeText,
  isPrintable
} from "./chunk-T4QEYBET.js";

// src/claims/claim-path.ts
var SAFE_NAME = /^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/;
var CLAIM_FILE = /^(.*)\.(yaml|yml)$/;
var MAX_NAME = 128;
function isSafeName(name) {
  return name.length <= MAX_NAME && SAFE_NAME.test(name);
}
function classifyEntry(name, kind) {
  if (kind === "directory") return isSafeName(name) ? "claim" : "refused";
  const m = CLAIM_FILE.exec(name);
  if (m) return isSafeName(m[1]) ? "claim" : "refused";
  return isPrintable(name) && name.length <= MAX_NAME ? "ignored" : "refused";
}
function safeClaimPath(file) {
  const parts = file.split("/");
  const last = CLAIM_FILE.exec(parts.pop() ?? "");
  const ok = parts[0] === "deployments" && parts.length >= 2 && parts.slice(1).every(isSafeName) && last !== null && isSafeName(last[1]);
  if (!ok) throw new Error(`internal: claim path ${JSON.stringify(escapeText(file))} did not pass the name grammar`);
  return [...parts, `${last[1]}.${last[2]}`].join("/");
}

// src/render/chart-kinds.ts
var CHART_NAMESPACED_KINDS = [
  { group: "", kind: "ConfigMap" },
  { group: "", kind: "Service" },
  { group: "", kind: "ServiceAccount" },
  { group: "apps", kind: "Deployment" },
  { group: "apps", kind: "StatefulSet" },
  { group: "autoscaling", kind: "HorizontalPodAutoscaler" },
  { group: "batch", kind: "CronJob" },
  { group: "batch", kind: "Job" },
  { group: "elasticsearch.k8s.elastic.co", kind: "Elasticsearch" },
  { group: "external-secrets.io", kind: "ExternalSecret" },
  { group: "kafka.strimzi.io", kind: "Kafka" },
  { group: "kafka.strimzi.io", kind: "KafkaNodePool" },
  { group: "kafka.strimzi.io", kind: "KafkaTopic" },
  { group: "mongodbcommunity.mongodb.com", kind: "MongoDBCommunity" },
  { group: "monitoring.coreos.com", kind: "ServiceMonitor" },
  { group: "networking.k8s.io", kind: "Ingress" },
  { group: "policy", kind: "PodDisruptionBudget" },
  { group: "postgresql.cnpg.io", kind: "Cluster" },
  { group: "postgresql.cnpg.io", kind: "ScheduledBackup" },
  { group: "rabbitmq.com", kind: "RabbitmqCluster" },
  // The MongoDB component's own database account (charts/common/templates/mongodb-community.yaml).
  { group: "rbac.authorization.k8s.io", kind: "Role" },
  { group: "rbac.authorization.k8s.io", kind: "RoleBinding" }
];

// src/tenancy/registry.ts
function teamOf(claim, tenancy) {
  return tenancy?.teams?.find((t) => t.ownerTeam === claim.spec.owner.team);
}
function teamNamespace(team, env) {
  return Object.hasOwn(team.namespaces, env) ? team.namespaces[env] : defaultNamespace(team.id, env);
}
function claimNamespace(claim, tenancy) {
  if (claim.spec.namespace !== void 0) return claim.spec.namespace;
  const team = teamOf(claim, tenancy);
  return team ? teamNamespace(team, claim.spec.environment) : defaultNamespace(claim.spec.owner.team, claim.spec.environment);
}

// src/render/app-wiring.ts
var envPrefix = (name) => name.toUpperCase().replace(/-/g, "_");
function servicePortOf(app) {
  const first = app.ports?.[0];
  return first && (first.servicePort ?? first.port);
}
function appWiring(target) {
  const port = servicePortOf(target);
  if (port === void 0) return [];
  const p = envPrefix(target.name);
  return [
    { name: `${p}_HOST`, value: target.name },
    { name: `${p}_PORT`, value: String(port) },
    { name: `${p}_URL`, value: `http://${target.name}:${port}` }
  ];
}

// src/render/operator-objects.ts
var MONGODB_USER = "app";
var MONGODB_AUTH_DB = "admin";
var mongodbConnectionSecret = (component) => `${component}-${MONGODB_AUTH_DB}-${MONGODB_USER}`;
var mongodbPasswordSecret = (component) => `${component}-${MONGODB_USER}-password`;

// src/render/wiring.ts
var secretRef = (name, key) => ({ valueFrom: { secretKeyRef: { name, key } } });
var postgresUri = (c) => secretRef(`${c.name}-app`, "uri");
var redisUrl = (c, p) => c.config?.auth ? `redis://:$(${p}_REDIS_PASSWORD)@${c.name}:6379` : `redis://${c.name}:6379`;
var rabbitmqUser = (c) => `${c.name}-default-user`;
var mongodbUri = (c) => secretRef(mongodbConnectionSecret(c.name), "connectionString.standard");
var elasticsearchUrl = (c) => `https://${c.name}-es-http:9200`;
var kafkaBootstrap = (c) => `${c.name}-kafka-bootstrap:9092`;
var WIRING = {
  // CloudNativePG: Secret <name>-app, key uri (postgresql://user:password@<name>-rw:5432/db).
  postgresql: (c, p, first) => {
    const ref = postgresUri(c);
    return [...first ? [{ name: "DATABASE_URL", ...ref }] : [], { name: `${p}_DATABASE_URL`, ...ref }];
  },
  // Our own StatefulSet and Service <name>:6379; the password only from the claim's Secret.
  redis: (c, p, first) => {
    const auth = c.config?.auth;
    const out = [];
    if (auth) out.push({ name: `${p}_REDIS_PASSWORD`, ...secretRef(auth.existingSecret, auth.key ?? "password") });
    const url = redisUrl(c, p);
    if (first) out.push({ name: "REDIS_URL", value: url });
    out.push({ name: `${p}_REDIS_URL`, value: url });
    return out;
  },
  // RabbitMQ Cluster Operator: Secret <name>-default-user (connection_string, host, port, …).
  rabbitmq: (c, p, first) => {
    const secret = rabbitmqUser(c);
    const url = secretRef(secret, "connection_string");
    return [
      ...first ? [{ name: "RABBITMQ_URL", ...url }] : [],
      { name: `${p}_RABBITMQ_URL`, ...url },
      { name: `${p}_RABBITMQ_HOST`, ...secretRef(secret, "host") },
      { name: `${p}_RABBITMQ_PORT`, ...secretRef(secret, "port") }
    ];
  },
  // MongoDB Community: Secret <name>-<db>-<user>, key connectionString.standard (all members, replicaSet=).
  mongodb: (c, p, first) => {
    const ref = mongodbUri(c);
    return [...first ? [{ name: "MONGODB_URI", ...ref }] : [], { name: `${p}_MONGODB_URI`, ...ref }];
  },
  // ECK: Service <name>-es-http on 9200 (TLS, its CA in <name>-es-http-certs-public), user elastic in <name>-es-elastic-user.
  elasticsearch: (c, p, first) => {
    const entries = (v) => [
      { name: `${v}_URL`, value: elasticsearchUrl(c) },
      { name: `${v}_USERNAME`, value: "elastic" },
      { name: `${v}_PASSWORD`, ...secretRef(`${c.name}-es-elastic-user`, "elastic") },
      { name: `${v}_CA_CERT`, ...secretRef(`${c.name}-es-http-certs-public`, "ca.crt") }
    ];
    return [...first ? entries("ELASTICSEARCH") : [], ...entries(`${p}_ELASTICSEARCH`)];
  },
  // Strimzi: Service <name>-kafka-bootstrap, plain listener on 9092 (no credential).
  kafka: (c, p, first) => {
    const value = kafkaBootstrap(c);
    return [...first ? [{ name: "KAFKA_BOOTSTRAP_SERVERS", value }] : [], { name: `${p}_KAFKA_BOOTSTRAP_SERVERS`, value }];
  }
};
var ADDRESS = {
  postgresql: (c) => ({ host: `${c.name}-rw`, port: 5432, url: postgresUri(c) }),
  redis: (c, p) => ({ host: c.name, port: 6379, url: { value: redisUrl(c, p) } }),
  // The AMQP port of the Service the operator names after the cluster.
  rabbitmq: (c) => ({ host: c.name, port: 5672, url: secretRef(rabbitmqUser(c), "connection_string") }),
  mongodb: (c) => ({ host: `${c.name}-svc`, port: 27017, url: mongodbUri(c) }),
  elasticsearch: (c) => ({ host: `${c.name}-es-http`, port: 9200, url: { value: elasticsearchUrl(c) } }),
  // Kafka has no URL scheme of its own; kafka://host:port is the form Faust, Benthos and Spring Cloud Stream read.
  kafka: (c) => ({ host: `${c.name}-kafka-bootstrap`, port: 9092, url: { value: `kafka://${kafkaBootstrap(c)}` } })
};
function componentAddress(c, p) {
  const { host, port, url } = ADDRESS[c.type](c, p);
  return [
    { name: `${p}_HOST`, value: host },
    { name: `${p}_PORT`, value: String(port) },
    { name: `${p}_URL`, ...url }
  ];
}
function wiredEnv(claim, app) {
  return wire(claim, app).env;
}
function wiringClashes(claim, app) {
  return wire(claim, app).clashes;
}
function wire(claim, app) {
  const env = (app.env ?? []).map(envEntry);
  const own = new Set((app.env ?? []).map((e) => e.name));
  const givenBy = /* @__PURE__ */ new Map();
  const clashes = [];
  const seenTypes = /* @__PURE__ */ new Set();
  const components = claim.spec.components ?? [];
  (app.uses ?? []).forEach((used, index) => {
    const component = components.find((c) => c.name === used);
    const peer = component ? void 0 : claim.spec.applications.find((a) => a.name === used && a !== app);
    let entries;
    if (peer && peer.enabled !== false) entries = appWiring(peer);
    else if (component && component.enabled !== false) {
      const prefix = envPrefix(used);
      entries = [...WIRING[component.type](component, prefix, !seenTypes.has(component.type)), ...componentAddress(component, prefix)];
      seenTypes.add(component.type);
    } else return;
    for (const entry of entries) {
      const name = entry.name;
      if (own.has(name)) continue;
      const previous = givenBy.get(name);
      if (previous) {
        if (previous.entry !== JSON.stringify(entry) && previous.used !== used) clashes.push({ name, index, winner: previous.used });
        continue;
      }
      givenBy.set(name, { used, entry: JSON.stringify(entry) });
      env.push(entry);
    }
  });
  return { env, clashes };
}
function envEntry(e) {
  if (e.valueFrom) return { name: e.name, valueFrom: e.valueFrom };
  return { name: e.name, value: e.value ?? "" };
}

// src/render/env-order.ts
function envReferences(text) {
  const refs = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "$") continue;
    const next = text[i + 1];
    if (next === "$") {
      i++;
      continue;
    }
    if (next !== "(") continue;
    const close = text.indexOf(")", i + 2);
    if (close < 0) break;
    refs.push(text.slice(i + 2, close));
    i = close;
  }
  return refs;
}
function orderEnv(entries) {
  const indexOf = new Map(entries.map((e, i) => [e.name, i]));
  const unknown = [];
  const deps = entries.map((e, i) => {
    const refs = typeof e.value === "string" ? envReferences(e.value) : [];
    const out = /* @__PURE__ */ new Set();
    for (const name of refs) {
      const j = indexOf.get(name);
      if (j === void 0) unknown.push({ index: i, name });
      else out.add(j);
    }
    return out;
  });
  const placed = /* @__PURE__ */ new Set();
  const ordered = [];
  for (let progress = true; progress; ) {
    progress = false;
    for (let i = 0; i < entries.length; i++) {
      if (placed.has(i) || [...deps[i]].some((d) => !placed.has(d))) continue;
      placed.add(i);
      ordered.push(entries[i]);
      progress = true;
      break;
    }
  }
  const cycles = [];
  for (let i = 0; i < entries.length; i++) {
    if (placed.has(i)) continue;
    const cycle = cycleFrom(i, deps, placed);
    if (cycle) cycles.push({ index: i, cycle: cycle.map((j) => entries[j].name) });
  }
  for (let i = 0; i < entries.length; i++) if (!placed.has(i)) ordered.push(entries[i]);
  return { ordered, unknown, cycles };
}
function cycleFrom(start, deps, placed) {
  const path = [];
  const seen = /* @__PURE__ */ new Set();
  const walk = (i) => {
    if (i === start && path.length > 0) return [...path, start];
    if (seen.has(i)) return void 0;
    seen.add(i);
    path.push(i);
    for (const d of deps[i]) {
      if (placed.has(d)) continue;
      const hit = walk(d);
      if (hit) return hit;
    }
    path.pop();
    return void 0;
  };
  return walk(start);
}
function containerEnv(claim, app) {
  return orderEnv(wiredEnv(claim, app)).ordered;
}
function envIssues(claim, app) {
  const own = app.env?.length ?? 0;
  const entries = wiredEnv(claim, app);
  const { unknown, cycles } = orderEnv(entries);
  const where = (index) => index < own ? ["env", index, "value"] : ["uses"];
  const fromSecrets = new Set((app.secrets ?? []).flatMap((s) => s.env.map((e) => e.name)));
  const known = (name) => fromSecrets.has(name) || entries.some((e) => e.name === name);
  const issues = [];
  for (const { index, name } of unknown.filter((u) => !fromSecrets.has(u.name))) {
    issues.push({
      path: where(index),
      code: "env-reference-unknown",
      message: `env ${String(entries[index].name)} refers to $(${name}), which is not among this container's variables (the kubelet would leave the text as it is): define ${name} in env or uses, or write $$(${name}) for the literal text`
    });
  }
  for (const { index, cycle } of cycles) {
    issues.push({ path: where(index), code: "env-reference-cycle", message: `env ${String(entries[index].name)} is on a reference cycle (${cycle.join(" \u2192 ")}); no order expands it: break the cycle` });
  }
  for (const field of ["command", "args"]) {
    (app[field] ?? []).forEach((text, j) => {
      for (const name of envReferences(text)) {
        if (!known(name)) {
          issues.push({ path: [field, j], code: "env-reference-unknown", message: `${field}[${j}] refers to $(${name}), which is not among this container's variables: define ${name} in env or uses, or write $$(${name}) for the literal text` });
        }
      }
    });
  }
  return issues;
}

// src/render/ingress.ts
function ingressValues(app) {
  const ing = app.ingress;
  if (!ing) return void 0;
  const out = { enabled: true, hosts: [...ing.hosts], paths: [...ing.paths ?? ["/"]], port: ing.port ?? servicePortOf(app) };
  if (ing.className) out.className = ing.className;
  const tls = ing.tls;
  if (tls) {
    out.tlsSecretName = tls.secretName ?? `${app.name}-tls`;
    if (tls.clusterIssuer) out.annotations = { "cert-manager.io/cluster-issuer": tls.clusterIssuer };
    if (tls.issuer) out.annotations = { "cert-manager.io/issuer": tls.issuer };
  }
  return out;
}
function ingressIssues(app) {
  const ing = app.ingress;
  if (!ing) return [];
  const issues = [];
  const servicePorts = (app.ports ?? []).map((p) => p.servicePort ?? p.port);
  if (servicePorts.length === 0) issues.push({ path: ["ingress"], part: "key", code: "ingress-port", message: "ingress needs a Service to send traffic to: declare ports" });
  else if (ing.port !== void 0 && !servicePorts.includes(ing.port)) {
    issues.push({ path: ["ingress", "port"], code: "ingress-port", message: `ingress port ${ing.port} is not a Service port of this app (${servicePorts.join(", ")}); the Service port is servicePort when set, else port` });
  }
  const tls = ing.tls;
  if (tls) {
    const given = ["secretName", "clusterIssuer", "issuer"].filter((k) => tls[k] !== void 0);
    if (given.length === 0) issues.push({ path: ["ingress", "tls"], part: "key", code: "ingress-tls", message: "tls needs secretName (a certificate Secret you provide) or clusterIssuer/issuer (cert-manager makes <app>-tls)" });
    if (tls.clusterIssuer && tls.issuer) issues.push({ path: ["ingress", "tls", "issuer"], code: "ingress-tls", message: "a certificate comes from one cert-manager issuer: keep clusterIssuer or issuer" });
  }
  return issues;
}

// src/render/metrics.ts
function metricsValues(app, ports) {
  const m = app.metrics;
  if (!m) return void 0;
  const port = ports.find((p) => p.port === m.port || p.name === m.port);
  if (!port) return void 0;
  const out = { enabled: true, port: port.name, path: m.path ?? "/metrics" };
  if (m.interval) out.interval = m.interval;
  return out;
}
function metricsIssues(app) {
  const m = app.metrics;
  if (!m) return [];
  const ports = app.ports ?? [];
  if (ports.length === 0) return [{ path: ["metrics"], part: "key", code: "metrics-port", message: "metrics are scraped through the app's Service: declare the metrics port under ports" }];
  if (!ports.some((p) => p.port === m.port || p.name !== void 0 && p.name === m.port)) {
    const declared = ports.map((p) => p.name ? `${p.name} ${p.port}` : String(p.port));
    return [{ path: ["metrics", "port"], code: "metrics-port", message: `metrics port ${m.port} is not among this app's ports (${declared.join(", ")}); declare it under ports` }];
  }
  return [];
}

// src/render/probes.ts
var PROBE_KINDS = ["liveness", "readiness", "startup"];
var HANDLERS = ["http", "grpc", "tcp", "exec"];
var timing = (t) => ({
  initialDelaySeconds: t.initialDelaySeconds ?? 10,
  periodSeconds: t.periodSeconds ?? 10,
  timeoutSeconds: t.timeoutSeconds ?? 1,
  failureThreshold: t.failureThreshold ?? 3
});
function probeValues(app, firstPort) {
  if (app.probes) {
    const out = {};
    for (const kind of PROBE_KINDS) {
      const p = app.probes[kind];
      if (p) out[kind] = { ...handler(p, firstPort), ...timing(p) };
    }
    return out;
  }
  const health = app.healthCheck;
  const port = health?.port ?? firstPort;
  if (port === void 0) return {};
  const h = healthCheckHandler(health, port);
  const t = timing(health ?? {});
  return { liveness: { ...h, ...t }, readiness: { ...h, ...t } };
}
function healthCheckHandler(health, port) {
  if (health?.path) return { httpGet: { path: health.path, port } };
  if (health?.type === "grpc") return { grpc: { port } };
  return { tcpSocket: { port } };
}
function handler(p, firstPort) {
  if (p.http) {
    const httpGet = { path: p.http.path, port: p.http.port ?? firstPort };
    if (p.http.headers?.length) httpGet.httpHeaders = p.http.headers.map((h) => ({ name: h.name, value: h.value }));
    return { httpGet };
  }
  if (p.grpc) {
    const grpc = { port: p.grpc.port ?? firstPort };
    if (p.grpc.service !== void 0) grpc.service = p.grpc.service;
    return { grpc };
  }
  if (p.tcp) return { tcpSocket: { port: p.tcp.port ?? firstPort } };
  return { exec: { command: [...p.exec?.command ?? []] } };
}
function probeIssues(app) {
  const issues = [];
  const ports = (app.ports ?? []).map((p) => p.port);
  const checkPort = (port, path, what) => {
    if (port === void 0 && ports.length === 0) issues.push({ path, code: "probe-port", message: `${what} needs a port: set its port or declare ports` });
    else if (port !== void 0 && ports.length > 0 && !ports.includes(port)) {
      issues.push({ path: [...path, "port"], code: "probe-port", message: `${what} port ${port} is not among the declared ports (${ports.join(", ")})` });
    }
  };
  if (app.probes && app.healthCheck) {
    issues.push({ path: ["healthCheck"], part: "key", code: "probes-and-healthcheck", message: "healthCheck is a shorthand for probes; a claim uses one of them: move this check into probes.liveness/readiness, or drop probes" });
  }
  for (const kind of PROBE_KINDS) {
    const p = app.probes?.[kind];
    if (!p) continue;
    const given = HANDLERS.filter((h2) => p[h2] !== void 0);
    if (given.length !== 1) {
      const message = given.length === 0 ? `probes.${kind} needs one check: http (path), grpc, tcp or exec` : `probes.${kind} has ${given.join(" and ")}; a probe runs one check: keep one`;
      issues.push({ path: ["probes", kind], part: "key", code: "probe-handler", message });
      continue;
    }
    const h = given[0];
    if (h !== "exec") checkPort(p[h].port, ["probes", kind, h], `probes.${kind}.${h}`);
  }
  const hc = app.healthCheck;
  if (hc) {
    const type = hc.type ?? (hc.path !== void 0 ? "http" : void 0);
    if (type === void 0) {
      issues.push({
        path: ["healthCheck"],
        part: "key",
        code: "healthcheck-type",
        message: "healthCheck has no path, so it is not an HTTP check: add path (e.g. path: /healthz) for an HTTP check, or say type: tcp for a TCP connect check (type: grpc for the gRPC health protocol)"
      });
    } else if (type === "http" && hc.path === void 0) {
      issues.push({ path: ["healthCheck", "type"], code: "healthcheck-type", message: "type: http needs a path (e.g. path: /healthz)" });
    } else if (type !== "http" && hc.path !== void 0) {
      issues.push({ path: ["healthCheck", "path"], code: "healthcheck-type", message: `a path is for HTTP checks; type: ${type} has none: remove path or type` });
    }
  }
  return issues;
}

// src/render/replicas.ts
function replicaCount(app, profile) {
  if (app.singleton) return 1;
  return app.replicas ?? Math.max(profile.replicas.default, profile.replicas.floor);
}
function replicaIssues(app, profile, env) {
  const issues = [];
  const floor = profile.replicas.floor;
  if (app.singleton) {
    if (app.replicas !== void 0 && app.replicas !== 1) {
      issues.push({ path: ["replicas"], code: "singleton-replicas", message: `singleton: true runs exactly one pod, but replicas is ${app.replicas}: remove replicas or singleton` });
    }
    if (app.autoscaling !== void 0 && app.autoscaling.enabled !== false) {
      issues.push({ path: ["autoscaling"], code: "singleton-autoscaling", message: "singleton: true runs exactly one pod and is never autoscaled: remove autoscaling (or set autoscaling.enabled: false)" });
    }
    return issues;
  }
  const hint = "raise it, or set singleton: true when exactly one pod may run (one pod, no autoscaler, no disruption budget, Recreate on update)";
  if (app.replicas !== void 0 && app.replicas < floor) {
    issues.push({ path: ["replicas"], code: "replicas-below-floor", message: `replicas ${app.replicas} is below the ${env} floor of ${floor}: ${hint}` });
  }
  const min = app.autoscaling?.minReplicas;
  if (min !== void 0 && min < floor && app.autoscaling?.enabled !== false) {
    issues.push({ path: ["autoscaling", "minReplicas"], code: "replicas-below-floor", message: `autoscaling.minReplicas ${min} is below the ${env} floor of ${floor}: ${hint}` });
  }
  return issues;
}

// src/render/security.ts
var DEFAULT_RUN_AS = 65532;
function runAs(app, settings) {
  const configured = settings.security?.runAsUser ?? DEFAULT_RUN_AS;
  const user = app.securityContext?.runAsUser ?? (configured === "image" ? void 0 : configured);
  const group = app.securityContext?.runAsGroup ?? settings.security?.runAsGroup ?? (configured === "image" ? void 0 : DEFAULT_RUN_AS);
  const out = {};
  if (user !== void 0) out.runAsUser = user;
  if (group !== void 0) out.runAsGroup = group;
  return out;
}

// src/render/volumes.ts
function volumeValues(app) {
  if (!app.volumes?.length) return void 0;
  return app.volumes.map((v) => {
    const out = { name: v.name, mountPath: v.mountPath };
    if (v.files) out.files = { ...v.files };
    else {
      const emptyDir = {};
      if (v.emptyDir?.sizeLimit !== void 0) emptyDir.sizeLimit = v.emptyDir.sizeLimit;
      if (v.emptyDir?.medium !== void 0) emptyDir.medium = v.emptyDir.medium;
      out.emptyDir = emptyDir;
    }
    return out;
  });
}
function volumeIssues(app) {
  const issues = [];
  const names = /* @__PURE__ */ new Map();
  const mounts = /* @__PURE__ */ new Map();
  (app.volumes ?? []).forEach((v, i) => {
    if (names.has(v.name)) issues.push({ path: ["volumes", i, "name"], code: "volume-duplicate", message: `volume ${v.name} is declared twice (also volumes[${names.get(v.name)}])` });
    else names.set(v.name, i);
    if (v.name === "tmp") issues.push({ path: ["volumes", i, "name"], code: "volume-reserved", message: "tmp is the chart's own /tmp volume: choose another name" });
    const mount = v.mountPath.replace(/\/+$/, "") || "/";
    if (mount.split("/").some((seg) => seg === ".." || seg === ".")) {
      issues.push({ path: ["volumes", i, "mountPath"], code: "volume-mount-path", message: `mountPath ${v.mountPath} has a . or .. segment: write the path plainly` });
    } else if (mount === "/" || mount === "/tmp") {
      issues.push({ path: ["volumes", i, "mountPath"], code: "volume-mount-path", message: `mountPath ${mount} is taken (${mount === "/" ? "the root filesystem" : "the chart mounts a writable /tmp already"})` });
    } else if (mounts.has(mount)) {
      issues.push({ path: ["volumes", i, "mountPath"], code: "volume-duplicate", message: `mountPath ${mount} is used twice (also volumes[${mounts.get(mount)}])` });
    } else mounts.set(mount, i);
    const kinds = [v.emptyDir !== void 0, v.files !== void 0].filter(Boolean).length;
    if (kinds !== 1) {
      issues.push({ path: ["volumes", i], code: "volume-kind", message: `volume ${v.name} needs exactly one of emptyDir (scratch space) or files (config files from the claim)` });
    }
  });
  return issues;
}

// src/render/quantity.ts
var SUFFIX = {
  "": 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60
};
function parseQuantity(q) {
  if (typeof q === "number") return q;
  const m = /^\+?([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(q);
  if (!m) return void 0;
  return Number(m[1]) * SUFFIX[m[2] ?? ""];
}
function quantityText(q) {
  return typeof q === "number" ? String(q) : q;
}

// src/render/resources.ts
function mergeResources(base, claim) {
  const requests = { ...base.requests };
  const limits = { ...base.limits };
  const claimRequests = { ...pick(claim, ["cpu", "memory"]), ...claim?.requests };
  for (const [k, v] of Object.entries(claimRequests)) if (v !== void 0) requests[k] = quantityText(v);
  for (const [k, v] of Object.entries(claim?.limits ?? {})) if (v !== void 0) limits[k] = quantityText(v);
  for (const k of ["cpu", "memory"]) {
    const explicitLimit = claim?.limits?.[k] !== void 0;
    const req = parseQuantity(requests[k]);
    const lim = parseQuantity(limits[k]);
    if (!explicitLimit && req !== void 0 && lim !== void 0 && req > lim) limits[k] = requests[k];
  }
  return { requests, limits };
}
function pick(obj, keys) {
  const out = {};
  if (!obj) return out;
  for (const k of keys) {
    const v = obj[k];
    if (typeof v === "string" || typeof v === "number") out[k] = v;
  }
  return out;
}

// src/render/external-secrets.ts
function secretObjectName(app, secret) {
  return `${app}-${secret}`;
}
function remoteKey(claim, settings, key) {
  return settings.keyPrefix.replaceAll("{team}", toDnsLabel(claim.spec.owner.team)) + key;
}
function externalSecretValues(claim, app, settings) {
  const secrets = app.secrets ?? [];
  if (secrets.length === 0 || !settings) return { values: {}, env: [] };
  const env = [];
  const objects = secrets.map((secret) => {
    const name = secretObjectName(app.name, secret.name);
    for (const e of secret.env) env.push({ name: e.name, valueFrom: { secretKeyRef: { name, key: e.name } } });
    return {
      name,
      store: { name: settings.store, kind: settings.kind },
      refreshInterval: settings.refreshInterval,
      data: secret.env.map((e) => ({ secretKey: e.name, remoteRef: { key: remoteKey(claim, settings, e.key), ...e.property === void 0 ? {} : { property: e.property } } }))
    };
  });
  return { values: { externalSecrets: objects }, env };
}

// src/render/job-values.ts
var DEFAULT_HOOK_DEADLINE_SECONDS = 600;
function jobValues(app, env, appResources) {
  const jobs = (app.jobs ?? []).filter((j) => j.enabled !== false);
  const cronJobs = (app.cronJobs ?? []).filter((j) => j.enabled !== false);
  if (jobs.length === 0 && cronJobs.length === 0) return {};
  const out = {};
  if (jobs.length) {
    out.jobs = jobs.map((job) => ({
      ...common(app, job, env, appResources),
      hook: job.hook ?? "PreSync",
      activeDeadlineSeconds: job.activeDeadlineSeconds ?? DEFAULT_HOOK_DEADLINE_SECONDS
    }));
  }
  if (cronJobs.length) {
    out.cronJobs = cronJobs.map((job) => {
      const v = { ...common(app, job, env, appResources), schedule: job.schedule, concurrencyPolicy: job.concurrencyPolicy ?? "Forbid", suspend: job.suspend ?? false };
      if (job.timeZone !== void 0) v.timeZone = job.timeZone;
      if (job.activeDeadlineSeconds !== void 0) v.activeDeadlineSeconds = job.activeDeadlineSeconds;
      return v;
    });
  }
  return out;
}
function jobObjectName(app, job) {
  return `${app}-${job}`;
}
function common(app, job, appEnv, appResources) {
  const v = {
    name: jobObjectName(app.name, job.name),
    env: withOverrides(appEnv, job.env ?? []),
    resources: job.resources ? mergeResources(appResources, job.resources) : appResources,
    backoffLimit: job.backoffLimit ?? 1
  };
  if (job.command) v.command = job.command;
  if (job.args) v.args = job.args;
  return v;
}
function withOverrides(appEnv, jobEnv) {
  const own = new Map(jobEnv.map((e) => [e.name, envEntry(e)]));
  const out = appEnv.map((e) => own.get(e.name) ?? e);
  const inApp = new Set(appEnv.map((e) => e.name));
  for (const [name, entry] of own) if (!inApp.has(name)) out.push(entry);
  return out;
}

// src/render/values.ts
function claimNamespace2(claim, settings) {
  return claimNamespace(claim, settings.tenancy);
}
var SOURCE_NAMESPACE_LABEL = "platform.infraforge.io/source-namespace";
var TEAM_LABEL = "platform.infraforge.io/team";
function platformLabels(claim) {
  const carried = { ...claim.metadata.labels };
  if (claim.metadata.namespace) carried[SOURCE_NAMESPACE_LABEL] = claim.metadata.namespace;
  return {
    ...carried,
    "platform.infraforge.io/claim": claim.metadata.name,
    [TEAM_LABEL]: toDnsLabel(claim.spec.owner.team),
    "platform.infraforge.io/environment": claim.spec.environment,
    "platform.infraforge.io/managed": "true"
  };
}
function parseImage(image) {
  if (typeof image !== "string") {
    return { repository: image.repository, tag: image.tag, digest: image.digest, pullPolicy: image.pullPolicy };
  }
  let rest = image;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { repository: rest, tag, digest, pullPolicy: void 0 };
}
function githubRepository(text) {
  return text.replace(/^(?:https:\/\/(?:www\.)?github\.com\/|git@github\.com:)/, "").replace(/\/$/, "").replace(/\.git$/, "").toLowerCase();
}
function imageRepository(app, settings) {
  if (app.image !== void 0) return parseImage(app.image).repository;
  const { registry, owner } = settings.image;
  if (app.repository) return `${registry}/${githubRepository(app.repository)}`;
  if (!owner) return void 0;
  return `${registry}/${owner}/${app.serviceName ?? app.name}`;
}
function applicationValues(claim, app, profile, settings) {
  const image = app.image === void 0 ? void 0 : parseImage(app.image);
  const repository = imageRepository(app, settings);
  if (!repository) throw new Error(`no image owner for ${app.name}; semantic validation should have caught this`);
  const tag = image?.tag ?? app.version;
  const replicas = replicaCount(app, profile);
  const ports = (app.ports ?? []).map((p) => {
    const port = { name: p.name ?? `${(p.protocol ?? "TCP").toLowerCase()}-${p.port}`, port: p.port, protocol: p.protocol ?? "TCP" };
    if (p.servicePort !== void 0 && p.servicePort !== p.port) port.servicePort = p.servicePort;
    return port;
  });
  const autoscalingEnabled = !app.singleton && (app.autoscaling?.enabled ?? profile.autoscaling.enabled);
  const minReplicas = app.autoscaling?.minReplicas ?? replicas;
  const autoscaling = {
    enabled: autoscalingEnabled,
    minReplicas,
    maxReplicas: app.autoscaling?.maxReplicas ?? Math.max(minReplicas, replicas * profile.autoscaling.maxReplicasFactor),
    targetCPUUtilizationPercentage: app.autoscaling?.targetCPUUtilizationPercentage ?? app.autoscaling?.targetCPU ?? profile.autoscaling.targetCPUUtilizationPercentage
  };
  const memoryTarget = app.autoscaling?.targetMemoryUtilizationPercentage ?? app.autoscaling?.targetMemory;
  if (memoryTarget !== void 0) autoscaling.targetMemoryUtilizationPercentage = memoryTarget;
  const imageValues = { repository, tag, pullPolicy: image?.pullPolicy ?? (tag === "latest" ? "Always" : "IfNotPresent") };
  const digest = image?.digest ?? (tag === void 0 ? void 0 : settings.image.digests?.get(`${repository}:${tag}`));
  if (digest) imageValues.digest = digest;
  const values = {
    type: "microservice",
    name: app.name,
    labels: platformLabels(claim),
    image: imageValues,
    replicas,
    ports,
    probes: probeValues(app, ports[0]?.port),
    resources: mergeResources(profile.resources, app.resources),
    env: containerEnv(claim, app),
    autoscaling,
    podDisruptionBudget: { enabled: profile.podDisruptionBudget && Math.min(replicas, minReplicas) >= 2, minAvailable: 1 }
  };
  const user = runAs(app, settings);
  if (Object.keys(user).length) values.podSecurityContext = user;
  if (!app.singleton && (app.topologySpread ?? profile.topologySpread)) values.topologySpread = true;
  const ingress = ingressValues(app);
  if (ingress) values.ingress = ingress;
  const metrics = metricsValues(app, ports);
  if (metrics) values.metrics = metrics;
  const volumes = volumeValues(app);
  if (volumes) values.volumes = volumes;
  if (app.serviceAccount?.annotations) values.serviceAccount = { annotations: { ...app.serviceAccount.annotations } };
  if (app.command) values.command = [...app.command];
  if (app.args) values.args = [...app.args];
  if (app.singleton) values.strategy = { type: "Recreate" };
  const secrets = externalSecretValues(claim, app, settings.externalSecrets);
  if (secrets.env.length) values.env = [...secrets.env, ...values.env];
  Object.assign(values, secrets.values, jobValues(app, values.env, values.resources));
  return app.values ? deepMerge(values, app.values) : values;
}
function deepMerge(base, over) {
  const out = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (FORBIDDEN_KEYS.has(k)) continue;
    const prev = out[k];
    out[k] = isObject(prev) && isObject(v) ? deepMerge(prev, v) : v;
  }
  return out;
}
function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

// src/render/argocd.ts
function argoChartRepo(repository) {
  return repository.replace(/^oci:\/\//, "");
}
var RESOURCES_FINALIZER = "resources-finalizer.argocd.argoproj.io";
function valuesPath(env, claim, unit) {
  return `rendered/${env}/${claim}/${unit}/values.yaml`;
}
function applicationSet(claim, units, settings) {
  const name = claim.metadata.name;
  const env = claim.spec.environment;
  const labels = platformLabels(claim);
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "ApplicationSet",
    metadata: { name, namespace: settings.argocd.namespace, labels },
    spec: {
      goTemplate: true,
      goTemplateOptions: ["missingkey=error"],
      generators: [{ list: { elements: units.map((unit) => ({ name: unit })) } }],
      // No preserveResourcesOnDeletion and no explicit finalizer below: Argo CD's
      // RenderTemplateParams (applicationset/utils) then puts resources-finalizer.argocd.argoproj.io
      // on every Application itself, so an Application the controller deletes (policy `sync`)
      // takes its Deployments, Services, … with it. Operator CRs that hold data are kept by
      // their own `argocd.argoproj.io/sync-options: Delete=false` annotation (charts/common).
      template: {
        metadata: {
          name: `${name}-{{.name}}`,
          namespace: settings.argocd.namespace,
          labels: { ...labels, "platform.infraforge.io/unit": "{{.name}}" }
        },
        spec: {
          project: name,
          sources: [
            {
              repoURL: argoChartRepo(settings.chart.repository),
              chart: settings.chart.name,
              targetRevision: settings.chart.version,
              helm: {
                releaseName: `${name}-{{.name}}`,
                valueFiles: [`$values/${valuesPath(env, name, "{{.name}}")}`]
              }
            },
            { repoURL: settings.gitRepoURL, targetRevision: settings.targetRevision, ref: "values" }
          ],
          destination: { server: settings.argocd.server, namespace: claimNamespace2(claim, settings) },
          // No CreateNamespace: the namespace is the platform's (render/namespaces.ts), applied
          // by the root Application; this project may not touch it.
          syncPolicy: { automated: { prune: true, selfHeal: true } }
        }
      }
    }
  };
}
function appProject(claim, settings) {
  const owner = claim.spec.owner;
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "AppProject",
    metadata: {
      name: claim.metadata.name,
      namespace: settings.argocd.namespace,
      labels: platformLabels(claim),
      // No sync wave: one before the ApplicationSet would spare a new claim the ApplicationSet
      // controller's 3-minute retry, but the root's two-wave prune then hung on "waiting for
      // deletion of ApplicationSet" when a claim was removed (test/e2e/loop.e2e.test.ts).
      // Argo CD's application controller removes this finalizer only once no Application uses
      // the project, so when a claim is removed its AppProject outlives its Applications.
      finalizers: [RESOURCES_FINALIZER]
    },
    spec: {
      description: `${claim.metadata.name} (${claim.spec.environment}), owned by ${owner.team} <${owner.email}>`,
      // Least privilege: this repository (the values) and the chart registry, one destination,
      // the namespaced kinds the chart renders and no cluster-scoped kind at all (an empty
      // clusterResourceWhitelist allows none). Argo CD refuses anything else at sync, so a
      // values file or an Application that bypasses the renderer stays inside these bounds.
      sourceRepos: [settings.gitRepoURL, argoChartRepo(settings.chart.repository)],
      destinations: [{ server: settings.argocd.server, namespace: claimNamespace2(claim, settings) }],
      namespaceResourceWhitelist: CHART_NAMESPACED_KINDS.map((k) => ({ group: k.group, kind: k.kind })),
      clusterResourceWhitelist: []
    }
  };
}

// src/render/namespaces.ts
var POD_SECURITY_VERSION = "v1.31";
function podSecurityLabels() {
  const labels = {};
  for (const mode of ["enforce", "audit", "warn"]) {
    labels[`pod-security.kubernetes.io/${mode}`] = "restricted";
    labels[`pod-security.kubernetes.io/${mode}-version`] = POD_SECURITY_VERSION;
  }
  return labels;
}
function namespacesPath(env) {
  return `rendered/${env}/namespaces.yaml`;
}
function namespaceObjects(claims, settings) {
  const byName = /* @__PURE__ */ new Map();
  const sorted = [...claims].sort((a, b) => cmp(a.claim.metadata.name, b.claim.metadata.name));
  for (const c of sorted) {
    const name = claimNamespace2(c.claim, settings);
    if (!byName.has(name)) byName.set(name, c);
  }
  return [...byName.keys()].sort(cmp).map((name) => {
    const { claim } = byName.get(name);
    return {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name,
        labels: {
          ...podSecurityLabels(),
          "platform.infraforge.io/environment": claim.spec.environment,
          "platform.infraforge.io/team": toDnsLabel(claim.spec.owner.team),
          "platform.infraforge.io/managed": "true"
        },
        annotations: {
          "argocd.argoproj.io/sync-options": "Prune=false,Delete=false",
          "argocd.argoproj.io/compare-options": "IgnoreExtraneous"
        }
      }
    };
  });
}

// src/render/profiles.ts
var BUILTIN_PROFILES = {
  dev: {
    replicas: { default: 1, floor: 1 },
    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
    podDisruptionBudget: false,
    topologySpread: false,
    autoscaling: { enabled: false, maxReplicasFactor: 3, targetCPUUtilizationPercentage: 80 },
    components: { instances: 1, quorumMembers: 1, quorumFloor: 1, storage: "1Gi" }
  },
  staging: {
    replicas: { default: 2, floor: 1 },
    resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "1Gi" } },
    podDisruptionBudget: false,
    topologySpread: false,
    autoscaling: { enabled: false, maxReplicasFactor: 3, targetCPUUtilizationPercentage: 75 },
    components: { instances: 2, quorumMembers: 3, quorumFloor: 1, storage: "10Gi" }
  },
  prod: {
    replicas: { default: 3, floor: 2 },
    resources: { requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "2", memory: "2Gi" } },
    podDisruptionBudget: true,
    topologySpread: true,
    autoscaling: { enabled: true, maxReplicasFactor: 3, targetCPUUtilizationPercentage: 70 },
    components: { instances: 3, quorumMembers: 3, quorumFloor: 3, storage: "50Gi" }
  }
};
function resolveProfile(env, overrides = {}) {
  const own = Object.hasOwn(overrides, env) ? overrides[env] : void 0;
  const baseName = own?.extends ?? (env === "staging" || env === "prod" ? env : "dev");
  const base = BUILTIN_PROFILES[baseName];
  if (!own) return base;
  return {
    replicas: { ...base.replicas, ...own.replicas },
    resources: {
      requests: { ...base.resources.requests, ...own.resources?.requests },
      limits: { ...base.resources.limits, ...own.resources?.limits }
    },
    podDisruptionBudget: own.podDisruptionBudget ?? base.podDisruptionBudget,
    topologySpread: own.topologySpread ?? base.topologySpread,
    autoscaling: { ...base.autoscaling, ...own.autoscaling },
    components: { ...base.components, ...own.components }
  };
}
var SIZE_PRESETS = {
  small: {
    resources: { requests: { cpu: "250m", memory: "512Mi" }, limits: { cpu: "1", memory: "1Gi" } },
    storage: "10Gi"
  },
  medium: {
    resources: { requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "2", memory: "4Gi" } },
    storage: "50Gi"
  },
  large: {
    resources: { requests: { cpu: "2", memory: "8Gi" }, limits: { cpu: "4", memory: "16Gi" } },
    storage: "200Gi"
  }
};

// src/render/component-extras.ts
function kafkaTopicValues(component) {
  return (component.topics ?? []).filter((t) => t.enabled !== false).map((t) => {
    const v = { name: `${component.name}-${t.name}`, topicName: t.name };
    if (t.partitions !== void 0) v.partitions = t.partitions;
    if (t.replicas !== void 0) v.replicas = t.replicas;
    if (t.config !== void 0) v.config = Object.fromEntries(Object.entries(t.config).map(([k, value]) => [k, String(value)]));
    return v;
  });
}
function kafkaTopicIssues(component, brokers) {
  const issues = [];
  const seen = /* @__PURE__ */ new Map();
  (component.topics ?? []).forEach((t, i) => {
    const at = (field) => ["topics", i, field];
    const before = seen.get(t.name);
    if (before !== void 0) issues.push({ path: at("name"), code: "duplicate-topic", message: `topic "${t.name}" is already declared (topics[${before}])` });
    else seen.set(t.name, i);
    if (t.replicas !== void 0 && t.replicas > brokers) {
      issues.push({ path: at("replicas"), code: "topic-replicas", message: `topic "${t.name}" asks for ${t.replicas} replicas, but the cluster has ${brokers} broker${brokers === 1 ? "" : "s"} in this environment: Strimzi would refuse the topic` });
    }
  });
  return issues;
}
function backupSchedule(schedule) {
  return schedule.startsWith("@") || schedule.split(" ").length === 6 ? schedule : `0 ${schedule}`;
}

// src/render/component-settings.ts
var QUORUM_TYPES = /* @__PURE__ */ new Set(["rabbitmq", "mongodb", "elasticsearch", "kafka"]);
var JVM_TYPES = /* @__PURE__ */ new Set(["elasticsearch", "kafka"]);
var TYPE_FIELDS = {
  topics: "kafka",
  plugins: "rabbitmq",
  heap: "elasticsearch",
  brokers: "kafka",
  mode: "redis"
};
var FULL_VERSION = { mongodb: "8.0.12", elasticsearch: "9.1.0", kafka: "4.1.0" };
var DEFAULT_VERSION = { mongodb: "8.0.12", elasticsearch: "9.1.0" };
var HEAP = /^[1-9][0-9]{0,5}[mg]$/;
var MAX_NAME2 = {
  redis: { max: 52, why: "its StatefulSet <name> labels its pods with <name>-<10-character revision>" },
  rabbitmq: { max: 45, why: "the operator names its StatefulSet <name>-server" },
  mongodb: { max: 48, why: "the operator names its StatefulSets <name> and <name>-arb" },
  elasticsearch: { max: 36, why: "ECK refuses longer Elasticsearch names" },
  kafka: { max: 26, why: "Strimzi names the pods <name>-<name>-nodes-<id>" }
};
function resolveComponent(component, profile) {
  const issues = [];
  const type = component.type;
  const config = component.config ?? {};
  const refuse = (path, code, message) => issues.push({ path, code, message });
  for (const [field, owner] of Object.entries(TYPE_FIELDS)) {
    if (component[field] !== void 0 && owner !== type) {
      refuse([field], "component-field-type", `${field} is a ${owner} setting; this component is ${type}`);
    }
  }
  const pick2 = (field, value, legacyPath, legacy) => {
    if (legacy === void 0) return value;
    if (value !== void 0 && JSON.stringify(value) !== JSON.stringify(legacy)) {
      refuse(legacyPath, "component-config-conflict", `config.${legacyPath.slice(1).join(".")} (operator era) says ${JSON.stringify(legacy)} but ${field} says ${JSON.stringify(value)}; keep ${field} only`);
    }
    return value ?? legacy;
  };
  const storageObj = typeof component.storage === "object" ? component.storage : {};
  let storageSize = typeof component.storage === "string" ? component.storage : storageObj.size;
  let asked = component.replicas;
  let plugins = component.plugins;
  let heap = component.heap;
  switch (type) {
    case "rabbitmq": {
      const persistence = typeof config.persistence === "object" ? config.persistence : void 0;
      asked = pick2("replicas", asked, ["config", "replicas"], config.replicas);
      plugins = pick2("plugins", plugins, ["config", "plugins"], config.plugins);
      storageSize = pick2("storage", storageSize, ["config", "persistence", "size"], persistence?.size);
      if (persistence?.enabled === false) {
        refuse(["config", "persistence", "enabled"], "component-config-unsupported", "RabbitMQ always keeps its queues on a volume: remove config.persistence.enabled and size it with storage");
      }
      break;
    }
    case "mongodb":
      asked = pick2("replicas", asked, ["config", "replicas"], config.replicas);
      storageSize = pick2("storage", storageSize, ["config", "storage"], config.storage);
      break;
    case "elasticsearch": {
      asked = pick2("replicas", asked, ["config", "replicas"], config.replicas);
      storageSize = pick2("storage", storageSize, ["config", "storage"], config.storage);
      if (config.heap !== void 0 && !HEAP.test(config.heap)) {
        refuse(["config", "heap"], "component-config-unsupported", `config.heap ${JSON.stringify(config.heap)} is not a JVM heap size: use heap with a number and m or g, e.g. heap: 2g`);
      } else {
        heap = pick2("heap", heap, ["config", "heap"], config.heap);
      }
      break;
    }
    case "kafka": {
      const brokers = pick2("brokers", component.brokers, ["config", "brokers"], config.brokers);
      if (asked !== void 0 && brokers !== void 0 && asked !== brokers) {
        refuse(["replicas"], "component-config-conflict", `replicas ${asked} and brokers ${brokers} disagree; a Kafka component's brokers are its replicas: keep brokers only`);
      }
      asked = brokers ?? asked;
      storageSize = pick2("storage", storageSize, ["config", "storage"], config.storage);
      if (config.zookeeper !== void 0) {
        refuse(["config", "zookeeper"], "component-config-unsupported", "Strimzi 1.x runs Kafka in KRaft mode, without ZooKeeper: remove config.zookeeper (brokers sets the number of KRaft nodes)");
      }
      break;
    }
    case "redis": {
      const mode = pick2("mode", component.mode, ["config", "mode"], config.mode);
      if (mode !== void 0 && mode !== "standalone") {
        const where = component.mode !== void 0 ? ["mode"] : ["config", "mode"];
        refuse(where, "redis-mode-unsupported", `redis mode ${JSON.stringify(mode)} is not rendered: a redis component is one standalone instance (mode: standalone), without replication, failover or cluster sharding`);
      }
      const replicas = component.replicas ?? config.replicas;
      if (replicas !== void 0 && replicas !== 1) {
        const where = component.replicas !== void 0 ? ["replicas"] : ["config", "replicas"];
        refuse(where, "redis-replicas-unsupported", `redis runs one standalone instance (no replication or failover is rendered); replicas ${replicas} would be dropped, so it is refused: remove it or set 1`);
      }
      if (config.persistence === false && component.storage !== void 0) {
        refuse(["storage"], "redis-storage-without-persistence", "storage sizes a volume, but config.persistence is false (data lives in memory and an emptyDir): remove storage or persistence: false");
      }
      break;
    }
    case "postgresql":
      break;
  }
  const limit = MAX_NAME2[type];
  if (limit && component.name.length > limit.max) {
    refuse(["name"], "component-name-too-long", `a ${type} component name may have at most ${limit.max} characters (${limit.why}); "${component.name}" has ${component.name.length}`);
  }
  const members = asked ?? (QUORUM_TYPES.has(type) ? profile.components.quorumMembers : profile.components.instances);
  if (QUORUM_TYPES.has(type) && asked !== void 0 && asked < profile.components.quorumFloor) {
    const field = type === "kafka" && component.brokers !== void 0 ? "brokers" : "replicas";
    refuse([field], "component-quorum-floor", `${type} needs at least ${profile.components.quorumFloor} members in this environment (a majority must survive one loss); ${field} is ${asked}`);
  }
  if (type === "kafka") issues.push(...kafkaTopicIssues(component, members));
  if (component.version !== void 0 && FULL_VERSION[type] !== void 0 && !/^[0-9]+\.[0-9]+\.[0-9]+$/.test(component.version)) {
    refuse(["version"], "component-version", `${type} needs a full version (major.minor.patch, e.g. "${FULL_VERSION[type]}"): the operator pulls that exact image; got "${component.version}"`);
  }
  const size = component.size ?? (JVM_TYPES.has(type) ? "small" : void 0);
  const preset = size ? SIZE_PRESETS[size] : void 0;
  const storageClass = storageObj.storageClass ?? profile.components.storageClass;
  const storage = { size: storageSize ?? preset?.storage ?? profile.components.storage };
  if (storageClass) storage.storageClass = storageClass;
  const resources = mergeResources(preset?.resources ?? profile.resources, component.resources);
  if (heap !== void 0) {
    const heapBytes = parseQuantity(heap.replace(/([mg])$/, (u) => u === "g" ? "Gi" : "Mi"));
    const limit2 = parseQuantity(resources.limits.memory);
    if (heapBytes !== void 0 && limit2 !== void 0 && heapBytes > limit2 * 0.75) {
      const where = component.heap !== void 0 ? ["heap"] : ["config", "heap"];
      refuse(where, "component-heap", `heap ${heap} leaves too little of the memory limit ${resources.limits.memory} (Elasticsearch advises at most half): lower heap or raise resources.limits.memory or size`);
    }
  }
  return {
    settings: {
      members,
      storage,
      resources,
      plugins: plugins ?? [],
      heap
    },
    issues
  };
}
function defaultVersion(type) {
  return DEFAULT_VERSION[type];
}

// src/render/component-values.ts
var POSTGRES_IMAGE = "ghcr.io/cloudnative-pg/postgresql";
var DEFAULT_POSTGRES_VERSION = "17";
var REDIS_IMAGE = "docker.io/library/redis";
var DEFAULT_REDIS_VERSION = "7.4";
var RABBITMQ_IMAGE = "docker.io/library/rabbitmq";
function componentValues(claim, component, profile) {
  const { settings } = resolveComponent(component, profile);
  const { members, storage, resources } = settings;
  const base = { type: component.type, name: component.name, labels: platformLabels(claim) };
  const config = component.config ?? {};
  switch (component.type) {
    case "postgresql": {
      const version = component.version ?? DEFAULT_POSTGRES_VERSION;
      const parameters = { ...config.parameters };
      if (config.maxConnections && !parameters.max_connections) parameters.max_connections = config.maxConnections;
      const backup = config.backup ? {
        enabled: true,
        destinationPath: config.backup.destinationPath,
        retentionPolicy: config.backup.retentionPolicy ?? "30d",
        inheritFromIAMRole: config.backup.inheritFromIAMRole ?? true,
        ...config.backup.schedule === void 0 ? {} : { schedule: backupSchedule(config.backup.schedule) }
      } : { enabled: false };
      return {
        ...base,
        postgresql: {
          instances: members,
          imageName: `${POSTGRES_IMAGE}:${version}`,
          storage,
          resources,
          database: config.database ?? "app",
          owner: config.owner ?? "app",
          parameters,
          monitoring: config.monitoring ?? false,
          backup
        }
      };
    }
    case "redis": {
      const version = component.version ?? DEFAULT_REDIS_VERSION;
      return {
        ...base,
        redis: {
          image: { repository: REDIS_IMAGE, tag: version },
          // Off: no volume, so no size (a size here would read as a volume that is not there).
          persistence: config.persistence === false ? { enabled: false } : { enabled: true, ...storage },
          auth: config.auth ? { enabled: true, existingSecret: config.auth.existingSecret, key: config.auth.key ?? "password" } : { enabled: false },
          maxmemoryPolicy: config.maxmemoryPolicy ?? "noeviction",
          resources
        }
      };
    }
    case "rabbitmq": {
      const rabbitmq = { replicas: members, storage, resources, plugins: settings.plugins };
      if (component.version) rabbitmq.image = `${RABBITMQ_IMAGE}:${component.version}-management`;
      return { ...base, rabbitmq };
    }
    case "mongodb": {
      const auth = config.auth;
      return {
        ...base,
        mongodb: {
          members,
          version: component.version ?? defaultVersion("mongodb"),
          storage,
          resources,
          database: config.database ?? "app",
          user: { name: MONGODB_USER, db: MONGODB_AUTH_DB, connectionSecret: mongodbConnectionSecret(component.name) },
          passwordSecret: { name: auth?.existingSecret ?? mongodbPasswordSecret(component.name), key: auth?.key ?? "password" }
        }
      };
    }
    case "elasticsearch": {
      const elasticsearch = { version: component.version ?? defaultVersion("elasticsearch"), count: members, storage, resources };
      if (settings.heap) elasticsearch.heap = settings.heap;
      return { ...base, elasticsearch };
    }
    case "kafka": {
      const kafka = { brokers: members, storage, resources };
      if (component.version) kafka.version = component.version;
      const topics = kafkaTopicValues(component);
      if (topics.length) kafka.topics = topics;
      return { ...base, kafka };
    }
  }
}

// src/render/output-caps.ts
var MAX_OUTPUT_FILE_BYTES = 256 * 1024;
var OUTPUT_PER_INPUT_BYTE = 4;
var OUTPUT_ALLOWANCE_PER_FILE = 8 * 1024;
var OutputBudget = class {
  /** Without input sizes (a unit test's claims) only the per-file cap applies. */
  constructor(inputBytes) {
    this.inputBytes = inputBytes;
  }
  inputBytes;
  input = 0;
  used = 0;
  files = 0;
  counted = /* @__PURE__ */ new Set();
  /** A claim file's bytes join the allowance when the first claim from it is rendered. */
  addClaimFile(file) {
    if (this.counted.has(file)) return;
    this.counted.add(file);
    this.input += this.inputBytes?.get(file) ?? 0;
  }
  /** The most the next file may take, and which cap that is. */
  next() {
    if (!this.inputBytes) return { max: MAX_OUTPUT_FILE_BYTES, cap: "file" };
    const run = OUTPUT_PER_INPUT_BYTE * this.input + OUTPUT_ALLOWANCE_PER_FILE * (this.files + 1) - this.used;
    return run < MAX_OUTPUT_FILE_BYTES ? { max: Math.max(0, run), cap: "run" } : { max: MAX_OUTPUT_FILE_BYTES, cap: "file" };
  }
  spend(bytes) {
    this.used += bytes;
    this.files++;
  }
};
function capMessage(path, cap) {
  return cap === "file" ? `rendered ${path} would be larger than ${MAX_OUTPUT_FILE_BYTES / 1024} KiB, the limit for one rendered file (an alias repeating a long value?)` : `rendered ${path} would take the render past ${OUTPUT_PER_INPUT_BYTE} \xD7 the size of its claims + ${OUTPUT_ALLOWANCE_PER_FILE / 1024} KiB per file (an alias repeating a long value?)`;
}

// src/render/proof.ts
var import_yaml = __toESM(require_dist(), 1);
function proveFile(content, header2, model, expected) {
  if (!content.startsWith(header2) || !/^#[^\n]*\n$/.test(header2)) return { message: "the file does not start with its one-line generated header", at: [] };
  const tokens = [...new import_yaml.Parser().parse(content)];
  for (const version of ["1.2", "1.1"]) {
    const composer = new import_yaml.Composer({ version, uniqueKeys: true, strict: true, prettyErrors: false, ...version === "1.2" ? { schema: "core", merge: false } : {} });
    const docs = [...composer.compose(tokens)];
    if (docs.length !== 1) return { message: `reads as ${docs.length} documents, not 1 (YAML ${version})`, at: [] };
    const doc = docs[0];
    const problem = [...doc.errors, ...doc.warnings][0];
    if (problem) return { message: `does not read back (YAML ${version}): ${problem.message.split("\n")[0]}`, at: [] };
    let data;
    try {
      data = doc.toJS({ maxAliasCount: 0 });
    } catch (error) {
      return { message: `does not read back as plain data (YAML ${version}): ${String(error)}`, at: [] };
    }
    const diff = difference(data, model, []);
    if (diff) return { message: `reads back (YAML ${version}) differently from what was meant at ${diff.join(".") || "(root)"}`, at: diff };
  }
  return proveKind(model, expected);
}
function proveKind(model, expected) {
  if (!isMap(model)) return { message: "is not a mapping", at: [] };
  if (expected.kind === "values") return void 0;
  const meta = model.metadata;
  if (model.apiVersion !== "argoproj.io/v1alpha1" || model.kind !== expected.kind) return { message: `is not one argoproj.io/v1alpha1 ${expected.kind}`, at: ["kind"] };
  if (!isMap(meta) || meta.name !== expected.name || meta.namespace !== expected.namespace) {
    return { message: `is not the ${expected.kind} ${expected.namespace}/${expected.name}`, at: ["metadata"] };
  }
  const own = badLabel(meta.labels, ["metadata", "labels"]);
  if (own) return own;
  if (expected.kind === "ApplicationSet") return proveTemplate(model);
  return void 0;
}
function proveTemplate(model) {
  const spec = model.spec;
  if (!isMap(spec) || !Array.isArray(spec.generators) || spec.generators.length !== 1) return { message: "has not exactly one generator", at: ["spec", "generators"] };
  const list = spec.generators[0].list;
  if (!list || !Array.isArray(list.elements)) return { message: "its generator is not a list", at: ["spec", "generators"] };
  for (const element of list.elements) {
    const name = isMap(element) ? element.name : void 0;
    if (typeof name !== "string" || Object.keys(element).length !== 1) return { message: "a list element is not just {name}", at: ["spec", "generators"] };
    const rendered = substitute(spec.template, name);
    const leftover = findString(rendered, (s) => s.includes("{{") || s.includes("}}"), ["spec", "template"]);
    if (leftover) return { message: `template text other than {{.name}} at ${leftover.join(".")}`, at: leftover };
    const meta = isMap(rendered) ? rendered.metadata : void 0;
    if (!isMap(meta)) return { message: "its template has no metadata", at: ["spec", "template"] };
    const labels = badLabel(meta.labels, ["spec", "template", "metadata", "labels"], name);
    if (labels) return labels;
  }
  return void 0;
}
function badLabel(labels, at, unit) {
  if (labels === void 0) return void 0;
  if (!isMap(labels)) return { message: "labels are not a mapping", at };
  const where = unit === void 0 ? "" : ` (Application of ${unit})`;
  for (const [key, value] of Object.entries(labels)) {
    if (!isQualifiedName(key)) return { message: `label key ${JSON.stringify(key)} would be refused by the API server${where}: not a qualified name`, at: [...at, key], label: { key, part: "key" } };
    if (typeof value !== "string" || !isLabelValue(value)) {
      return { message: `label value ${JSON.stringify(value)} of ${key} would be refused by the API server${where}`, at: [...at, key], label: { key, part: "value" } };
    }
  }
  return void 0;
}
function substitute(node, name) {
  if (typeof node === "string") return node.split("{{.name}}").join(name);
  if (Array.isArray(node)) return node.map((v) => substitute(v, name));
  if (isMap(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [substitute(k, name), substitute(v, name)]));
  return node;
}
function findString(node, test, at) {
  if (typeof node === "string") return test(node) ? at : void 0;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const hit = findString(node[i], test, [...at, i]);
      if (hit) return hit;
    }
  } else if (isMap(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (test(k)) return [...at, k];
      const hit = findString(v, test, [...at, k]);
      if (hit) return hit;
    }
  }
  return void 0;
}
function difference(a, b, at) {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return at;
    for (let i = 0; i < a.length; i++) {
      const d = difference(a[i], b[i], [...at, i]);
      if (d) return d;
    }
    return void 0;
  }
  if (isMap(a) || isMap(b)) {
    if (!isMap(a) || !isMap(b)) return at;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return at;
    for (const k of ka) {
      if (!Object.hasOwn(b, k)) return [...at, k];
      const d = difference(a[k], b[k], [...at, k]);
      if (d) return d;
    }
    return void 0;
  }
  return Object.is(a, b) || a === 0 && b === 0 ? void 0 : at;
}
function isMap(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Map) && !(v instanceof Set);
}

// src/render/values-problems.ts
var VALUES_SCHEMA = "charts/common/values.schema.json";
function valuesProblems(source, origin, values, escapeHatch, validate) {
  const all = compiledAllErrors(validate.schema);
  all(values);
  const errors = all.errors?.length ? all.errors : validate.errors ?? [];
  const fromHatch = [];
  const built = [];
  for (const e of errors) (escapeHatch && blamesHatch(e, escapeHatch) ? fromHatch : built).push(e);
  const prefix = `/${[...origin, "values"].join("/")}`;
  const hatch = schemaProblems(source, fromHatch.map((e) => ({ ...e, instancePath: prefix + e.instancePath })));
  const rest = schemaProblems({ ...source, data: values, locate: () => source.locate(origin, "value") }, built);
  return [
    ...hatch.map((p) => ({ ...p, code: "values-schema", message: `${p.message} (${VALUES_SCHEMA})` })),
    // Blamed at the unit's entry, so the field named is that entry's, not a path inside the values.
    ...rest.map((p) => ({ ...p, code: "values-schema", message: `rendered values break ${VALUES_SCHEMA}: ${p.message}`, field: formatFieldPath(origin) }))
  ];
}
function blamesHatch(error, escapeHatch) {
  const blamed = error.instancePath.split("/").slice(1);
  if (error.keyword === "additionalProperties") blamed.push(error.params.additionalProperty);
  return blamed[0] !== void 0 && Object.hasOwn(escapeHatch, blamed[0]);
}

// src/render/yaml-emit.ts
var SAFE_PLAIN = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
var YAML11_WORDS = /* @__PURE__ */ new Set(["y", "n", "yes", "no", "on", "off", "true", "false", "null"]);
var MUST_ESCAPE = /[\u007f-\u009f\u2028\u2029\ufeff]/g;
var EmitError = class extends Error {
  constructor(message, segments, reason = "unwritable") {
    const path = formatPath(segments);
    super(`${message} at ${path || "(root)"}`);
    this.reason = reason;
    this.name = "EmitError";
    this.segments = [...segments];
  }
  reason;
  /** The path as segments, for pointing back at the claim field it came from. */
  segments;
  get path() {
    return formatPath(this.segments);
  }
};
function emitYaml(value, options = {}) {
  const out = new Output(options.maxLength ?? Number.POSITIVE_INFINITY);
  if (isPlainObject(value) && Object.keys(value).length > 0) emitMap(value, 0, out);
  else if (Array.isArray(value) && value.length > 0) emitSeq(value, 0, out);
  else out.push(scalar(value, out));
  return `${out.lines.join("\n")}
`;
}
function quoteString(s) {
  if (SAFE_PLAIN.test(s) && !YAML11_WORDS.has(s.toLowerCase())) return s;
  return JSON.stringify(s).replace(MUST_ESCAPE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
var Output = class {
  constructor(max) {
    this.max = max;
  }
  max;
  lines = [];
  path = [];
  length = 0;
  push(line) {
    this.length += line.length + 1;
    if (this.length > this.max) throw new EmitError(`output passes the limit of ${this.max} bytes`, this.path, "too-large");
    this.lines.push(line);
  }
};
function emitMap(obj, indent, out, firstPrefix) {
  const keys = Object.keys(obj).sort(cmp);
  const pad = " ".repeat(indent);
  keys.forEach((key, i) => {
    const prefix = i === 0 && firstPrefix !== void 0 ? firstPrefix : pad;
    const child = obj[key];
    out.path.push(key);
    const k = quoteString(key);
    if (isPlainObject(child) && Object.keys(child).length > 0) {
      out.push(`${prefix}${k}:`);
      emitMap(child, indent + 2, out);
    } else if (Array.isArray(child) && child.length > 0) {
      out.push(`${prefix}${k}:`);
      emitSeq(child, indent, out);
    } else {
      out.push(`${prefix}${k}: ${scalar(child, out)}`);
    }
    out.path.pop();
  });
}
function emitSeq(items, indent, out) {
  const pad = " ".repeat(indent);
  items.forEach((item, i) => {
    out.path.push(i);
    if (isPlainObject(item) && Object.keys(item).length > 0) {
      emitMap(item, indent + 2, out, `${pad}- `);
    } else if (Array.isArray(item) && item.length > 0) {
      out.push(`${pad}-`);
      emitSeq(item, indent + 2, out);
    } else {
      out.push(`${pad}- ${scalar(item, out)}`);
    }
    out.path.pop();
  });
}
function formatPath(segments) {
  let text = "";
  for (const s of segments) text += typeof s === "number" ? `[${s}]` : text ? `.${s}` : s;
  return text;
}
function scalar(value, out) {
  switch (typeof value) {
    case "string":
      return quoteString(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new EmitError(`refusing to write ${value}`, out.path);
      return Object.is(value, -0) ? "0" : String(value);
    case "object":
      if (value === null) return "null";
      if (Array.isArray(value)) return "[]";
      if (isPlainObject(value)) return "{}";
      throw new EmitError("refusing to write a non-plain object", out.path);
    default:
      throw new EmitError(`refusing to write ${typeof value}`, out.path);
  }
}
function isPlainObject(v) {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

// src/render/plan.ts
var GENERATED_MARKER = "# Generated by infraforge-render";
function header(sourceFile, baseFile) {
  const from = baseFile ? `${safeClaimPath(baseFile)} + ${safeClaimPath(sourceFile)}` : safeClaimPath(sourceFile);
  return `${GENERATED_MARKER} from ${from}. Do not edit: change the claim instead.
`;
}
var SUSPICIOUS_WHOLE = /* @__PURE__ */ new Set(["undefined", "NaN"]);
function renderPlan(claims, settings, validateValues, options = {}) {
  const files = [];
  const problems = [];
  const budget = new OutputBudget(options.inputBytes);
  const sorted = [...claims].sort((a, b) => cmp(a.env, b.env) || cmp(a.claim.metadata.name, b.claim.metadata.name));
  for (const loaded of sorted) {
    const { claim, env, source } = loaded;
    const name = claim.metadata.name;
    const profile = resolveProfile(env, settings.profiles);
    const head = header(source.file, source.base);
    budget.addClaimFile(source.file);
    if (source.base) budget.addClaimFile(source.base);
    const units = [];
    const blame = (origin, at, escapeHatch) => escapeHatch && typeof at[0] === "string" && Object.hasOwn(escapeHatch, at[0]) ? [...origin, "values", ...at] : origin;
    const refuse = (from, code, message, part = "value") => problems.push({ file: source.file, ...source.locate(from, part), code, message, field: formatFieldPath(from) });
    const add = (path, doc, origin, expected, unit, escapeHatch) => {
      const bad = findUnintended(doc, unit === void 0 ? templateStrings(doc) : /* @__PURE__ */ new Set());
      if (bad) {
        const from = pathOfString(source.data, bad.value) ?? origin;
        refuse(from, "unintended-output", `rendered ${path} would contain ${JSON.stringify(bad.value)} at ${bad.path}: template syntax and undefined/NaN placeholders are refused`);
        return;
      }
      const { max, cap } = budget.next();
      let content;
      try {
        content = head + emitYaml(doc, { maxLength: max - head.length });
      } catch (error) {
        if (!(error instanceof EmitError)) throw error;
        if (error.reason === "too-large") refuse(blame(origin, error.segments, escapeHatch), "output-too-large", capMessage(path, cap));
        else problems.push({ file: source.file, ...source.locate(origin, "value"), code: "unrenderable", message: `cannot render ${path}: ${error.message}` });
        return;
      }
      const bytes = Buffer.byteLength(content);
      if (bytes > max) {
        refuse(origin, "output-too-large", capMessage(path, cap));
        return;
      }
      const disproof = proveFile(content, head, doc, expected);
      if (disproof) {
        const label = disproof.label;
        if (label) refuse(labelSource(claim, label.key), "label-refused", `${disproof.message}; rendered ${path} would fail to apply`, label.part);
        else refuse(blame(origin, disproof.at, escapeHatch), "output-unproven", `rendered ${path} ${disproof.message}`);
        return;
      }
      budget.spend(bytes);
      const file = { path, content, env, claim: name };
      if (unit !== void 0) file.unit = unit;
      files.push(file);
    };
    const unitValues = [];
    claim.spec.applications.forEach((app, i) => {
      if (app.enabled === false) return;
      const item = { unit: app.name, values: applicationValues(claim, app, profile, settings), origin: ["spec", "applications", i] };
      if (app.values) item.escapeHatch = app.values;
      unitValues.push(item);
    });
    (claim.spec.components ?? []).forEach((component, i) => {
      if (component.enabled === false) return;
      unitValues.push({ unit: component.name, values: componentValues(claim, component, profile), origin: ["spec", "components", i] });
    });
    for (const { unit, values, origin, escapeHatch } of unitValues) {
      if (!validateValues(values)) {
        problems.push(...valuesProblems(source, origin, values, escapeHatch, validateValues));
        continue;
      }
      units.push(unit);
      add(valuesPath(env, name, unit), values, origin, { kind: "values" }, unit, escapeHatch);
    }
    const argocd = { name, namespace: settings.argocd.namespace };
    add(`rendered/${env}/${name}/applicationset.yaml`, applicationSet(claim, units, settings), ["metadata", "name"], { kind: "ApplicationSet", ...argocd });
    add(`rendered/${env}/${name}/appproject.yaml`, appProject(claim, settings), ["metadata", "name"], { kind: "AppProject", ...argocd });
  }
  for (const env of [...new Set(sorted.map((c) => c.env))]) {
    const docs = namespaceObjects(sorted.filter((c) => c.env === env), settings);
    const head = `${GENERATED_MARKER} from the claims in deployments/${env}/. Do not edit: the platform's namespaces, applied by the root Application.
`;
    files.push({ path: namespacesPath(env), content: head + docs.map((d) => emitYaml(d)).join("---\n"), env, claim: "" });
  }
  files.sort((a, b) => cmp(a.path, b.path));
  return { files, problems };
}
function labelSource(claim, key) {
  if (claim.metadata.labels && Object.hasOwn(claim.metadata.labels, key)) return ["metadata", "labels", key];
  if (key === SOURCE_NAMESPACE_LABEL) return ["metadata", "namespace"];
  if (key === TEAM_LABEL) return ["spec", "owner", "team"];
  return ["metadata", "name"];
}
function templateStrings(doc) {
  const allowed = /* @__PURE__ */ new Set();
  walkStrings(doc, (s) => {
    if (/^[a-z0-9-]*\{\{\.name\}\}$/.test(s) || /^\$values\/rendered\/[a-z0-9-]+\/[a-z0-9-]+\/\{\{\.name\}\}\/values\.yaml$/.test(s)) allowed.add(s);
  });
  return allowed;
}
function isUnintended(s, allowed) {
  return (s.includes("{{") || s.includes("}}") || s.includes("<no value>") || SUSPICIOUS_WHOLE.has(s)) && !allowed.has(s);
}
function findUnintended(node, allowed) {
  if (typeof node === "string") return isUnintended(node, allowed) ? { path: "", value: node } : void 0;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const hit = findUnintended(node[i], allowed);
      if (hit) return { ...hit, path: `[${i}]${hit.path && !hit.path.startsWith("[") ? `.${hit.path}` : hit.path}` };
    }
  } else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (isUnintended(k, allowed)) return { path: k, value: k };
      const hit = findUnintended(v, allowed);
      if (hit) return { ...hit, path: hit.path ? hit.path.startsWith("[") ? `${k}${hit.path}` : `${k}.${hit.path}` : k };
    }
  }
  return void 0;
}
function pathOfString(data, value, path = []) {
  if (data === value) return path;
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) {
      const hit = pathOfString(data[i], value, [...path, i]);
      if (hit) return hit;
    }
  } else if (data && typeof data === "object") {
    for (const [k, v] of Object.entries(data)) {
      const hit = pathOfString(v, value, [...path, k]);
      if (hit) return hit;
    }
  }
  return void 0;
}
function walkStrings(node, visit) {
  if (typeof node === "string") visit(node);
  else if (Array.isArray(node)) for (const v of node) walkStrings(v, visit);
  else if (node && typeof node === "object") for (const v of Object.values(node)) walkStrings(v, visit);
}

export {
  classifyEntry,
  resolveProfile,
  parseQuantity,
  resolveComponent,
  wiredEnv,
  wiringClashes,
  envIssues,
  ingressIssues,
  metricsIssues,
  probeIssues,
  replicaIssues,
  volumeIssues,
  teamOf,
  teamNamespace,
  claimNamespace,
  runAs,
  jobObjectName,
  claimNamespace2,
  parseImage,
  imageRepository,
  valuesPath,
  POSTGRES_IMAGE,
  DEFAULT_POSTGRES_VERSION,
  REDIS_IMAGE,
  DEFAULT_REDIS_VERSION,
  emitYaml,
  GENERATED_MARKER,
  renderPlan
};

import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  FORBIDDEN_KEYS,
  compiledAllErrors,
  defaultNamespace,
  formatFieldPath,
  isLabelValue,
  isQualifiedName,
  schemaProblems,
  toDnsLabel
} from "./chunk-VVC7TDTM.js";
import {
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
      // One wave before the ApplicationSet: the ApplicationSet controller checks an Application's
      // project in its own informer cache and, when it is not there yet, retries only after 3
      // minutes (ReconcileRequeueOnValidationError, applicationset_controller.go). Between waves
      // the root waits (ARGOCD_SYNC_WAVE_DELAY, 2 s), so a new claim's Applications exist
      // seconds after the root's sync. Pruning runs the waves backwards: the ApplicationSet goes
      // first, this project second. That two-wave prune waits for the pruned ApplicationSet to
      // be gone before the next wave, which is why the root Applications prune with background
      // propagation (infrastructure/argocd/root-<env>.yaml says why; README "Lifecycle").
      annotations: { "argocd.argoproj.io/sync-wave": "-1" },
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
var MIN_POSTGRES_MAJOR = 13;
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
  const pick3 = (field, value, legacyPath, legacy) => {
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
      asked = pick3("replicas", asked, ["config", "replicas"], config.replicas);
      plugins = pick3("plugins", plugins, ["config", "plugins"], config.plugins);
      storageSize = pick3("storage", storageSize, ["config", "persistence", "size"], persistence?.size);
      if (persistence?.enabled === false) {
        refuse(["config", "persistence", "enabled"], "component-config-unsupported", "RabbitMQ always keeps its queues on a volume: remove config.persistence.enabled and size it with storage");
      }
      break;
    }
    case "mongodb":
      asked = pick3("replicas", asked, ["config", "replicas"], config.replicas);
      storageSize = pick3("storage", storageSize, ["config", "storage"], config.storage);
      break;
    case "elasticsearch": {
      asked = pick3("replicas", asked, ["config", "replicas"], config.replicas);
      storageSize = pick3("storage", storageSize, ["config", "storage"], config.storage);
      if (config.heap !== void 0 && !HEAP.test(config.heap)) {
        refuse(["config", "heap"], "component-config-unsupported", `config.heap ${JSON.stringify(config.heap)} is not a JVM heap size: use heap with a number and m or g, e.g. heap: 2g`);
      } else {
        heap = pick3("heap", heap, ["config", "heap"], config.heap);
      }
      break;
    }
    case "kafka": {
      const brokers = pick3("brokers", component.brokers, ["config", "brokers"], config.brokers);
      if (asked !== void 0 && brokers !== void 0 && asked !== brokers) {
        refuse(["replicas"], "component-config-conflict", `replicas ${asked} and brokers ${brokers} disagree; a Kafka component's brokers are its replicas: keep brokers only`);
      }
      asked = brokers ?? asked;
      storageSize = pick3("storage", storageSize, ["config", "storage"], config.storage);
      if (config.zookeeper !== void 0) {
        refuse(["config", "zookeeper"], "component-config-unsupported", "Strimzi 1.x runs Kafka in KRaft mode, without ZooKeeper: remove config.zookeeper (brokers sets the number of KRaft nodes)");
      }
      break;
    }
    case "redis": {
      const mode = pick3("mode", component.mode, ["config", "mode"], config.mode);
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
  if (type === "postgresql" && component.version !== void 0 && Number(component.version.split(".")[0]) < MIN_POSTGRES_MAJOR) {
    refuse(["version"], "component-version", `postgresql ${component.version} is not supported: CloudNativePG runs PostgreSQL ${MIN_POSTGRES_MAJOR} or newer (its webhook refuses the Cluster)`);
  }
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

// node_modules/js-yaml/dist/js-yaml.mjs
var NOT_RESOLVED = /* @__PURE__ */ Symbol("NOT_RESOLVED");
function defineScalarTag(tagName, options) {
  return {
    tagName,
    nodeKind: "scalar",
    implicit: options.implicit ?? false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    implicitFirstChars: options.implicitFirstChars ?? null,
    resolve: options.resolve,
    identify: options.identify,
    represent: options.represent ?? ((data) => String(data)),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function defineSequenceTag(tagName, options) {
  const carrierIsResult = options.finalize === void 0;
  return {
    tagName,
    nodeKind: "sequence",
    implicit: false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    create: options.create,
    addItem: options.addItem,
    finalize: options.finalize ?? ((carrier) => carrier),
    carrierIsResult,
    identify: options.identify,
    represent: options.represent ?? ((data) => data),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function defineMappingTag(tagName, options) {
  const carrierIsResult = options.finalize === void 0;
  return {
    tagName,
    nodeKind: "mapping",
    implicit: false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    create: options.create,
    addPair: options.addPair,
    has: options.has,
    keys: options.keys,
    get: options.get,
    finalize: options.finalize ?? ((carrier) => carrier),
    carrierIsResult,
    identify: options.identify,
    represent: options.represent ?? ((data) => data),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
  resolve: (source) => source,
  identify: (data) => typeof data === "string"
});
var NULL_VALUES$1 = [
  "",
  "~",
  "null",
  "Null",
  "NULL"
];
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: [
    "",
    "~",
    "n",
    "N"
  ],
  resolve: (source) => {
    if (NULL_VALUES$1.indexOf(source) !== -1) return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: ["n"],
  resolve: (source, isExplicit) => {
    if (source === "null" || isExplicit && source === "") return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var NULL_VALUES = [
  "",
  "~",
  "null",
  "Null",
  "NULL"
];
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: [
    "",
    "~",
    "n",
    "N"
  ],
  resolve: (source) => {
    if (NULL_VALUES.indexOf(source) !== -1) return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var TRUE_VALUES$2 = [
  "true",
  "True",
  "TRUE"
];
var FALSE_VALUES$2 = [
  "false",
  "False",
  "FALSE"
];
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: [
    "t",
    "T",
    "f",
    "F"
  ],
  resolve: (source) => {
    if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
    if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: ["t", "f"],
  resolve: (source) => {
    if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
    if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var TRUE_VALUES = [
  "true",
  "True",
  "TRUE",
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "on",
  "On",
  "ON"
];
var FALSE_VALUES = [
  "false",
  "False",
  "FALSE",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "off",
  "Off",
  "OFF"
];
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: [
    "y",
    "Y",
    "n",
    "N",
    "t",
    "T",
    "f",
    "F",
    "o",
    "O"
  ],
  resolve: (source) => {
    if (TRUE_VALUES.indexOf(source) !== -1) return true;
    if (FALSE_VALUES.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
  let value = source;
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
  } else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger$2(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ..."0123456789"
  ],
  resolve: resolveYamlInteger$2,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
  let value = source;
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  } else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger$1(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: ["-", ..."0123456789"],
  resolve: resolveYamlInteger$1,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
  let value = source.replace(/_/g, "");
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  if (value.includes(":")) {
    let result = 0;
    for (const part of value.split(":")) result = result * 60 + Number(part);
    return sign * result;
  }
  if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
  if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ..."0123456789"
  ],
  resolve: resolveYamlInteger,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
  if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
  let value = source.toLowerCase();
  const sign = value[0] === "-" ? -1 : 1;
  if ("+-".includes(value[0])) value = value.slice(1);
  if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === ".nan") return NaN;
  const result = sign * parseFloat(value);
  if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ".",
    ..."0123456789"
  ],
  resolve: resolveYamlFloat$2,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat$2
});
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
    let value = source.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".includes(value[0])) value = value.slice(1);
    if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    if (value === ".nan") return NaN;
    const result2 = sign * parseFloat(value);
    return Number.isFinite(result2) ? result2 : NOT_RESOLVED;
  }
  if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  const result = Number(source);
  if (Number.isFinite(result)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: ["-", ..."0123456789"],
  resolve: resolveYamlFloat$1,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat$1
});
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
  if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
  let value = source.toLowerCase().replace(/_/g, "");
  const sign = value[0] === "-" ? -1 : 1;
  if ("+-".includes(value[0])) value = value.slice(1);
  if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === ".nan") return NaN;
  let result = 0;
  if (value.includes(":")) {
    for (const part of value.split(":")) result = result * 60 + Number(part);
    result *= sign;
  } else result = sign * parseFloat(value);
  if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ".",
    ..."0123456789"
  ],
  resolve: resolveYamlFloat,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat
});
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
  implicit: true,
  implicitFirstChars: ["<"],
  resolve: (source, isExplicit) => {
    if (source === "<<" || isExplicit && source === "") return "<<";
    return NOT_RESOLVED;
  },
  identify: () => false
});
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
  const input = source.replace(/\s/g, "");
  if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
  const binary = atob(input);
  const result = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
  return result;
}
function representYamlBinary(object) {
  let binary = "";
  for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
  return btoa(binary);
}
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
  resolve: resolveYamlBinary,
  identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
  represent: representYamlBinary
});
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
  const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
  date.setUTCFullYear(year, month, day);
  return date;
}
function resolveYamlTimestamp(source) {
  let match = YAML_DATE_REGEXP.exec(source);
  if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
  if (match === null) return NOT_RESOLVED;
  const year = +match[1];
  const month = +match[2] - 1;
  const day = +match[3];
  if (!match[4]) {
    const date2 = makeUtcDate(year, month, day);
    if (date2.getUTCFullYear() !== year || date2.getUTCMonth() !== month || date2.getUTCDate() !== day) return NOT_RESOLVED;
    return date2;
  }
  const hour = +match[4];
  const minute = +match[5];
  const second = +match[6];
  let fraction = 0;
  if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
  if (match[7]) {
    let value = match[7].slice(0, 3);
    while (value.length < 3) value += "0";
    fraction = +value;
  }
  const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
  if (match[9]) {
    const offsetHour = +match[10];
    const offsetMinute = +(match[11] || 0);
    if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
    const offset = (offsetHour * 60 + offsetMinute) * 6e4;
    date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
  }
  return date;
}
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
  implicit: true,
  implicitFirstChars: [..."0123456789"],
  resolve: resolveYamlTimestamp,
  identify: (object) => object instanceof Date,
  represent: (object) => object.toISOString()
});
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
  create: () => [],
  addItem: (container, item) => {
    container.push(item);
  },
  identify: Array.isArray
});
function isPlainObject(data) {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
  const prototype = Object.getPrototypeOf(data);
  return prototype === null || prototype === Object.prototype;
}
function pick2(object, keys) {
  const result = {};
  for (const key of keys) if (object[key] !== void 0) result[key] = object[key];
  return result;
}
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
  create: () => ({
    list: [],
    seen: /* @__PURE__ */ new Set()
  }),
  addItem: (carrier, item) => {
    let key;
    if (item instanceof Map) {
      if (item.size !== 1) return "cannot resolve an ordered map item";
      key = item.keys().next().value;
    } else if (isPlainObject(item)) {
      const itemKeys = Object.keys(item);
      if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
      key = itemKeys[0];
    } else return "cannot resolve an ordered map item";
    if (carrier.seen.has(key)) return "duplicate key in ordered map";
    carrier.seen.add(key);
    carrier.list.push(item);
    return "";
  },
  finalize: (carrier) => carrier.list,
  identify: () => false
});
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
  create: () => [],
  addItem: (container, item) => {
    if (item instanceof Map) {
      if (item.size !== 1) return "cannot resolve a pairs item";
      container.push(item.entries().next().value);
      return "";
    }
    if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
    const object = item;
    const keys = Object.keys(object);
    if (keys.length !== 1) return "cannot resolve a pairs item";
    container.push([keys[0], object[keys[0]]]);
    return "";
  },
  identify: () => false
});
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlainObject,
  represent: (o) => {
    const map = /* @__PURE__ */ new Map();
    for (const key of Object.keys(o)) map.set(key, o[key]);
    return map;
  },
  addPair: (container, key, value) => {
    if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
    const normalizedKey = String(key);
    if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
      value,
      enumerable: true,
      configurable: true,
      writable: true
    });
    else container[normalizedKey] = value;
    return "";
  },
  has: (container, key) => {
    if (key !== null && typeof key === "object") return false;
    return Object.prototype.hasOwnProperty.call(container, String(key));
  },
  keys: (container) => Object.keys(container),
  get: (container, key) => {
    const normalizedKey = String(key);
    if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
    return container[normalizedKey];
  }
});
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
  create: () => /* @__PURE__ */ new Set(),
  identify: (data) => data instanceof Set,
  represent: (data) => {
    const map = /* @__PURE__ */ new Map();
    for (const key of data) map.set(key, null);
    return map;
  },
  addPair: (container, key, value) => {
    if (value !== null) return "cannot resolve a set item";
    container.add(key);
    return "";
  },
  has: (container, key) => container.has(key),
  keys: (container) => container.keys(),
  get: () => null
});
function createTagDefinitionMap() {
  return {
    scalar: /* @__PURE__ */ Object.create(null),
    sequence: /* @__PURE__ */ Object.create(null),
    mapping: /* @__PURE__ */ Object.create(null)
  };
}
function createTagDefinitionListMap() {
  return {
    scalar: [],
    sequence: [],
    mapping: []
  };
}
function compileTags(tags) {
  const result = [];
  for (const tag of tags) {
    let index = result.length;
    for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
      const previous = result[previousIndex];
      if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
        index = previousIndex;
        break;
      }
    }
    result[index] = tag;
  }
  return result;
}
var Schema = class Schema2 {
  tags;
  /** @internal */
  implicitScalarTags;
  /**
  * Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
  * the resolvers that may match that key, in schema order; a key absent from
  * the map uses
  * {@link Schema.implicitScalarAnyFirstChar}
  * (resolvers that declared no first-char constraint, so they apply to any
  * first character).
  */
  implicitScalarByFirstChar;
  implicitScalarAnyFirstChar;
  /**
  * The default scalar tag (`!!str`), resolved once so the composer's fallback
  * for unresolved plain scalars avoids a keyed lookup per scalar.
  *
  * @internal
  */
  defaultScalarTag;
  /**
  * The default container tags (`!!seq` / `!!map`), used by the dumper: when a
  * value is identified by its default tag, the tag is implicit and not
  * printed. Undefined if the schema does not define them (then such values
  * can't be dumped).
  *
  * @internal
  */
  defaultSequenceTag;
  /** @internal */
  defaultMappingTag;
  exact;
  prefix;
  constructor(tags) {
    const compiledTags = compileTags(tags);
    const implicitScalarTags = [];
    const exact = createTagDefinitionMap();
    const prefix = createTagDefinitionListMap();
    for (const tag of compiledTags) {
      if (tag.nodeKind === "scalar" && tag.implicit) {
        if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
        implicitScalarTags.push(tag);
      }
      switch (tag.nodeKind) {
        case "scalar":
          if (tag.matchByTagPrefix) prefix.scalar.push(tag);
          else exact.scalar[tag.tagName] = tag;
          break;
        case "sequence":
          if (tag.matchByTagPrefix) prefix.sequence.push(tag);
          else exact.sequence[tag.tagName] = tag;
          break;
        case "mapping":
          if (tag.matchByTagPrefix) prefix.mapping.push(tag);
          else exact.mapping[tag.tagName] = tag;
      }
    }
    const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
    const keys = /* @__PURE__ */ new Set();
    for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
    const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
    for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
    const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
    if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
    this.tags = compiledTags;
    this.implicitScalarTags = implicitScalarTags;
    this.implicitScalarByFirstChar = implicitScalarByFirstChar;
    this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
    this.defaultScalarTag = defaultScalarTag;
    this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
    this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
    this.exact = exact;
    this.prefix = prefix;
  }
  /** @internal */
  lookupScalarTag(tagName) {
    const exactTag = this.exact.scalar[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  lookupSequenceTag(tagName) {
    const exactTag = this.exact.sequence[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  lookupMappingTag(tagName) {
    const exactTag = this.exact.mapping[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  resolveImplicitScalarTag(source) {
    const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
    for (const tag2 of candidates) {
      const value = tag2.resolve(source, false, tag2.tagName);
      if (value !== NOT_RESOLVED) return {
        value,
        tag: tag2
      };
    }
    const tag = this.defaultScalarTag;
    return {
      value: tag.resolve(source, false, tag.tagName),
      tag
    };
  }
  /**
  * Creates a new schema with the specified tags added. If a tag already
  * exists, it is replaced by the specified tag.
  *
  * @example
  *
  * ```javascript
  * import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
  *
  * const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
  * ```
  */
  withTags(...tags) {
    let flatTags = [];
    for (const tag of tags) flatTags = flatTags.concat(tag);
    return new Schema2([...this.tags, ...flatTags]);
  }
};
var FAILSAFE_SCHEMA = new Schema([
  strTag,
  seqTag,
  mapTag
]);
var JSON_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullJsonTag,
  boolJsonTag,
  intJsonTag,
  floatJsonTag
]);
var CORE_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullCoreTag,
  boolCoreTag,
  intCoreTag,
  floatCoreTag
]);
var YAML11_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullYaml11Tag,
  boolYaml11Tag,
  intYaml11Tag,
  floatYaml11Tag,
  timestampTag,
  mergeTag,
  binaryTag,
  omapTag,
  pairsTag,
  setTag
]);
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
  ...intYaml11Tag,
  resolve: (source, isExplicit, tagName) => {
    const result = intYaml11Tag.resolve(source, isExplicit, tagName);
    return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
  }
}, {
  ...floatYaml11Tag,
  resolve: (source, isExplicit, tagName) => {
    const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
    return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
  }
});
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => /* @__PURE__ */ new Map(),
  addPair: (container, key, value) => {
    container.set(key, value);
    return "";
  },
  has: (container, key) => container.has(key),
  keys: (container) => container.keys(),
  get: (container, key) => container.get(key),
  identify: (data) => data instanceof Map || isPlainObject(data),
  represent: (data) => {
    if (data instanceof Map) return data;
    const map = /* @__PURE__ */ new Map();
    const obj = data;
    for (const key of Object.keys(obj)) map.set(key, obj[key]);
    return map;
  }
});
function normalizeKey(key) {
  if (Array.isArray(key)) {
    const array = Array.prototype.slice.call(key);
    for (let index = 0; index < array.length; index++) {
      if (Array.isArray(array[index])) return null;
      if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
    }
    return String(array);
  }
  if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
  return String(key);
}
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlainObject,
  represent: (o) => {
    const map = /* @__PURE__ */ new Map();
    for (const key of Object.keys(o)) map.set(key, o[key]);
    return map;
  },
  addPair: (container, key, value) => {
    const normalizedKey = normalizeKey(key);
    if (normalizedKey === null) return "nested arrays are not supported inside keys";
    if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
      value,
      enumerable: true,
      configurable: true,
      writable: true
    });
    else container[normalizedKey] = value;
    return "";
  },
  has: (container, key) => {
    const normalizedKey = normalizeKey(key);
    return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
  },
  keys: (container) => Object.keys(container),
  get: (container, key) => {
    const normalizedKey = String(key);
    if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
    return container[normalizedKey];
  }
});
var DEFAULT_SNIPPET_OPTIONS = {
  maxLength: 79,
  indent: 1,
  linesBefore: 3,
  linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
  let head = "";
  let tail = "";
  const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
  if (position - lineStart > maxHalfLength) {
    head = " ... ";
    lineStart = position - maxHalfLength + head.length;
  }
  if (lineEnd - position > maxHalfLength) {
    tail = " ...";
    lineEnd = position + maxHalfLength - tail.length;
  }
  return {
    str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "\u2192") + tail,
    pos: position - lineStart + head.length
  };
}
function padStart(string, max) {
  return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
  if (!mark.buffer) return null;
  const opts = {
    ...DEFAULT_SNIPPET_OPTIONS,
    ...options
  };
  const re = /\r?\n|\r|\0/g;
  const lineStarts = [0];
  const lineEnds = [];
  let match;
  let foundLineNo = -1;
  while (match = re.exec(mark.buffer)) {
    lineEnds.push(match.index);
    lineStarts.push(match.index + match[0].length);
    if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
  }
  if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
  let result = "";
  const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
  const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
  for (let i = 1; i <= opts.linesBefore; i++) {
    if (foundLineNo - i < 0) break;
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
    result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line2.str}
${result}`;
  }
  const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
  result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}
`;
  result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^
`;
  for (let i = 1; i <= opts.linesAfter; i++) {
    if (foundLineNo + i >= lineEnds.length) break;
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
    result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line2.str}
`;
  }
  return result.replace(/\n$/, "");
}
function formatError(exception, compact) {
  let where = "";
  if (!exception.mark) return exception.reason;
  if (exception.mark.name) where += `in "${exception.mark.name}" `;
  where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
  if (!compact && exception.mark.snippet) where += `

${exception.mark.snippet}`;
  return `${exception.reason} ${where}`;
}
var YAMLException = class YAMLException2 extends Error {
  reason;
  mark;
  /**
  * Optional `mark` contains source snippet data. Usually, use
  * {@link YAMLException.throwAt} instead of passing it directly.
  */
  constructor(reason, mark) {
    super();
    this.name = "YAMLException";
    this.reason = reason;
    this.mark = mark;
    this.message = formatError(this, false);
    if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
  }
  /**
  * Returns the formatted error, omitting the source snippet in compact mode.
  */
  toString(compact) {
    return `${this.name}: ${formatError(this, compact)}`;
  }
  /**
  * Builds a YAMLException with a source snippet and throws it. `source` is
  * the raw input text; `position` is an offset into it.
  */
  static throwAt(source, position, message, filename = "") {
    let line = 0;
    let lineStart = 0;
    for (let index = 0; index < position; index++) {
      const ch = source.charCodeAt(index);
      if (ch === 10) {
        line++;
        lineStart = index + 1;
      } else if (ch === 13) {
        line++;
        if (source.charCodeAt(index + 1) === 10) index++;
        lineStart = index + 1;
      }
    }
    const mark = {
      name: filename,
      buffer: source,
      position,
      line,
      column: position - lineStart
    };
    mark.snippet = makeSnippet(mark);
    throw new YAMLException2(message, mark);
  }
};
var EVENT_ID = {
  DOCUMENT: 1,
  SEQUENCE: 2,
  MAPPING: 3,
  SCALAR: 4,
  ALIAS: 5,
  POP: 6
};
var SCALAR_STYLE = {
  PLAIN: 1,
  SINGLE_QUOTED: 2,
  DOUBLE_QUOTED: 3,
  LITERAL_BLOCK: 4,
  FOLDED_BLOCK: 5
};
var COLLECTION_STYLE = {
  BLOCK: 1,
  FLOW: 2
};
var CHOMPING_MODE = {
  CLIP: 1,
  STRIP: 2,
  KEEP: 3
};
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
  switch (c) {
    case 48:
      return "\0";
    case 97:
      return "\x07";
    case 98:
      return "\b";
    case 116:
      return "	";
    case 9:
      return "	";
    case 110:
      return "\n";
    case 118:
      return "\v";
    case 102:
      return "\f";
    case 114:
      return "\r";
    case 101:
      return "\x1B";
    case 32:
      return " ";
    case 34:
      return '"';
    case 47:
      return "/";
    case 92:
      return "\\";
    case 78:
      return "\x85";
    case 95:
      return "\xA0";
    case 76:
      return "\u2028";
    case 80:
      return "\u2029";
    default:
      return "";
  }
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
  simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
  simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
  if (c <= 65535) return String.fromCharCode(c);
  return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
  if (c >= 48 && c <= 57) return c - 48;
  return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
  if (c === 120) return 2;
  if (c === 117) return 4;
  return 8;
}
function skipFoldedBreaks(input, position, end) {
  let breaks = 0;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 10) {
      breaks++;
      position++;
    } else if (ch === 13) {
      breaks++;
      position++;
      if (input.charCodeAt(position) === 10) position++;
    } else if (ch === 32 || ch === 9) position++;
    else break;
  }
  return {
    position,
    breaks
  };
}
function foldedBreaks(count) {
  if (count === 1) return " ";
  return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 39) {
      result += input.slice(captureStart, position) + "'";
      position += 2;
      captureStart = captureEnd = position;
    } else if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 92) {
      result += input.slice(captureStart, position);
      position++;
      const escaped = input.charCodeAt(position);
      if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
      else if (escaped < 256 && simpleEscapeCheck[escaped]) {
        result += simpleEscapeMap[escaped];
        position++;
      } else {
        let hexLength = escapedHexLen$1(escaped);
        let hexResult = 0;
        for (; hexLength > 0; hexLength--) {
          position++;
          const digit = fromHexCode$1(input.charCodeAt(position));
          hexResult = (hexResult << 4) + digit;
        }
        result += charFromCodepoint(hexResult);
        position++;
      }
      captureStart = captureEnd = position;
    } else if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
  const textIndent = indent < 0 ? 0 : indent;
  const region = input.slice(start, end).replace(/\r\n?/g, "\n");
  const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
  let result = "";
  let didReadContent = false;
  let emptyLines = 0;
  let atMoreIndented = false;
  for (const line of lines) {
    let column = 0;
    while (column < textIndent && line.charCodeAt(column) === 32) column++;
    if (indent < 0 || column >= line.length) {
      emptyLines++;
      continue;
    }
    const content = line.slice(textIndent);
    const first = content.charCodeAt(0);
    if (folded) {
      if (first === 32 || first === 9) {
        atMoreIndented = true;
        result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
      } else if (atMoreIndented) {
        atMoreIndented = false;
        result += "\n".repeat(emptyLines + 1);
      } else if (emptyLines === 0) {
        if (didReadContent) result += " ";
      } else result += "\n".repeat(emptyLines);
    } else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
    result += content;
    didReadContent = true;
    emptyLines = 0;
  }
  if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
  else if (chomping !== CHOMPING_MODE.STRIP) {
    if (didReadContent) result += "\n";
  }
  return result;
}
function getScalarValue(input, scalar2) {
  if (scalar2.valueStart === NO_RANGE$3) return "";
  const { valueStart, valueEnd } = scalar2;
  if (scalar2.fast) return input.slice(valueStart, valueEnd);
  switch (scalar2.style) {
    case SCALAR_STYLE.SINGLE_QUOTED:
      return getSingleQuotedValue(input, valueStart, valueEnd);
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return getDoubleQuotedValue(input, valueStart, valueEnd);
    case SCALAR_STYLE.LITERAL_BLOCK:
      return getBlockValue(input, valueStart, valueEnd, scalar2.indent, scalar2.chomping, false);
    case SCALAR_STYLE.FOLDED_BLOCK:
      return getBlockValue(input, valueStart, valueEnd, scalar2.indent, scalar2.chomping, true);
    default:
      return getPlainValue(input, valueStart, valueEnd);
  }
}
var DEFAULT_TAG_HANDLERS = Object.assign(/* @__PURE__ */ Object.create(null), {
  "!": "!",
  "!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
function tagPercentDecode(source) {
  let result = "";
  let index = 0;
  while (index < source.length) {
    if (source.charCodeAt(index) !== 37) {
      result += source[index++];
      continue;
    }
    let ch = parseInt(source.slice(index + 1, index + 3), 16);
    index += 3;
    if (ch >= 192) {
      let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
      ch &= (1 << 6 - remaining) - 1;
      while (remaining-- > 0) {
        ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
        index += 3;
      }
    }
    if (ch < 65536) result += String.fromCharCode(ch);
    else {
      ch -= 65536;
      result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
    }
  }
  return result;
}
function tagNameFull(rawTag, tagHandlers) {
  if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
  const handleEnd = rawTag.indexOf("!", 1);
  const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
  return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
  filename: "",
  schema: CORE_SCHEMA,
  json: false,
  maxTotalMergeKeys: 1e4,
  maxAliases: -1
};
function eventPosition$1(event) {
  if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
  if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
  if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
  if ("start" in event) return event.start;
  return 0;
}
function throwError$1(state, message) {
  YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
  try {
    return tag.finalize(carrier);
  } catch (error) {
    if (error instanceof YAMLException) throw error;
    YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
  }
}
function constructScalar(state, event) {
  const source = getScalarValue(state.source, event);
  const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
  const strTag2 = state.schema.defaultScalarTag;
  if (rawTag !== "") {
    if (rawTag === "!") return {
      value: source,
      tag: strTag2
    };
    const tagName = tagNameFull(rawTag, state.tagHandlers);
    const scalarTag = state.schema.lookupScalarTag(tagName);
    if (scalarTag) {
      const result = scalarTag.resolve(source, true, tagName);
      if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
      return {
        value: result,
        tag: scalarTag
      };
    }
    const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
    if (collectionTagDef) {
      if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
      const carrier = collectionTagDef.create(tagName);
      return {
        value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
        tag: collectionTagDef
      };
    }
    throwError$1(state, `unknown scalar tag !<${tagName}>`);
  }
  if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
  return {
    value: strTag2.resolve(source, false, strTag2.tagName),
    tag: strTag2
  };
}
function collectionTagName(state, event, defaultTagName) {
  const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
  return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
  return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
  state.totalMergeKeys++;
  if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
  chargeMergeWork(state);
  for (const sourceKey of sourceTag.keys(source)) {
    chargeMergeWork(state);
    if (frame.tag.has(frame.value, sourceKey)) continue;
    const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
    if (err) throwError$1(state, err);
    frame.overridable ??= /* @__PURE__ */ new Set();
    frame.overridable.add(sourceKey);
  }
}
function mergeSource(state, frame, source, sourceTag) {
  state.position = frame.keyPosition;
  if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
  else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
    if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
    for (const element of source) {
      const elementTag = state.nodeTags.get(element);
      if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
      mergeKeys(state, frame, element, elementTag);
    }
  } else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
  state.position = frame.keyPosition;
  if (frame.keyIsMerge) {
    mergeSource(state, frame, value, tag);
    return;
  }
  if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
  const err = frame.tag.addPair(frame.value, key, value);
  if (err) throwError$1(state, err);
  frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
  const frame = state.frames[state.frames.length - 1];
  if (frame.kind === "document") {
    frame.value = value;
    frame.hasValue = true;
  } else if (frame.kind === "sequence") {
    if (isMappingTag(tag)) state.nodeTags.set(value, tag);
    const err = frame.tag.addItem(frame.value, value, frame.index++);
    if (err) throwError$1(state, err);
  } else if (frame.hasKey) {
    const key = frame.key;
    frame.key = void 0;
    frame.hasKey = false;
    addMappingValue(state, frame, key, value, tag);
  } else {
    frame.key = value;
    frame.keyPosition = state.position;
    frame.hasKey = true;
    frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
  }
}
function storeAnchor(state, event, value, tag, isValueFinal) {
  if (event.anchorStart !== NO_RANGE$2) {
    const anchor = {
      value,
      tag,
      isValueFinal
    };
    state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
    return anchor;
  }
  return null;
}
function constructFromEvents(events, options) {
  const state = {
    ...DEFAULT_CONSTRUCTOR_OPTIONS,
    ...options,
    events,
    documents: [],
    eventIndex: 0,
    position: 0,
    frames: [],
    anchors: /* @__PURE__ */ new Map(),
    nodeTags: /* @__PURE__ */ new Map(),
    tagHandlers: /* @__PURE__ */ Object.create(null),
    totalMergeKeys: 0,
    aliasCount: 0
  };
  while (state.eventIndex < state.events.length) {
    const event = state.events[state.eventIndex++];
    state.position = eventPosition$1(event);
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        state.anchors = /* @__PURE__ */ new Map();
        state.nodeTags = /* @__PURE__ */ new Map();
        state.aliasCount = 0;
        state.tagHandlers = /* @__PURE__ */ Object.create(null);
        for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
        state.frames.push({
          kind: "document",
          position: state.position,
          value: void 0,
          hasValue: false
        });
        break;
      case EVENT_ID.SCALAR: {
        const { value, tag } = constructScalar(state, event);
        storeAnchor(state, event, value, tag, true);
        addValue(state, value, tag);
        break;
      }
      case EVENT_ID.SEQUENCE: {
        const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
        const tag = state.schema.lookupSequenceTag(tagName);
        if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
        const value = tag.create(tagName);
        const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
        state.frames.push({
          kind: "sequence",
          position: state.position,
          value,
          tag,
          anchor,
          index: 0
        });
        break;
      }
      case EVENT_ID.MAPPING: {
        const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
        const tag = state.schema.lookupMappingTag(tagName);
        if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
        const value = tag.create(tagName);
        const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
        state.frames.push({
          kind: "mapping",
          position: state.position,
          value,
          tag,
          anchor,
          key: void 0,
          keyPosition: state.position,
          hasKey: false,
          keyIsMerge: false,
          overridable: null
        });
        break;
      }
      case EVENT_ID.ALIAS: {
        if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
        const name = state.source.slice(event.anchorStart, event.anchorEnd);
        const anchor = state.anchors.get(name);
        if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
        if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
        addValue(state, anchor.value, anchor.tag);
        break;
      }
      case EVENT_ID.POP: {
        const frame = state.frames.pop();
        if (frame.kind === "mapping" && frame.hasKey) {
          state.position = frame.keyPosition;
          throwError$1(state, "incomplete mapping pair in event stream");
        }
        if (frame.kind === "document") state.documents.push(frame.value);
        else {
          const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
          if (frame.anchor) {
            frame.anchor.value = value;
            frame.anchor.isValueFinal = true;
          }
          addValue(state, value, frame.tag);
        }
        break;
      }
    }
  }
  return state.documents;
}
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
  filename: "",
  maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
  state.events.push({
    type: EVENT_ID.DOCUMENT,
    explicitStart,
    explicitEnd,
    directives: state.directives
  });
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
  state.events.push({
    type: EVENT_ID.SEQUENCE,
    start,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style
  });
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
  state.events.push({
    type: EVENT_ID.MAPPING,
    start,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style
  });
}
function insertFlowPairMappingEvent(state, snapshot) {
  state.events.splice(snapshot.eventsLength, 0, {
    type: EVENT_ID.MAPPING,
    start: snapshot.position,
    anchorStart: NO_RANGE$1,
    anchorEnd: NO_RANGE$1,
    tagStart: NO_RANGE$1,
    tagEnd: NO_RANGE$1,
    style: COLLECTION_STYLE.FLOW
  });
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
  state.events.push({
    type: EVENT_ID.SCALAR,
    valueStart,
    valueEnd,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style,
    chomping,
    indent,
    fast
  });
}
function addAliasEvent(state, anchorStart, anchorEnd) {
  state.events.push({
    type: EVENT_ID.ALIAS,
    anchorStart,
    anchorEnd
  });
}
function addPopEvent(state) {
  state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
  addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
  return {
    anchorStart: NO_RANGE$1,
    anchorEnd: NO_RANGE$1,
    tagStart: NO_RANGE$1,
    tagEnd: NO_RANGE$1
  };
}
function snapshotState(state) {
  return {
    position: state.position,
    line: state.line,
    lineStart: state.lineStart,
    lineIndent: state.lineIndent,
    firstTabInLine: state.firstTabInLine,
    eventsLength: state.events.length
  };
}
function restoreState(state, snapshot) {
  state.position = snapshot.position;
  state.line = snapshot.line;
  state.lineStart = snapshot.lineStart;
  state.lineIndent = snapshot.lineIndent;
  state.firstTabInLine = snapshot.firstTabInLine;
  state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
  YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
  return c === 10 || c === 13;
}
function isWhiteSpace(c) {
  return c === 9 || c === 32;
}
function isWsOrEol(c) {
  return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
  return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
  return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
  if (c >= 48 && c <= 57) return c - 48;
  const lc = c | 32;
  if (lc >= 97 && lc <= 102) return lc - 97 + 10;
  return -1;
}
function escapedHexLen(c) {
  if (c === 120) return 2;
  if (c === 117) return 4;
  if (c === 85) return 8;
  return 0;
}
function isSimpleEscape(c) {
  return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
  if (state.input.charCodeAt(state.position) === 10) state.position++;
  else {
    state.position++;
    if (state.input.charCodeAt(state.position) === 10) state.position++;
  }
  state.line++;
  state.lineStart = state.position;
  state.lineIndent = 0;
  state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
  let lineBreaks = 0;
  let ch = state.input.charCodeAt(state.position);
  let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
  while (ch !== 0) {
    while (isWhiteSpace(ch)) {
      hasSeparation = true;
      if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
      ch = state.input.charCodeAt(++state.position);
    }
    if (allowComments && hasSeparation && ch === 35) do
      ch = state.input.charCodeAt(++state.position);
    while (!isEol(ch) && ch !== 0);
    if (!isEol(ch)) break;
    consumeLineBreak(state);
    lineBreaks++;
    hasSeparation = true;
    ch = state.input.charCodeAt(state.position);
    while (ch === 32) {
      state.lineIndent++;
      ch = state.input.charCodeAt(++state.position);
    }
  }
  return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
  const ch = state.input.charCodeAt(position);
  if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
    const following = state.input.charCodeAt(position + 3);
    return following === 0 || isWsOrEol(following);
  }
  return false;
}
function skipByteOrderMark(state) {
  if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
    state.position++;
    state.lineStart = state.position;
  }
}
function testDocumentBoundary(state) {
  if (state.position !== state.lineStart) return false;
  if (testDocumentSeparator(state)) return true;
  if (state.input.charCodeAt(state.position) !== 65279) return false;
  const snapshot = snapshotState(state);
  skipByteOrderMark(state);
  skipSeparationSpace(state, true);
  const ch = state.input.charCodeAt(state.position);
  const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
  restoreState(state, snapshot);
  return result;
}
function skipUntilLineEnd(state) {
  let ch = state.input.charCodeAt(state.position);
  while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
  const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
  if (match !== null) {
    state.position = start + match.index + match[0].length - 1;
    throwError(state, "the stream contains non-printable characters");
  }
}
function readTagProperty(state, props, inFlow) {
  if (state.input.charCodeAt(state.position) !== 33) return false;
  if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
  const start = state.position;
  let isVerbatim = false;
  let isNamed = false;
  let tagHandle = "!";
  let ch = state.input.charCodeAt(++state.position);
  if (ch === 60) {
    isVerbatim = true;
    ch = state.input.charCodeAt(++state.position);
  } else if (ch === 33) {
    isNamed = true;
    tagHandle = "!!";
    ch = state.input.charCodeAt(++state.position);
  }
  let suffixStart = state.position;
  let tagName;
  if (isVerbatim) {
    while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
    if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
    tagName = state.input.slice(suffixStart, state.position);
    state.position++;
  } else {
    while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
      if (ch === 33) {
        if (!isNamed) {
          tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
          if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
          isNamed = true;
          suffixStart = state.position + 1;
        } else throwError(state, "tag suffix cannot contain exclamation marks");
      }
      ch = state.input.charCodeAt(++state.position);
    }
    tagName = state.input.slice(suffixStart, state.position);
    if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
  }
  if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
  if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
  props.tagStart = start;
  props.tagEnd = state.position;
  return true;
}
function readAnchorProperty(state, props) {
  if (state.input.charCodeAt(state.position) !== 38) return false;
  if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
  state.position++;
  const start = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
  if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
  props.anchorStart = start;
  props.anchorEnd = state.position;
  return true;
}
function readAlias(state, props) {
  if (state.input.charCodeAt(state.position) !== 42) return false;
  if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
  state.position++;
  const start = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
  if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
  addAliasEvent(state, start, state.position);
  return true;
}
function readFlowScalarBreak(state, nodeIndent) {
  skipSeparationSpace(state, false);
  if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
  if (state.input.charCodeAt(state.position) !== 39) return false;
  state.position++;
  const start = state.position;
  let simple = true;
  while (state.input.charCodeAt(state.position) !== 0) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 39) {
      if (state.input.charCodeAt(state.position + 1) === 39) {
        simple = false;
        state.position += 2;
        continue;
      }
      const end = state.position;
      state.position++;
      addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
      return true;
    }
    if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state, nodeIndent);
    } else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
    else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
    else state.position++;
  }
  throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
  if (state.input.charCodeAt(state.position) !== 34) return false;
  state.position++;
  const start = state.position;
  let simple = true;
  while (state.input.charCodeAt(state.position) !== 0) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 34) {
      const end = state.position;
      state.position++;
      addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
      return true;
    }
    if (ch === 92) {
      simple = false;
      const escaped = state.input.charCodeAt(++state.position);
      if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
      else if (isSimpleEscape(escaped)) state.position++;
      else {
        let hexLength = escapedHexLen(escaped);
        if (hexLength === 0) throwError(state, "unknown escape sequence");
        while (hexLength-- > 0) {
          state.position++;
          if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
        }
        state.position++;
      }
    } else if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state, nodeIndent);
    } else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
    else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
    else state.position++;
  }
  throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
  const ch = state.input.charCodeAt(state.position);
  let chomping = CHOMPING_MODE.CLIP;
  let indent = -1;
  let detectedIndent = false;
  if (ch !== 124 && ch !== 62) return false;
  const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
  state.position++;
  while (state.input.charCodeAt(state.position) !== 0) {
    const current = state.input.charCodeAt(state.position);
    const digit = fromDecimalCode(current);
    if (current === 43 || current === 45) {
      if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
      chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
      state.position++;
    } else if (digit >= 0) {
      if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
      if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
      indent = parentIndent + digit - 1;
      detectedIndent = true;
      state.position++;
    } else break;
  }
  let hadWhitespace = false;
  while (isWhiteSpace(state.input.charCodeAt(state.position))) {
    hadWhitespace = true;
    state.position++;
  }
  if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
  let contentIndent = detectedIndent ? indent : -1;
  let maxLeadingIndent = 0;
  const valueStart = state.position;
  let valueEnd = state.position;
  while (state.input.charCodeAt(state.position) !== 0) {
    const linePosition = state.position;
    let column = 0;
    while (state.input.charCodeAt(linePosition + column) === 32) column++;
    const first = state.input.charCodeAt(linePosition + column);
    if (first === 0) {
      if (contentIndent >= 0) {
        if (column > contentIndent) valueEnd = linePosition + column;
      } else if (column > 0) valueEnd = linePosition + column;
      break;
    }
    if (testDocumentBoundary(state)) break;
    if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
    if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
      if (first === 9 && column < parentIndent) {
        state.position = linePosition + column;
        throwError(state, "tab characters must not be used in indentation");
      }
      if (column >= parentIndent && column < maxLeadingIndent) {
        state.position = linePosition + column;
        throwError(state, "bad indentation of a mapping entry");
      }
    }
    if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
      state.lineIndent = column;
      state.position = linePosition + column;
      break;
    }
    if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
    const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
    if (first !== 0 && !isEol(first) && column < requiredIndent) {
      state.lineIndent = column;
      state.position = linePosition + column;
      break;
    }
    skipUntilLineEnd(state);
    valueEnd = state.position;
    if (isEol(state.input.charCodeAt(state.position))) {
      consumeLineBreak(state);
      valueEnd = state.position;
    }
  }
  checkPrintable(state, valueStart, valueEnd);
  addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
  return true;
}
function canStartPlainScalar(state, nodeContext) {
  const ch = state.input.charCodeAt(state.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
  if (ch === 63 || ch === 45) {
    const following = state.input.charCodeAt(state.position + 1);
    if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
  }
  return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
  if (!canStartPlainScalar(state, nodeContext)) return false;
  const start = state.position;
  let end = state.position;
  let ch = state.input.charCodeAt(state.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  let multiline = false;
  while (ch !== 0) {
    if (testDocumentBoundary(state)) break;
    if (ch === 58) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
    } else if (ch === 35) {
      if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
    } else if (inFlow && isFlowIndicator(ch)) break;
    else if (isEol(ch)) {
      const savedPosition = state.position;
      const savedLine = state.line;
      const savedLineStart = state.lineStart;
      const savedLineIndent = state.lineIndent;
      skipSeparationSpace(state, false);
      if (state.lineIndent >= nodeIndent) {
        multiline = true;
        ch = state.input.charCodeAt(state.position);
        continue;
      }
      state.position = savedPosition;
      state.line = savedLine;
      state.lineStart = savedLineStart;
      state.lineIndent = savedLineIndent;
      break;
    }
    if (!isWhiteSpace(ch)) end = state.position + 1;
    ch = state.input.charCodeAt(++state.position);
  }
  if (end === start) return false;
  checkPrintable(state, start, end);
  addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
  return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
  const startLine = state.line;
  skipSeparationSpace(state, true);
  if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
  const ch = state.input.charCodeAt(state.position);
  const isMapping = ch === 123;
  const start = state.position;
  let readNext = true;
  if (ch !== 91 && ch !== 123) return false;
  const terminator = isMapping ? 125 : 93;
  if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
  else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
  state.position++;
  while (state.input.charCodeAt(state.position) !== 0) {
    skipFlowSeparationSpace(state, nodeIndent);
    let ch2 = state.input.charCodeAt(state.position);
    if (ch2 === terminator) {
      state.position++;
      addPopEvent(state);
      return true;
    } else if (!readNext) throwError(state, "missed comma between flow collection entries");
    else if (ch2 === 44) throwError(state, "expected the node content, but found ','");
    let isPair = false;
    let isExplicitPair = false;
    if (ch2 === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
      isPair = isExplicitPair = true;
      state.position += 1;
      skipFlowSeparationSpace(state, nodeIndent);
    }
    const entryLine = state.line;
    const entryStart = snapshotState(state);
    const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
    skipFlowSeparationSpace(state, nodeIndent);
    ch2 = state.input.charCodeAt(state.position);
    if ((isMapping || isExplicitPair || state.line === entryLine) && ch2 === 58) {
      isPair = true;
      state.position++;
      skipFlowSeparationSpace(state, nodeIndent);
      if (!isMapping) {
        insertFlowPairMappingEvent(state, entryStart);
        if (!keyWasRead) addEmptyScalarEvent(state);
      } else if (!keyWasRead) addEmptyScalarEvent(state);
      if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
      skipFlowSeparationSpace(state, nodeIndent);
      if (!isMapping) addPopEvent(state);
    } else if (isMapping && isPair) {
      if (!keyWasRead) addEmptyScalarEvent(state);
      addEmptyScalarEvent(state);
    } else if (isMapping) addEmptyScalarEvent(state);
    else if (isPair) {
      insertFlowPairMappingEvent(state, entryStart);
      if (!keyWasRead) addEmptyScalarEvent(state);
      addEmptyScalarEvent(state);
      addPopEvent(state);
    }
    ch2 = state.input.charCodeAt(state.position);
    if (ch2 === 44) {
      readNext = true;
      state.position++;
    } else readNext = false;
  }
  throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
  if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
  addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
  while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
    if (state.firstTabInLine !== -1) {
      state.position = state.firstTabInLine;
      throwError(state, "tab characters must not be used in indentation");
    }
    const entryLine = state.line;
    state.position++;
    const hadBreak = skipSeparationSpace(state, true) > 0;
    if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
    if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
    else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
    skipSeparationSpace(state, true);
    if (state.lineIndent < nodeIndent || state.position >= state.length) break;
    if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
    if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
  }
  addPopEvent(state);
  return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
  let atExplicitKey = false;
  let detected = false;
  let mappingOpened = false;
  let pendingExplicitKey = false;
  if (state.firstTabInLine !== -1) return false;
  let ch = state.input.charCodeAt(state.position);
  while (ch !== 0) {
    if (!atExplicitKey && state.firstTabInLine !== -1) {
      state.position = state.firstTabInLine;
      throwError(state, "tab characters must not be used in indentation");
    }
    const following = state.input.charCodeAt(state.position + 1);
    const entryLine = state.line;
    if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
      if (!mappingOpened) {
        addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
        mappingOpened = true;
      }
      if (ch === 63) {
        if (atExplicitKey) addEmptyScalarEvent(state);
        detected = true;
        atExplicitKey = true;
      } else if (atExplicitKey) atExplicitKey = false;
      else {
        addEmptyScalarEvent(state);
        detected = true;
        atExplicitKey = false;
      }
      state.position += 1;
      pendingExplicitKey = true;
    } else {
      if (atExplicitKey) {
        addEmptyScalarEvent(state);
        atExplicitKey = false;
      }
      const beforeKey = snapshotState(state);
      if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
      if (state.line === entryLine) {
        ch = state.input.charCodeAt(state.position);
        while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
        if (ch === 58) {
          ch = state.input.charCodeAt(++state.position);
          if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
          if (!mappingOpened) {
            state.events.splice(beforeKey.eventsLength, 0, {
              type: EVENT_ID.MAPPING,
              start: beforeKey.position,
              anchorStart: props.anchorStart,
              anchorEnd: props.anchorEnd,
              tagStart: props.tagStart,
              tagEnd: props.tagEnd,
              style: COLLECTION_STYLE.BLOCK
            });
            mappingOpened = true;
          }
          detected = true;
          atExplicitKey = false;
          pendingExplicitKey = false;
        } else if (detected) throwError(state, "expected ':' after a mapping key");
        else {
          if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
            restoreState(state, beforeKey);
            return false;
          }
          return true;
        }
      } else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
      else {
        if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
          restoreState(state, beforeKey);
          return false;
        }
        return true;
      }
    }
    if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
    if (!atExplicitKey) {
      if (pendingExplicitKey) {
        addEmptyScalarEvent(state);
        pendingExplicitKey = false;
      }
    }
    skipSeparationSpace(state, true);
    ch = state.input.charCodeAt(state.position);
    if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
    else if (state.lineIndent < nodeIndent) break;
  }
  if (!detected) return false;
  if (atExplicitKey) addEmptyScalarEvent(state);
  if (mappingOpened) addPopEvent(state);
  return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
  if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
  state.depth++;
  let indentStatus = 1;
  let atNewLine = false;
  let hasContent = false;
  let propertyStart = null;
  const props = emptyProperties();
  let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
  let allowBlockCollections = allowBlockScalars;
  const allowBlockStyles = allowBlockScalars;
  if (allowToSeek && skipSeparationSpace(state, true)) {
    atNewLine = true;
    if (state.lineIndent > parentIndent) indentStatus = 1;
    else if (state.lineIndent === parentIndent) indentStatus = 0;
    else indentStatus = -1;
  }
  if (indentStatus === 1) while (true) {
    const ch = state.input.charCodeAt(state.position);
    const propertyState = snapshotState(state);
    if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
    if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
      const fallbackState = snapshotState(state);
      const flowIndent = parentIndent + 1;
      if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
        state.depth--;
        return true;
      }
      restoreState(state, fallbackState);
    }
    if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
    if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
    if (propertyStart === null) propertyStart = propertyState;
    if (skipSeparationSpace(state, true)) {
      atNewLine = true;
      allowBlockCollections = allowBlockStyles;
      if (state.lineIndent > parentIndent) indentStatus = 1;
      else if (state.lineIndent === parentIndent) indentStatus = 0;
      else indentStatus = -1;
    } else allowBlockCollections = false;
  }
  if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
  if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
    const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
    const blockIndent = state.position - state.lineStart;
    if (indentStatus === 1) {
      if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
      else {
        const ch = state.input.charCodeAt(state.position);
        if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
          const fallbackState = snapshotState(state);
          const propertyIndent = propertyStart.position - propertyStart.lineStart;
          restoreState(state, propertyStart);
          if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
          else restoreState(state, fallbackState);
        }
        if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
      }
    } else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
  }
  allowBlockScalars = allowBlockScalars && !hasContent;
  if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
    addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
    hasContent = true;
  }
  state.depth--;
  return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
  if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
  state.position++;
  const nameStart = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
  const name = state.input.slice(nameStart, state.position);
  const args = [];
  if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
  while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
    while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
    if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
    const start = state.position;
    while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
    args.push(state.input.slice(start, state.position));
  }
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  if (name === "YAML") {
    if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
    if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
    const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
    if (match === null) throwError(state, "ill-formed argument of the YAML directive");
    if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
    state.directives.push({
      kind: "yaml",
      version: args[0]
    });
  } else if (name === "TAG") {
    if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
    const [handle, prefix] = args;
    if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
    if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
    if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
    state.tagHandlers[handle] = prefix;
    state.directives.push({
      kind: "tag",
      handle,
      prefix
    });
  }
  return true;
}
function readDocument(state) {
  state.directives = [];
  state.tagHandlers = /* @__PURE__ */ Object.create(null);
  let hasDirectives = false;
  skipSeparationSpace(state, true);
  while (readDirective(state)) {
    hasDirectives = true;
    skipSeparationSpace(state, true);
  }
  let explicitStart = false;
  let explicitEnd = false;
  let allowCompact = true;
  if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
    explicitStart = true;
    const markerLine = state.line;
    state.position += 3;
    skipSeparationSpace(state, true);
    allowCompact = state.line > markerLine;
  } else if (hasDirectives) throwError(state, "directives end mark is expected");
  const documentEventIndex = state.events.length;
  if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
    state.position += 3;
    skipSeparationSpace(state, true);
    return;
  }
  addDocumentEvent(state, explicitStart, false);
  if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
  skipSeparationSpace(state, true);
  if (state.position === state.lineStart && testDocumentSeparator(state)) {
    explicitEnd = state.input.charCodeAt(state.position) === 46;
    if (explicitEnd) {
      const markerLine = state.line;
      state.position += 3;
      skipSeparationSpace(state, true);
      if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
    }
  }
  const documentEvent = state.events[documentEventIndex];
  if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
  addPopEvent(state);
  if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
function parseEvents(input, options) {
  const length = input.length;
  const state = {
    ...DEFAULT_PARSER_OPTIONS,
    ...options,
    input: `${input}\0`,
    length,
    position: 0,
    line: 0,
    lineStart: 0,
    lineIndent: 0,
    firstTabInLine: -1,
    depth: 0,
    directives: [],
    tagHandlers: /* @__PURE__ */ Object.create(null),
    events: []
  };
  const nullpos = input.indexOf("\0");
  if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
  while (state.position < state.length) {
    skipByteOrderMark(state);
    skipSeparationSpace(state, true);
    if (state.position >= state.length) break;
    const documentStart = state.position;
    readDocument(state);
    if (state.position === documentStart)
      throwError(state, "can not read a document");
  }
  return state.events;
}
var DEFAULT_LOAD_OPTIONS = {
  ...DEFAULT_PARSER_OPTIONS,
  ...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
  const opts = {
    ...DEFAULT_LOAD_OPTIONS,
    ...options
  };
  const source = String(input);
  const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS);
  const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
  return constructFromEvents(parseEvents(source, pick2(opts, PARSER_OPT_KEYS)), {
    ...pick2(opts, CONSTRUCTOR_OPT_KEYS),
    source
  });
}
function loadAll(input, iteratorOrOptions, options) {
  let iterator = null;
  if (typeof iteratorOrOptions === "function") iterator = iteratorOrOptions;
  else if (iteratorOrOptions !== null && typeof iteratorOrOptions === "object") options = iteratorOrOptions;
  const documents = loadDocuments(input, options);
  if (iterator === null) return documents;
  for (const document of documents) iterator(document);
}
function load(input, options) {
  const documents = loadDocuments(input, options);
  if (documents.length === 0) throw new YAMLException("expected a document, but the input is empty");
  if (documents.length === 1) return documents[0];
  throw new YAMLException("expected a single document in the stream, but found more");
}
function hasBit(mask, bit) {
  return (mask & 1 << bit) !== 0;
}
var DEFAULT_SCALAR_STYLE_RULES = {
  applyQuoteFlowKeysOption,
  doubleQuoteForInvisibles,
  doubleQuoteWhitespaceOnly,
  applyForceQuotesOption,
  tryLongOrMultilineAsBlock,
  quoteInvalidPlain,
  fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
  if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
  return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
  if (!layout.presenterOptions.quoteFlowKeys) return;
  if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
  layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
  if (!layout.presenterOptions.forceQuotes) return;
  if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
  if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
  layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
  if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
  const value = layout.node.value;
  const multiline = value.indexOf("\n") !== -1;
  if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
    if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
    return;
  }
  const w = layout.presenterOptions.lineWidth;
  if (w === -1) {
    if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
    return;
  }
  const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
  let position = 0;
  let shouldFold = false;
  while (position <= value.length) {
    let lineEnd = value.length;
    const nextLineBreak = value.indexOf("\n", position);
    if (nextLineBreak !== -1) lineEnd = nextLineBreak;
    const line = value.slice(position, lineEnd);
    if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
    if (nextLineBreak === -1) break;
    position = nextLineBreak + 1;
  }
  if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
  else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
  if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var DEFAULT_PRESENTER_OPTIONS = {
  indent: 2,
  seqNoIndent: false,
  seqInlineFirst: true,
  lineWidth: 80,
  flowBracketPadding: false,
  flowSkipCommaSpace: false,
  flowSkipColonSpace: false,
  quoteFlowKeys: false,
  quoteStyle: "single",
  forceQuotes: false,
  scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
  tagBeforeAnchor: false
};
var DEFAULT_DUMP_OPTIONS = {
  ...DEFAULT_PRESENTER_OPTIONS,
  schema: DUMP_SCHEMA,
  skipInvalid: false,
  noRefs: false,
  flowLevel: -1,
  sortKeys: false,
  transform: () => {
  }
};
var EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
var EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
var EVENT_MAPPING = EVENT_ID.MAPPING;
var EVENT_SCALAR = EVENT_ID.SCALAR;
var EVENT_ALIAS = EVENT_ID.ALIAS;
var EVENT_POP = EVENT_ID.POP;
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
var SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
var SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
var SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;

// src/render/proof.ts
function proveFile(content, header2, model, expected) {
  if (!content.startsWith(header2) || !/^#[^\n]*\n$/.test(header2)) return { message: "the file does not start with its one-line generated header", at: [] };
  let events;
  try {
    events = parseEvents(content, {});
  } catch (error) {
    return { message: `does not read back: ${firstLine(error)}`, at: [] };
  }
  for (const [version, schema] of READERS) {
    let docs;
    try {
      docs = constructFromEvents(events, { source: content, schema, maxAliases: 0 });
    } catch (error) {
      return { message: `does not read back (YAML ${version}): ${firstLine(error)}`, at: [] };
    }
    if (docs.length !== 1) return { message: `reads as ${docs.length} documents, not 1 (YAML ${version})`, at: [] };
    const diff = difference(docs[0], model, []);
    if (diff) return { message: `reads back (YAML ${version}) differently from what was meant at ${diff.join(".") || "(root)"}`, at: diff };
  }
  return proveKind(model, expected);
}
var goYamlTimestamp = defineScalarTag("tag:infraforge.io,2026:go-yaml-timestamp", {
  implicit: true,
  implicitFirstChars: [..."0123456789"],
  resolve: (source) => /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?$/.test(source) ? /* @__PURE__ */ new Date(0) : NOT_RESOLVED,
  identify: () => false
});
var READERS = [
  ["1.2", CORE_SCHEMA.withTags(realMapTag)],
  ["1.1", YAML11_SCHEMA.withTags(realMapTag)],
  ["1.1 as go-yaml reads it", DUMP_SCHEMA.withTags(realMapTag, goYamlTimestamp)]
];
function firstLine(error) {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
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
  if (a instanceof Map) {
    if (!isMap(b) || a.size !== Object.keys(b).length) return at;
    for (const [k, v] of a) {
      if (typeof k !== "string" || !Object.hasOwn(b, k)) return [...at, String(k)];
      const d = difference(v, b[k], [...at, k]);
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
  if (isPlainObject2(value) && Object.keys(value).length > 0) emitMap(value, 0, out);
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
    if (isPlainObject2(child) && Object.keys(child).length > 0) {
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
    if (isPlainObject2(item) && Object.keys(item).length > 0) {
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
      return Object.is(value, -0) ? "0" : numberText(value);
    case "object":
      if (value === null) return "null";
      if (Array.isArray(value)) return "[]";
      if (isPlainObject2(value)) return "{}";
      throw new EmitError("refusing to write a non-plain object", out.path);
    default:
      throw new EmitError(`refusing to write ${typeof value}`, out.path);
  }
}
function numberText(value) {
  const text = String(value);
  return text.includes("e") && !text.includes(".") ? text.replace("e", ".0e") : text;
}
function isPlainObject2(v) {
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
  files.push(...namespaceFiles(sorted, settings));
  files.sort((a, b) => cmp(a.path, b.path));
  return { files, problems };
}
function namespaceFiles(claims, settings) {
  const envs = [...new Set(claims.map((c) => c.env))].sort(cmp);
  return envs.map((env) => {
    const docs = namespaceObjects(claims.filter((c) => c.env === env), settings);
    const head = `${GENERATED_MARKER} from the claims in deployments/${env}/. Do not edit: the platform's namespaces, applied by the root Application.
`;
    return { path: namespacesPath(env), content: head + docs.map((d) => emitYaml(d)).join("---\n"), env, claim: "" };
  });
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
  CORE_SCHEMA,
  EVENT_ID,
  SCALAR_STYLE,
  COLLECTION_STYLE,
  getScalarValue,
  parseEvents,
  loadAll,
  load,
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
  renderPlan,
  namespaceFiles
};

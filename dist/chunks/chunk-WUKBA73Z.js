import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  CHART_DIR,
  DNS_LABEL,
  FORBIDDEN_KEYS,
  IO_CONCURRENCY,
  ImageRegistry,
  MAX_DEPTH,
  MAX_RELEASE_NAME,
  chartFieldPosition,
  chartPublished,
  compiled,
  compiledAllErrors,
  credentialsForHosts,
  defaultNamespace,
  formatFieldPath,
  imageLocation,
  isDnsLabel,
  isLoopbackHost,
  makeAjv,
  mapLimit,
  ociTarget,
  parseClaimFile,
  placeOf,
  problemAt,
  releaseName,
  require_dist,
  resolveSettings,
  schemaCursor,
  schemaProblem,
  schemaProblems,
  stringWanted,
  toDnsLabel
} from "./chunk-6AM3FN3L.js";
import {
  InfraError,
  InputError,
  __toESM,
  cmp,
  sortProblems
} from "./chunk-SOMP4Y6R.js";

// src/pipeline.ts
import { readdir as readdir3, readFile as readFile2 } from "node:fs/promises";
import path4 from "node:path";

// src/claims/discover.ts
import { readFileSync } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";
var DEPLOYMENTS_DIR = "deployments";
var MAX_FILE_BYTES = 1024 * 1024;
var MAX_FILES = 1e4;
var MAX_TOTAL_BYTES = 128 * 1024 * 1024;
async function discoverClaimFiles(root, options = {}) {
  const maxFileBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  const maxFiles = options.maxFiles ?? MAX_FILES;
  const problems = [];
  const at = (file, code, message) => ({ file, code, message });
  const base = path.join(root, DEPLOYMENTS_DIR);
  let top;
  try {
    const st = await lstat(base);
    if (st.isSymbolicLink()) return { files: [], envs: [], problems: [at(DEPLOYMENTS_DIR, "symlink", "deployments/ is a symlink; refusing to follow it")] };
    if (!st.isDirectory()) return { files: [], envs: [], problems: [at(DEPLOYMENTS_DIR, "not-a-directory", "deployments is not a directory")] };
    top = (await readdir(base)).sort(cmp);
  } catch (error) {
    if (error.code === "ENOENT") return { files: [], envs: [], problems: [] };
    throw error;
  }
  const candidates = [];
  const envs = [];
  for (const name of top) {
    const rel = `${DEPLOYMENTS_DIR}/${name}`;
    const st = await lstat(path.join(base, name));
    if (st.isSymbolicLink()) {
      problems.push(at(rel, "symlink", `${rel} is a symlink; environment folders must be real directories`));
      continue;
    }
    if (!st.isDirectory()) continue;
    if (!isDnsLabel(name)) {
      problems.push(at(rel, "env-name", `environment folder "${name}" must be a DNS label (lowercase letters, digits and '-', at most 63 characters)`));
      continue;
    }
    envs.push(name);
    await walk2(path.join(base, name), rel, name);
  }
  async function walk2(dir, rel, env) {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => cmp(a.name, b.name));
    const yamlFiles = [];
    for (const entry of entries) {
      const childRel = `${rel}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        if (/\.ya?ml$/.test(entry.name) || !entry.name.includes(".")) problems.push(at(childRel, "symlink", `${childRel} is a symlink; refusing to follow it`));
      } else if (entry.isDirectory()) {
        await walk2(path.join(dir, entry.name), childRel, env);
      } else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) {
        yamlFiles.push(entry.name);
      }
    }
    const sizes = await mapLimit(yamlFiles, IO_CONCURRENCY, async (name) => (await lstat(path.join(dir, name))).size);
    yamlFiles.forEach((name, i) => candidates.push({ rel: `${rel}/${name}`, env, size: sizes[i] }));
  }
  if (candidates.length > maxFiles) {
    problems.push(at(DEPLOYMENTS_DIR, "too-many-files", `${candidates.length} claim files exceed the limit of ${maxFiles}`));
    return { files: [], envs, problems };
  }
  const total = candidates.reduce((sum, c) => sum + c.size, 0);
  if (total > MAX_TOTAL_BYTES) {
    problems.push(at(DEPLOYMENTS_DIR, "too-large", `claim files total ${total} bytes, over the limit of ${MAX_TOTAL_BYTES}`));
    return { files: [], envs, problems };
  }
  const read = await mapLimit(candidates, IO_CONCURRENCY, async (c) => {
    if (c.size > maxFileBytes) return at(c.rel, "file-too-large", `${c.size} bytes is over the limit of ${maxFileBytes} bytes for one claim file`);
    const decoded = decodeUtf8(readFileSync(path.join(root, c.rel)));
    if (typeof decoded !== "string") return { file: c.rel, ...decoded, code: "invalid-utf8", message: "file is not valid UTF-8" };
    return { path: c.rel, env: c.env, text: decoded };
  });
  const files = [];
  for (const r of read) {
    if ("text" in r) files.push(r);
    else problems.push(r);
  }
  return { files, envs, problems };
}
var decoder = new TextDecoder("utf-8", { fatal: true });
function decodeUtf8(bytes) {
  try {
    return decoder.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder("utf-8").decode(bytes.subarray(0, bad));
    const lines = before.split("\n");
    return { line: lines.length, col: lines[lines.length - 1].length + 1 };
  }
}
function firstInvalidUtf8(b) {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 128 ? 0 : c >= 194 && c < 224 ? 1 : c >= 224 && c < 240 ? 2 : c >= 240 && c < 245 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 192) !== 128) return i;
    i += n + 1;
  }
  return b.length;
}

// src/claims/application-claim.schema.json
var application_claim_schema_default = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://infraforge.io/schemas/application-claim.v1.json",
  title: "ApplicationClaim (platform.infraforge.io/v1)",
  description: "One service an app team asks the platform for. Lives in deployments/<env>/.",
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  additionalProperties: false,
  properties: {
    apiVersion: { const: "platform.infraforge.io/v1" },
    kind: { const: "ApplicationClaim" },
    metadata: {
      type: "object",
      required: ["name"],
      additionalProperties: false,
      properties: {
        name: { $ref: "#/$defs/dnsLabel", description: "Claim name; unique within its environment." },
        namespace: { $ref: "#/$defs/dnsLabel", description: "Accepted for compatibility; carried as a label, never used as a path." },
        labels: { $ref: "#/$defs/stringMap" },
        annotations: { $ref: "#/$defs/stringMap" }
      }
    },
    spec: {
      type: "object",
      required: ["environment", "owner", "applications"],
      additionalProperties: false,
      properties: {
        environment: { $ref: "#/$defs/dnsLabel", description: "Must equal the deployments/<env> folder the file sits in." },
        namespace: { $ref: "#/$defs/dnsLabel", description: "Target namespace; default <owner.team>-<environment>." },
        clusterType: { type: "string", maxLength: 63, description: "Accepted for compatibility with the operator; ignored." },
        owner: {
          type: "object",
          required: ["team", "email"],
          additionalProperties: false,
          properties: {
            team: { type: "string", minLength: 1, maxLength: 63, pattern: "^[A-Za-z0-9][A-Za-z0-9 _.-]*$" },
            email: { type: "string", maxLength: 254, pattern: "^[^@\\s]+@[^@\\s]+$" },
            slack: { type: "string", maxLength: 80 }
          }
        },
        applications: { type: "array", maxItems: 100, items: { $ref: "#/$defs/application" } },
        components: { type: "array", maxItems: 50, items: { $ref: "#/$defs/component" } }
      }
    },
    status: { type: "object", description: "Written by the old operator; accepted and ignored." }
  },
  $defs: {
    dnsLabel: {
      type: "string",
      maxLength: 63,
      pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"
    },
    stringMap: {
      type: "object",
      maxProperties: 64,
      propertyNames: { maxLength: 253, pattern: "^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$" },
      additionalProperties: { type: "string", maxLength: 4096 }
    },
    quantity: {
      oneOf: [
        { type: "string", maxLength: 32, pattern: "^[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$" },
        { type: "number", minimum: 0 }
      ]
    },
    resourceList: {
      type: "object",
      additionalProperties: false,
      properties: { cpu: { $ref: "#/$defs/quantity" }, memory: { $ref: "#/$defs/quantity" } }
    },
    resources: {
      type: "object",
      additionalProperties: false,
      description: "requests/limits; a flat {cpu, memory} (the operator's older form) means requests.",
      properties: {
        requests: { $ref: "#/$defs/resourceList" },
        limits: { $ref: "#/$defs/resourceList" },
        cpu: { $ref: "#/$defs/quantity" },
        memory: { $ref: "#/$defs/quantity" }
      }
    },
    port: { type: "integer", minimum: 1, maximum: 65535 },
    image: {
      oneOf: [
        {
          type: "string",
          minLength: 1,
          maxLength: 512,
          pattern: "^[a-z0-9]([a-z0-9._:/-]*[a-z0-9])?(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$",
          description: "repo[:tag][@sha256:digest]"
        },
        {
          type: "object",
          required: ["repository"],
          additionalProperties: false,
          properties: {
            repository: { type: "string", minLength: 1, maxLength: 255, pattern: "^[a-z0-9]([a-z0-9._:/-]*[a-z0-9])?$" },
            tag: { $ref: "#/$defs/imageTag" },
            digest: { type: "string", pattern: "^sha256:[a-f0-9]{64}$" },
            pullPolicy: { enum: ["Always", "IfNotPresent", "Never"] }
          }
        }
      ]
    },
    imageTag: { type: "string", maxLength: 128, pattern: "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$" },
    keyRef: {
      type: "object",
      required: ["name", "key"],
      additionalProperties: false,
      properties: {
        name: { type: "string", maxLength: 253, pattern: "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$" },
        key: { type: "string", maxLength: 253, pattern: "^[-._a-zA-Z0-9]+$" },
        optional: { type: "boolean" }
      }
    },
    envVar: {
      type: "object",
      required: ["name"],
      additionalProperties: false,
      properties: {
        name: { type: "string", maxLength: 253, pattern: "^[A-Za-z_][A-Za-z0-9_.-]*$" },
        value: { type: "string", maxLength: 32768 },
        valueFrom: {
          type: "object",
          additionalProperties: false,
          minProperties: 1,
          maxProperties: 1,
          properties: { secretKeyRef: { $ref: "#/$defs/keyRef" }, configMapKeyRef: { $ref: "#/$defs/keyRef" } }
        }
      }
    },
    application: {
      type: "object",
      required: ["name", "version"],
      additionalProperties: false,
      properties: {
        name: { $ref: "#/$defs/dnsLabel" },
        enabled: { type: "boolean" },
        image: { $ref: "#/$defs/image" },
        serviceName: { type: "string", maxLength: 128, pattern: "^[a-z0-9]([a-z0-9._/-]*[a-z0-9])?$" },
        repository: {
          type: "string",
          maxLength: 200,
          pattern: "^(?:https://(?:www\\.)?github\\.com/|git@github\\.com:)?[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?(?:\\.git)?/?$",
          description: "GitHub owner/repo, or its https://github.com/\u2026 or git@github.com:\u2026.git URL; the image defaults to <registry>/<owner>/<repo>."
        },
        version: { $ref: "#/$defs/imageTag" },
        replicas: { type: "integer", minimum: 0, maximum: 1e3 },
        ports: {
          type: "array",
          maxItems: 20,
          items: {
            type: "object",
            required: ["port"],
            additionalProperties: false,
            properties: {
              name: { type: "string", maxLength: 15, pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" },
              port: { $ref: "#/$defs/port" },
              protocol: { enum: ["TCP", "UDP", "SCTP"] }
            }
          }
        },
        healthCheck: {
          type: "object",
          additionalProperties: false,
          properties: {
            path: { type: "string", maxLength: 1024, pattern: "^/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*$" },
            port: { $ref: "#/$defs/port" },
            initialDelaySeconds: { type: "integer", minimum: 0, maximum: 3600 },
            periodSeconds: { type: "integer", minimum: 1, maximum: 3600 },
            timeoutSeconds: { type: "integer", minimum: 1, maximum: 3600 },
            failureThreshold: { type: "integer", minimum: 1, maximum: 100 }
          }
        },
        resources: { $ref: "#/$defs/resources" },
        env: { type: "array", maxItems: 200, items: { $ref: "#/$defs/envVar" } },
        autoscaling: {
          type: "object",
          additionalProperties: false,
          properties: {
            enabled: { type: "boolean" },
            minReplicas: { type: "integer", minimum: 1, maximum: 1e3 },
            maxReplicas: { type: "integer", minimum: 1, maximum: 1e3 },
            targetCPUUtilizationPercentage: { type: "integer", minimum: 1, maximum: 100 },
            targetMemoryUtilizationPercentage: { type: "integer", minimum: 1, maximum: 100 },
            targetCPU: { type: "integer", minimum: 1, maximum: 100, description: "Older name of targetCPUUtilizationPercentage." },
            targetMemory: { type: "integer", minimum: 1, maximum: 100, description: "Older name of targetMemoryUtilizationPercentage." }
          }
        },
        uses: { type: "array", maxItems: 50, items: { $ref: "#/$defs/dnsLabel" } },
        values: { type: "object", description: "Escape hatch: merged last into the Helm values; validated against charts/common/values.schema.json." }
      }
    },
    component: {
      type: "object",
      required: ["type", "name"],
      additionalProperties: false,
      properties: {
        type: { enum: ["postgresql", "redis", "rabbitmq", "mongodb", "elasticsearch", "kafka"] },
        name: { $ref: "#/$defs/dnsLabel" },
        enabled: { type: "boolean" },
        version: { type: "string", maxLength: 32, pattern: "^[0-9]+(\\.[0-9]+){0,2}$" },
        size: { enum: ["small", "medium", "large"] },
        storage: {
          oneOf: [
            { type: "string", maxLength: 32, pattern: "^[0-9]+(Mi|Gi|Ti)$" },
            {
              type: "object",
              additionalProperties: false,
              properties: {
                size: { type: "string", maxLength: 32, pattern: "^[0-9]+(Mi|Gi|Ti)$" },
                storageClass: { type: "string", maxLength: 253, pattern: "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$" }
              }
            }
          ]
        },
        replicas: { type: "integer", minimum: 1, maximum: 9 },
        resources: { $ref: "#/$defs/resources" },
        plugins: { type: "array", maxItems: 50, uniqueItems: true, items: { $ref: "#/$defs/rabbitmqPlugin" }, description: "rabbitmq: plugins to enable beside the operator's essential ones." },
        heap: { $ref: "#/$defs/javaHeap", description: "elasticsearch: JVM heap (-Xms = -Xmx), e.g. 2g; by default Elasticsearch sizes it from the memory limit." },
        brokers: { type: "integer", minimum: 1, maximum: 9, description: "kafka: KRaft nodes, each a broker and a controller (the same as replicas)." },
        mode: { enum: ["standalone", "replication", "sentinel", "cluster"], description: "redis: only standalone (one instance) is rendered; the others are refused with a message." },
        config: { type: "object" }
      },
      allOf: [
        {
          if: { properties: { type: { const: "postgresql" } }, required: ["type"] },
          then: { properties: { config: { $ref: "#/$defs/postgresqlConfig" } } }
        },
        {
          if: { properties: { type: { const: "redis" } }, required: ["type"] },
          then: { properties: { config: { $ref: "#/$defs/redisConfig" } } }
        },
        {
          if: { properties: { type: { const: "rabbitmq" } }, required: ["type"] },
          then: { properties: { config: { $ref: "#/$defs/rabbitmqConfig" } } }
        },
        {
          if: { properties: { type: { const: "mongodb" } }, required: ["type"] },
          then: { properties: { config: { $ref: "#/$defs/mongodbConfig" } } }
        },
        {
          if: { properties: { type: { const: "elasticsearch" } }, required: ["type"] },
          then: { properties: { config: { $ref: "#/$defs/elasticsearchConfig" } } }
        },
        {
          if: { properties: { type: { const: "kafka" } }, required: ["type"] },
          then: { properties: { config: { $ref: "#/$defs/kafkaConfig" } } }
        }
      ]
    },
    postgresqlConfig: {
      type: "object",
      additionalProperties: false,
      properties: {
        database: { type: "string", maxLength: 63, pattern: "^[a-z_][a-z0-9_]*$" },
        owner: { type: "string", maxLength: 63, pattern: "^[a-z_][a-z0-9_]*$" },
        parameters: {
          type: "object",
          maxProperties: 100,
          propertyNames: { pattern: "^[a-z_][a-z0-9_.]*$", maxLength: 63 },
          additionalProperties: { type: "string", maxLength: 256 }
        },
        maxConnections: { type: "string", pattern: "^[0-9]{1,6}$", description: "Older form of parameters.max_connections." },
        monitoring: { type: "boolean" },
        backup: {
          type: "object",
          required: ["destinationPath"],
          additionalProperties: false,
          properties: {
            destinationPath: { type: "string", maxLength: 1024, pattern: "^s3://[a-z0-9][a-z0-9.-]*[a-z0-9](/[A-Za-z0-9._/-]*)?$" },
            retentionPolicy: { type: "string", pattern: "^[1-9][0-9]*[dwm]$" },
            inheritFromIAMRole: { type: "boolean" }
          }
        }
      }
    },
    redisConfig: {
      type: "object",
      additionalProperties: false,
      properties: {
        persistence: { type: "boolean" },
        auth: {
          type: "object",
          required: ["existingSecret"],
          additionalProperties: false,
          properties: {
            existingSecret: { $ref: "#/$defs/keyRef/properties/name" },
            key: { $ref: "#/$defs/keyRef/properties/key" }
          }
        },
        maxmemoryPolicy: { enum: ["noeviction", "allkeys-lru", "volatile-lru", "allkeys-lfu", "volatile-lfu", "allkeys-random", "volatile-random", "volatile-ttl"] },
        mode: { type: "string", maxLength: 32, description: "Operator era: now the component's mode." },
        replicas: { type: "integer", minimum: 1, maximum: 9, description: "Operator era: now the component's replicas." }
      }
    },
    rabbitmqPlugin: { type: "string", maxLength: 100, pattern: "^[a-z0-9_]+$" },
    javaHeap: { type: "string", maxLength: 8, pattern: "^[1-9][0-9]{0,5}[mg]$" },
    storageSize: { type: "string", maxLength: 32, pattern: "^[0-9]+(Mi|Gi|Ti)$" },
    rabbitmqConfig: {
      type: "object",
      additionalProperties: false,
      description: "Operator-era settings, accepted where the meaning is plain; the component's own fields are preferred.",
      properties: {
        replicas: { type: "integer", minimum: 1, maximum: 9, description: "Operator era: replicas." },
        plugins: { type: "array", maxItems: 50, uniqueItems: true, items: { $ref: "#/$defs/rabbitmqPlugin" }, description: "Operator era: plugins." },
        persistence: {
          type: "object",
          additionalProperties: false,
          description: "Operator era: persistence.size is storage; RabbitMQ always persists.",
          properties: { size: { $ref: "#/$defs/storageSize" }, enabled: { type: "boolean" } }
        }
      }
    },
    mongodbConfig: {
      type: "object",
      additionalProperties: false,
      properties: {
        replicas: { type: "integer", minimum: 1, maximum: 9, description: "Operator era: replicas." },
        storage: { $ref: "#/$defs/storageSize", description: "Operator era: storage." },
        database: { type: "string", maxLength: 63, pattern: "^[a-z_][a-z0-9_]*$", description: "The database the app user reads and writes (default app)." },
        auth: {
          type: "object",
          required: ["existingSecret"],
          additionalProperties: false,
          description: "The Secret with the app user's password (default <name>-app-password, key password); never in git.",
          properties: {
            existingSecret: { $ref: "#/$defs/keyRef/properties/name" },
            key: { $ref: "#/$defs/keyRef/properties/key" }
          }
        }
      }
    },
    elasticsearchConfig: {
      type: "object",
      additionalProperties: false,
      properties: {
        replicas: { type: "integer", minimum: 1, maximum: 9, description: "Operator era: replicas." },
        storage: { $ref: "#/$defs/storageSize", description: "Operator era: storage." },
        heap: { type: "string", maxLength: 16, description: "Operator era: heap." }
      }
    },
    kafkaConfig: {
      type: "object",
      additionalProperties: false,
      properties: {
        brokers: { type: "integer", minimum: 1, maximum: 9, description: "Operator era: brokers." },
        storage: { $ref: "#/$defs/storageSize", description: "Operator era: storage." },
        zookeeper: { description: "Operator era: refused; Strimzi 1.x runs KRaft only." }
      }
    }
  }
};

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
var DEFAULT_CONSTRUCTOR_OPTIONS = {
  filename: "",
  schema: CORE_SCHEMA,
  json: false,
  maxTotalMergeKeys: 1e4,
  maxAliases: -1
};
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

// src/claims/fast-parse.ts
var NULLS = /* @__PURE__ */ new Set(["", "~", "null", "Null", "NULL"]);
var TRUE = /* @__PURE__ */ new Set(["true", "True", "TRUE"]);
var FALSE = /* @__PURE__ */ new Set(["false", "False", "FALSE"]);
var CANONICAL_INT = /^-?(0|[1-9][0-9]*)$/;
var CANONICAL_FLOAT = /^-?(0|[1-9][0-9]*)\.[0-9]+$/;
var NUMBERISH = /^[-+]?(\.[0-9]|[0-9]|\.(inf|Inf|INF|nan|NaN|NAN)$)|^0[ox]/;
var UNUSUAL = /[\t\r\uFEFF&*!%]|<</;
var Bail = class extends Error {
};
function fastParseClaimFile(text, schema) {
  if (UNUSUAL.test(text)) return void 0;
  let events;
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch {
    return void 0;
  }
  try {
    return new EventReader(text, events, schema).documents();
  } catch (error) {
    if (error instanceof Bail) return void 0;
    throw error;
  }
}
var EventReader = class {
  constructor(text, events, schema) {
    this.text = text;
    this.events = events;
    this.schema = schema;
  }
  text;
  events;
  schema;
  i = 0;
  documents() {
    const docs = [];
    let index = 0;
    while (this.i < this.events.length) {
      const event = this.events[this.i++];
      if (event.type !== EVENT_ID.DOCUMENT) throw new Bail();
      if (event.directives.length) throw new Bail();
      if (this.peek()?.type === EVENT_ID.POP) {
        this.i++;
        index++;
        continue;
      }
      const data = this.node(this.schema, 0);
      if (this.events[this.i++]?.type !== EVENT_ID.POP) throw new Bail();
      docs.push({ index: index++, data });
    }
    return docs;
  }
  peek() {
    return this.events[this.i];
  }
  node(schema, depth) {
    if (depth > MAX_DEPTH) throw new Bail();
    const event = this.events[this.i++];
    if (!event) throw new Bail();
    switch (event.type) {
      case EVENT_ID.SCALAR:
        if (event.anchorStart !== -1 || event.tagStart !== -1) throw new Bail();
        return this.scalar(event, schema);
      case EVENT_ID.SEQUENCE: {
        if (event.anchorStart !== -1 || event.tagStart !== -1) throw new Bail();
        const items = [];
        const itemSchema = schema?.item();
        while (this.peek()?.type !== EVENT_ID.POP) items.push(this.node(itemSchema, depth + 1));
        this.i++;
        return items;
      }
      case EVENT_ID.MAPPING: {
        if (event.anchorStart !== -1 || event.tagStart !== -1) throw new Bail();
        const out = {};
        while (this.peek()?.type !== EVENT_ID.POP) {
          const keyEvent = this.events[this.i++];
          if (keyEvent?.type !== EVENT_ID.SCALAR || keyEvent.anchorStart !== -1 || keyEvent.tagStart !== -1) throw new Bail();
          const key = getScalarValue(this.text, keyEvent);
          if (keyEvent.style === SCALAR_STYLE.PLAIN && (NULLS.has(key) || TRUE.has(key) || FALSE.has(key))) throw new Bail();
          if (FORBIDDEN_KEYS.has(key) || key === "<<" || Object.hasOwn(out, key)) throw new Bail();
          out[key] = this.node(schema?.property(key), depth + 1);
        }
        this.i++;
        return out;
      }
      default:
        throw new Bail();
    }
  }
  scalar(event, schema) {
    const value = getScalarValue(this.text, event);
    if (event.style !== SCALAR_STYLE.PLAIN) return value;
    let typed;
    if (NULLS.has(value)) return null;
    if (TRUE.has(value)) typed = true;
    else if (FALSE.has(value)) typed = false;
    else if (CANONICAL_INT.test(value) || CANONICAL_FLOAT.test(value)) {
      typed = Number(value);
      if (!Number.isSafeInteger(typed) && CANONICAL_INT.test(value)) throw new Bail();
    } else if (NUMBERISH.test(value) && looksNumeric(value)) throw new Bail();
    else return value;
    return stringWanted(schema) ? value : typed;
  }
};
function looksNumeric(s) {
  return /^[-+]?[0-9]+$/.test(s) || /^0o[0-7]+$/.test(s) || /^0x[0-9a-fA-F]+$/.test(s) || /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s) || /^[-+]?\.(inf|Inf|INF)$/.test(s) || /^\.(nan|NaN|NAN)$/.test(s);
}

// src/claims/load.ts
var CLAIM_SCHEMA = application_claim_schema_default;
var claimCursor = schemaCursor(application_claim_schema_default);
function loadClaims(files, options = {}) {
  const validate = compiled(CLAIM_SCHEMA);
  const result = { claims: [], problems: [], fastFiles: 0 };
  for (const file of files) {
    const fast = options.fast === false ? void 0 : fastParseClaimFile(file.text, claimCursor);
    if (fast && fast.length > 0 && fast.every((d) => validate(d.data))) {
      result.fastFiles++;
      const strict = lazyStrict(file);
      for (const d of fast) {
        const source = { file: file.path, index: d.index, data: d.data, locate: (path5, part) => strict(d.index).locate(path5, part) };
        result.claims.push({ claim: d.data, env: file.env, source });
      }
      continue;
    }
    const parsed = parseClaimFile(file.path, file.text, claimCursor);
    result.problems.push(...parsed.problems);
    for (const doc of parsed.docs) {
      if (!validate(doc.data)) {
        const all = compiledAllErrors(CLAIM_SCHEMA);
        all(doc.data);
        result.problems.push(...schemaProblems(doc, all.errors ?? []));
        continue;
      }
      result.claims.push({ claim: doc.data, env: file.env, source: doc });
    }
  }
  return result;
}
function lazyStrict(file) {
  let docs;
  return (index) => {
    docs ??= parseClaimFile(file.path, file.text, claimCursor).docs;
    const doc = docs.find((d) => d.index === index);
    if (!doc) throw new Error(`internal: ${file.path} document ${index} parsed differently by the strict path`);
    return doc;
  };
}

// src/render/profiles.ts
var BUILTIN_PROFILES = {
  dev: {
    replicas: { default: 1, floor: 1 },
    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
    podDisruptionBudget: false,
    autoscaling: { enabled: false, maxReplicasFactor: 3, targetCPUUtilizationPercentage: 80 },
    components: { instances: 1, quorumMembers: 1, quorumFloor: 1, storage: "1Gi" }
  },
  staging: {
    replicas: { default: 2, floor: 1 },
    resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "1Gi" } },
    podDisruptionBudget: false,
    autoscaling: { enabled: false, maxReplicasFactor: 3, targetCPUUtilizationPercentage: 75 },
    components: { instances: 2, quorumMembers: 3, quorumFloor: 1, storage: "10Gi" }
  },
  prod: {
    replicas: { default: 3, floor: 2 },
    resources: { requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "2", memory: "2Gi" } },
    podDisruptionBudget: true,
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

// src/render/component-settings.ts
var QUORUM_TYPES = /* @__PURE__ */ new Set(["rabbitmq", "mongodb", "elasticsearch", "kafka"]);
var JVM_TYPES = /* @__PURE__ */ new Set(["elasticsearch", "kafka"]);
var TYPE_FIELDS = {
  plugins: "rabbitmq",
  heap: "elasticsearch",
  brokers: "kafka",
  mode: "redis"
};
var FULL_VERSION = { mongodb: "8.0.12", elasticsearch: "9.1.0", kafka: "4.1.0" };
var DEFAULT_VERSION = { mongodb: "8.0.12", elasticsearch: "9.1.0" };
var HEAP = /^[1-9][0-9]{0,5}[mg]$/;
var MAX_NAME = {
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
  const refuse = (path5, code, message) => issues.push({ path: path5, code, message });
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
      break;
    }
    case "postgresql":
      break;
  }
  const limit = MAX_NAME[type];
  if (limit && component.name.length > limit.max) {
    refuse(["name"], "component-name-too-long", `a ${type} component name may have at most ${limit.max} characters (${limit.why}); "${component.name}" has ${component.name.length}`);
  }
  const members = asked ?? (QUORUM_TYPES.has(type) ? profile.components.quorumMembers : profile.components.instances);
  if (QUORUM_TYPES.has(type) && asked !== void 0 && asked < profile.components.quorumFloor) {
    const field = type === "kafka" && component.brokers !== void 0 ? "brokers" : "replicas";
    refuse([field], "component-quorum-floor", `${type} needs at least ${profile.components.quorumFloor} members in this environment (a majority must survive one loss); ${field} is ${asked}`);
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

// src/render/operator-objects.ts
var MONGODB_USER = "app";
var MONGODB_AUTH_DB = "admin";
var mongodbConnectionSecret = (component) => `${component}-${MONGODB_AUTH_DB}-${MONGODB_USER}`;
var mongodbPasswordSecret = (component) => `${component}-${MONGODB_USER}-password`;

// src/render/wiring.ts
var secretRef = (name, key) => ({ valueFrom: { secretKeyRef: { name, key } } });
var WIRING = {
  // CloudNativePG: Secret <name>-app, key uri (postgresql://user:password@<name>-rw:5432/db).
  postgresql: (c, p, first) => {
    const ref = secretRef(`${c.name}-app`, "uri");
    return [...first ? [{ name: "DATABASE_URL", ...ref }] : [], { name: `${p}_DATABASE_URL`, ...ref }];
  },
  // Our own StatefulSet and Service <name>:6379; the password only from the claim's Secret.
  redis: (c, p, first) => {
    const auth = c.config?.auth;
    const out = [];
    if (auth) out.push({ name: `${p}_REDIS_PASSWORD`, ...secretRef(auth.existingSecret, auth.key ?? "password") });
    const url = auth ? `redis://:$(${p}_REDIS_PASSWORD)@${c.name}:6379` : `redis://${c.name}:6379`;
    if (first) out.push({ name: "REDIS_URL", value: url });
    out.push({ name: `${p}_REDIS_URL`, value: url });
    return out;
  },
  // RabbitMQ Cluster Operator: Secret <name>-default-user (connection_string, host, port, …).
  rabbitmq: (c, p, first) => {
    const secret = `${c.name}-default-user`;
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
    const ref = secretRef(mongodbConnectionSecret(c.name), "connectionString.standard");
    return [...first ? [{ name: "MONGODB_URI", ...ref }] : [], { name: `${p}_MONGODB_URI`, ...ref }];
  },
  // ECK: Service <name>-es-http on 9200 (TLS, its CA in <name>-es-http-certs-public), user elastic in <name>-es-elastic-user.
  elasticsearch: (c, p, first) => {
    const entries = (v) => [
      { name: `${v}_URL`, value: `https://${c.name}-es-http:9200` },
      { name: `${v}_USERNAME`, value: "elastic" },
      { name: `${v}_PASSWORD`, ...secretRef(`${c.name}-es-elastic-user`, "elastic") },
      { name: `${v}_CA_CERT`, ...secretRef(`${c.name}-es-http-certs-public`, "ca.crt") }
    ];
    return [...first ? entries("ELASTICSEARCH") : [], ...entries(`${p}_ELASTICSEARCH`)];
  },
  // Strimzi: Service <name>-kafka-bootstrap, plain listener on 9092 (no credential).
  kafka: (c, p, first) => {
    const value = `${c.name}-kafka-bootstrap:9092`;
    return [...first ? [{ name: "KAFKA_BOOTSTRAP_SERVERS", value }] : [], { name: `${p}_KAFKA_BOOTSTRAP_SERVERS`, value }];
  }
};
function wiredEnv(claim, app) {
  const env = (app.env ?? []).map(envEntry);
  const taken = new Set((app.env ?? []).map((e) => e.name));
  const seenTypes = /* @__PURE__ */ new Set();
  const components = claim.spec.components ?? [];
  for (const used of app.uses ?? []) {
    const component = components.find((c) => c.name === used);
    if (!component || component.enabled === false) continue;
    const prefix = used.toUpperCase().replace(/-/g, "_");
    for (const entry of WIRING[component.type](component, prefix, !seenTypes.has(component.type))) {
      if (taken.has(entry.name)) continue;
      taken.add(entry.name);
      env.push(entry);
    }
    seenTypes.add(component.type);
  }
  return env;
}
function envEntry(e) {
  if (e.valueFrom) return { name: e.name, valueFrom: e.valueFrom };
  return { name: e.name, value: e.value ?? "" };
}

// src/render/values.ts
function claimNamespace(claim) {
  return claim.spec.namespace ?? defaultNamespace(claim.spec.owner.team, claim.spec.environment);
}
function platformLabels(claim) {
  const carried = { ...claim.metadata.labels };
  if (claim.metadata.namespace) carried["platform.infraforge.io/source-namespace"] = claim.metadata.namespace;
  return {
    ...carried,
    "platform.infraforge.io/claim": claim.metadata.name,
    "platform.infraforge.io/team": toDnsLabel(claim.spec.owner.team),
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
  const replicas = Math.max(app.replicas ?? profile.replicas.default, profile.replicas.floor);
  const ports = (app.ports ?? []).map((p) => ({
    name: p.name ?? `${(p.protocol ?? "TCP").toLowerCase()}-${p.port}`,
    port: p.port,
    protocol: p.protocol ?? "TCP"
  }));
  const autoscalingEnabled = app.autoscaling?.enabled ?? profile.autoscaling.enabled;
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
    probes: probes(app.healthCheck, ports[0]?.port),
    resources: mergeResources(profile.resources, app.resources),
    env: wiredEnv(claim, app),
    autoscaling,
    podDisruptionBudget: { enabled: profile.podDisruptionBudget && Math.min(replicas, minReplicas) >= 2, minAvailable: 1 }
  };
  return app.values ? deepMerge(values, app.values) : values;
}
function probes(health, firstPort) {
  const port = health?.port ?? firstPort;
  if (port === void 0) return {};
  const handler = health?.path ? { httpGet: { path: health.path, port } } : { tcpSocket: { port } };
  const timing = {
    initialDelaySeconds: health?.initialDelaySeconds ?? 10,
    periodSeconds: health?.periodSeconds ?? 10,
    timeoutSeconds: health?.timeoutSeconds ?? 1,
    failureThreshold: health?.failureThreshold ?? 3
  };
  return { liveness: { ...handler, ...timing }, readiness: { ...handler, ...timing } };
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

// src/claims/units.ts
function claimUnits(claim) {
  return [
    ...claim.spec.applications.map((a, i) => ({ name: a.name, path: ["spec", "applications", i, "name"] })),
    ...(claim.spec.components ?? []).map((c, i) => ({ name: c.name, path: ["spec", "components", i, "name"] }))
  ];
}

// src/claims/argocd-names.ts
var BUILTIN_PROJECTS = [{ name: "default", where: "Argo CD's built-in project (the root Applications use it)" }];
var BUILTIN_APPLICATIONS = [
  { name: "rabbitmq-cluster-operator", where: "the RabbitMQ operator Application infrastructure/aws/addons.tf creates" }
];
function rootApplicationName(env) {
  return `infraforge-root-${env}`;
}
function rootApplicationFile(env) {
  return `infrastructure/argocd/root-${env}.yaml`;
}
function reservedApplications(envs, settings) {
  return [
    ...envs.map((env) => ({ name: rootApplicationName(env), where: `the root Application ${rootApplicationFile(env)}` })),
    ...BUILTIN_APPLICATIONS,
    ...(settings.argocd.reserved?.applications ?? []).map(fromSettings)
  ];
}
function reservedProjects(settings) {
  return [...BUILTIN_PROJECTS, ...(settings.argocd.reserved?.projects ?? []).map(fromSettings)];
}
function fromSettings(r) {
  return { name: r.name, where: `the name reserved in ${r.where}` };
}
function argocdNameProblems(claims, settings) {
  const problems = [];
  const projects = byName(reservedProjects(settings));
  const reserved = byName(reservedApplications([...new Set(claims.map((c) => c.env))].sort(cmp), settings));
  const seenClaims = /* @__PURE__ */ new Set();
  const applications = /* @__PURE__ */ new Map();
  for (const { claim, env, source: doc } of claims) {
    const name = claim.metadata.name;
    if (seenClaims.has(`${env}/${name}`)) continue;
    seenClaims.add(`${env}/${name}`);
    const project = projects.get(name);
    if (project) {
      problems.push(problemAt(doc, ["metadata", "name"], "reserved-project", `claim "${name}" would render AppProject "${name}", which is ${project.where}; choose another claim name`));
    }
    for (const unit of claimUnits(claim)) {
      const app = releaseName(name, unit.name);
      const owner = reserved.get(app);
      if (owner) {
        problems.push(problemAt(doc, unit.path, "reserved-application", `Application "${app}" (claim "${name}" + "${unit.name}") is ${owner.where}; rename the claim or the unit`));
        continue;
      }
      const key = `${env}/${app}`;
      const other = applications.get(key);
      if (!other) {
        applications.set(key, { doc, path: unit.path, claim: name, unit: unit.name });
      } else if (other.claim !== name) {
        problems.push(
          problemAt(
            doc,
            unit.path,
            "application-name-clash",
            `Application "${app}" (claim "${name}" + "${unit.name}") is also made by claim "${other.claim}" + "${other.unit}" at ${placeOf(other.doc, other.path)}; rename one of them`
          )
        );
      }
    }
  }
  return problems;
}
function byName(names) {
  const map = /* @__PURE__ */ new Map();
  for (const r of names) if (!map.has(r.name)) map.set(r.name, r);
  return map;
}

// src/claims/semantic.ts
function semanticProblems(claims, settings) {
  const problems = [];
  const at = problemAt;
  const place = placeOf;
  const claimNames = /* @__PURE__ */ new Map();
  const objectNames = /* @__PURE__ */ new Map();
  for (const { claim, env, source: doc } of claims) {
    const spec = claim.spec;
    const name = claim.metadata.name;
    if (spec.environment !== env) {
      problems.push(at(doc, ["spec", "environment"], "environment-mismatch", `spec.environment is "${spec.environment}" but the file sits in deployments/${env}/`));
    }
    const key = `${env}/${name}`;
    const previous = claimNames.get(key);
    if (previous) {
      problems.push(at(doc, ["metadata", "name"], "duplicate-claim", `claim "${name}" is already defined in environment ${env} at ${place(previous.doc, ["metadata", "name"])}`));
      continue;
    }
    claimNames.set(key, { doc });
    const namespace = claimNamespace(claim);
    if (!isDnsLabel(namespace)) {
      problems.push(at(doc, ["spec", "owner", "team"], "namespace", `the default namespace "${namespace}" is not a DNS label; set spec.namespace`));
    }
    const units = /* @__PURE__ */ new Map();
    const components = spec.components ?? [];
    for (const unit of claimUnits(claim)) {
      const seen = units.get(unit.name);
      if (seen) {
        problems.push(at(doc, unit.path, "duplicate-name", `"${unit.name}" is already used in this claim at ${place(doc, seen)}`));
        continue;
      }
      units.set(unit.name, unit.path);
      const release = releaseName(name, unit.name);
      if (release.length > MAX_RELEASE_NAME) {
        problems.push(at(doc, unit.path, "release-name-too-long", `"${release}" (claim-name) is ${release.length} characters; Argo CD application and Helm release names allow ${MAX_RELEASE_NAME}`));
      }
      const objectKey = `${env}/${namespace}/${unit.name}`;
      const clash = objectNames.get(objectKey);
      if (clash && clash.doc !== doc) {
        problems.push(at(doc, unit.path, "object-name-clash", `"${unit.name}" would deploy into namespace ${namespace}, where ${place(clash.doc, clash.path)} already deploys an object of that name`));
      } else {
        objectNames.set(objectKey, { doc, path: unit.path });
      }
    }
    spec.applications.forEach((app, i) => {
      const base = ["spec", "applications", i];
      if (app.image !== void 0) {
        const image = parseImage(app.image);
        if (image.tag !== void 0 && image.tag !== app.version) {
          const imagePath = typeof app.image === "string" ? [...base, "image"] : [...base, "image", "tag"];
          problems.push(
            at(doc, imagePath, "image-tag-conflict", `image tag "${image.tag}" differs from version "${app.version}" at ${place(doc, [...base, "version"])}; drop one or make them equal`)
          );
        }
      } else if (!imageRepository(app, settings)) {
        problems.push(at(doc, [...base, "name"], "image-owner-unknown", "no image given and no image owner known: set image, or image.owner in deployments/settings.yaml, or --image-owner"));
      }
      const ports = app.ports ?? [];
      const seenPorts = /* @__PURE__ */ new Map();
      ports.forEach((p, j) => {
        for (const k of [`${p.port}/${p.protocol ?? "TCP"}`, p.name ? `name:${p.name}` : ""]) {
          if (!k) continue;
          if (seenPorts.has(k)) problems.push(at(doc, [...base, "ports", j], "duplicate-port", `port ${k.replace("name:", "named ")} is declared twice (also ports[${seenPorts.get(k)}])`));
          else seenPorts.set(k, j);
        }
      });
      const hc = app.healthCheck;
      if (hc) {
        if (hc.port !== void 0 && ports.length > 0 && !ports.some((p) => p.port === hc.port)) {
          problems.push(at(doc, [...base, "healthCheck", "port"], "healthcheck-port", `healthCheck port ${hc.port} is not among the declared ports (${ports.map((p) => p.port).join(", ")})`));
        }
        if (hc.port === void 0 && ports.length === 0) {
          problems.push(at(doc, [...base, "healthCheck"], "healthcheck-port", "healthCheck needs a port: set healthCheck.port or declare ports"));
        }
      }
      const envNames = /* @__PURE__ */ new Map();
      (app.env ?? []).forEach((e, j) => {
        if (envNames.has(e.name)) problems.push(at(doc, [...base, "env", j, "name"], "duplicate-env", `env ${e.name} is set twice (also env[${envNames.get(e.name)}])`));
        else envNames.set(e.name, j);
        if (e.value !== void 0 && e.valueFrom !== void 0) problems.push(at(doc, [...base, "env", j], "env-value-and-valuefrom", `env ${e.name} sets both value and valueFrom; choose one`));
      });
      (app.uses ?? []).forEach((used, j) => {
        const target = components.find((c) => c.name === used);
        if (!target) {
          const known = components.map((c) => c.name).join(", ") || "none";
          problems.push(at(doc, [...base, "uses", j], "uses-unknown", `uses "${used}", but this claim has no component of that name (components: ${known})`));
        } else if (target.enabled === false) {
          problems.push(at(doc, [...base, "uses", j], "uses-disabled", `uses "${used}", which is disabled`));
        }
      });
      const as = app.autoscaling;
      if (as?.minReplicas !== void 0 && as.maxReplicas !== void 0 && as.minReplicas > as.maxReplicas) {
        problems.push(at(doc, [...base, "autoscaling", "minReplicas"], "autoscaling-bounds", `minReplicas ${as.minReplicas} is above maxReplicas ${as.maxReplicas}`));
      }
      problems.push(...resourceProblems(app.resources, [...base, "resources"], doc, at));
    });
    components.forEach((c, i) => problems.push(...resourceProblems(c.resources, ["spec", "components", i, "resources"], doc, at)));
    const profile = resolveProfile(env, settings.profiles);
    components.forEach((c, i) => {
      for (const issue of resolveComponent(c, profile).issues) problems.push(at(doc, ["spec", "components", i, ...issue.path], issue.code, issue.message));
    });
  }
  problems.push(...argocdNameProblems(claims, settings));
  return problems;
}
function resourceProblems(r, path5, doc, at) {
  if (!r?.limits) return [];
  const out = [];
  for (const k of ["cpu", "memory"]) {
    const req = r.requests?.[k] ?? r[k];
    const lim = r.limits[k];
    if (req === void 0 || lim === void 0) continue;
    const a = parseQuantity(req);
    const b = parseQuantity(lim);
    if (a !== void 0 && b !== void 0 && a > b) out.push(at(doc, [...path5, "limits", k], "request-over-limit", `${k} limit ${lim} is below the request ${req}`));
  }
  return out;
}

// src/io/tree.ts
import { randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync as readFileSync2, renameSync, rmSync, writeFileSync } from "node:fs";
import { lstat as lstat2, readdir as readdir2, rmdir, unlink } from "node:fs/promises";
import path2 from "node:path";

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
          destination: { server: settings.argocd.server, namespace: claimNamespace(claim) },
          syncPolicy: {
            automated: { prune: true, selfHeal: true },
            syncOptions: ["CreateNamespace=true"]
          }
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
      sourceRepos: [settings.gitRepoURL, argoChartRepo(settings.chart.repository)],
      destinations: [{ server: settings.argocd.server, namespace: claimNamespace(claim) }],
      // CreateNamespace=true needs this one cluster-scoped kind; nothing else cluster-wide.
      clusterResourceWhitelist: [{ group: "", kind: "Namespace" }]
    }
  };
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
        inheritFromIAMRole: config.backup.inheritFromIAMRole ?? true
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
          persistence: { enabled: config.persistence !== false, ...storage },
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
      return { ...base, kafka };
    }
  }
}

// src/render/yaml-emit.ts
var SAFE_PLAIN = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
var YAML11_WORDS = /* @__PURE__ */ new Set(["y", "n", "yes", "no", "on", "off", "true", "false", "null"]);
var MUST_ESCAPE = /[\u007f-\u009f\u2028\u2029\ufeff]/g;
var EmitError = class extends Error {
  constructor(message, path5) {
    super(`${message} at ${path5 || "(root)"}`);
    this.path = path5;
    this.name = "EmitError";
  }
  path;
};
function emitYaml(value) {
  const lines = [];
  if (isPlainObject2(value) && Object.keys(value).length > 0) emitMap(value, 0, lines, "");
  else if (Array.isArray(value) && value.length > 0) emitSeq(value, 0, lines, "");
  else lines.push(scalar(value, ""));
  return `${lines.join("\n")}
`;
}
function quoteString(s) {
  if (SAFE_PLAIN.test(s) && !YAML11_WORDS.has(s.toLowerCase())) return s;
  return JSON.stringify(s).replace(MUST_ESCAPE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function emitMap(obj, indent, lines, path5, firstPrefix) {
  const keys = Object.keys(obj).sort(cmp);
  const pad = " ".repeat(indent);
  keys.forEach((key, i) => {
    const prefix = i === 0 && firstPrefix !== void 0 ? firstPrefix : pad;
    const child = obj[key];
    const childPath = path5 ? `${path5}.${key}` : key;
    const k = quoteString(key);
    if (isPlainObject2(child) && Object.keys(child).length > 0) {
      lines.push(`${prefix}${k}:`);
      emitMap(child, indent + 2, lines, childPath);
    } else if (Array.isArray(child) && child.length > 0) {
      lines.push(`${prefix}${k}:`);
      emitSeq(child, indent, lines, childPath);
    } else {
      lines.push(`${prefix}${k}: ${scalar(child, childPath)}`);
    }
  });
}
function emitSeq(items, indent, lines, path5) {
  const pad = " ".repeat(indent);
  items.forEach((item, i) => {
    const itemPath = `${path5}[${i}]`;
    if (isPlainObject2(item) && Object.keys(item).length > 0) {
      emitMap(item, indent + 2, lines, itemPath, `${pad}- `);
    } else if (Array.isArray(item) && item.length > 0) {
      lines.push(`${pad}-`);
      emitSeq(item, indent + 2, lines, itemPath);
    } else {
      lines.push(`${pad}- ${scalar(item, itemPath)}`);
    }
  });
}
function scalar(value, path5) {
  switch (typeof value) {
    case "string":
      return quoteString(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new EmitError(`refusing to write ${value}`, path5);
      return Object.is(value, -0) ? "0" : String(value);
    case "object":
      if (value === null) return "null";
      if (Array.isArray(value)) return "[]";
      if (isPlainObject2(value)) return "{}";
      throw new EmitError("refusing to write a non-plain object", path5);
    default:
      throw new EmitError(`refusing to write ${typeof value}`, path5);
  }
}
function isPlainObject2(v) {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

// src/render/plan.ts
var GENERATED_MARKER = "# Generated by infraforge-render";
function header(sourceFile) {
  return `${GENERATED_MARKER} from ${sourceFile}. Do not edit: change the claim instead.
`;
}
var SUSPICIOUS_WHOLE = /* @__PURE__ */ new Set(["undefined", "NaN"]);
function renderPlan(claims, settings, validateValues) {
  const files = [];
  const problems = [];
  const sorted = [...claims].sort((a, b) => cmp(a.env, b.env) || cmp(a.claim.metadata.name, b.claim.metadata.name));
  for (const loaded of sorted) {
    const { claim, env, source } = loaded;
    const name = claim.metadata.name;
    const profile = resolveProfile(env, settings.profiles);
    const head = header(source.file);
    const units = [];
    const add = (path5, doc, origin, unit) => {
      const bad = findUnintended(doc, unit === void 0 ? templateStrings(doc) : /* @__PURE__ */ new Set());
      if (bad) {
        const from = pathOfString(source.data, bad.value) ?? origin;
        problems.push({
          file: source.file,
          ...source.locate(from, "value"),
          code: "unintended-output",
          message: `rendered ${path5} would contain ${JSON.stringify(bad.value)} at ${bad.path}: template syntax and undefined/NaN placeholders are refused`,
          field: formatFieldPath(from)
        });
        return;
      }
      try {
        const file = { path: path5, content: head + emitYaml(doc), env, claim: name };
        if (unit !== void 0) file.unit = unit;
        files.push(file);
      } catch (error) {
        if (!(error instanceof EmitError)) throw error;
        problems.push({ file: source.file, ...source.locate(origin, "value"), code: "unrenderable", message: `cannot render ${path5}: ${error.message}` });
      }
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
        problems.push(valuesProblem(source, origin, values, escapeHatch, validateValues.errors ?? []));
        continue;
      }
      units.push(unit);
      add(valuesPath(env, name, unit), values, origin, unit);
    }
    add(`rendered/${env}/${name}/applicationset.yaml`, applicationSet(claim, units, settings), ["metadata", "name"]);
    add(`rendered/${env}/${name}/appproject.yaml`, appProject(claim, settings), ["metadata", "name"]);
  }
  files.sort((a, b) => cmp(a.path, b.path));
  return { files, problems };
}
function valuesProblem(source, origin, values, escapeHatch, errors) {
  const error = errors[0];
  const blamed = (error?.instancePath ?? "").split("/").slice(1);
  if (error?.keyword === "additionalProperties") blamed.push(error.params.additionalProperty);
  if (escapeHatch && blamed[0] !== void 0 && Object.hasOwn(escapeHatch, blamed[0])) {
    const prefix = `/${[...origin, "values"].join("/")}`;
    const p2 = schemaProblem(source, errors.map((e) => ({ ...e, instancePath: prefix + e.instancePath })));
    return { ...p2, code: "values-schema", message: `${p2.message} (charts/common/values.schema.json)` };
  }
  const p = schemaProblem({ ...source, data: values, locate: () => source.locate(origin, "value") }, errors);
  return { ...p, code: "values-schema", message: `rendered values break charts/common/values.schema.json: ${p.message}` };
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
function pathOfString(data, value, path5 = []) {
  if (data === value) return path5;
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) {
      const hit = pathOfString(data[i], value, [...path5, i]);
      if (hit) return hit;
    }
  } else if (data && typeof data === "object") {
    for (const [k, v] of Object.entries(data)) {
      const hit = pathOfString(v, value, [...path5, k]);
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

// src/io/deletion-guard.ts
function massDeletion(before, after, maxDeletedApps) {
  const envOf = (p) => p.split("/")[1] ?? "";
  const kept = new Set(after);
  const afterEnvs = new Set(after.map(envOf));
  const emptiedEnvs = [...new Set(before.map(envOf))].filter((env) => !afterEnvs.has(env)).sort(cmp);
  const deletedApps = before.filter((p) => p.endsWith("/values.yaml") && !kept.has(p)).length;
  if (emptiedEnvs.length === 0 && deletedApps <= maxDeletedApps) return void 0;
  return { emptiedEnvs, deletedApps, maxDeletedApps };
}

// src/io/tree.ts
var RENDERED_DIR = "rendered";
var TEMP_SUFFIX = ".infraforge.tmp";
async function applyPlan(files, options) {
  const { root } = options;
  const existing = await scanRendered(root, options.envs);
  const byPath = new Map(existing.files.map((f) => [f.path, f]));
  const planned = new Set(files.map((f) => f.path));
  const written = [];
  let unchanged = 0;
  const problems = [];
  for (const file of files) {
    const current = byPath.get(file.path);
    if (current && !current.generated) {
      problems.push({ file: file.path, code: "not-generated", message: `${file.path} exists but was not generated by infraforge-render; refusing to overwrite it` });
      continue;
    }
    if (current && current.content.length === Buffer.byteLength(file.content) && current.content.toString("utf8") === file.content) unchanged++;
    else written.push(file);
  }
  const deleted = existing.files.filter((f) => f.generated && !planned.has(f.path)).map((f) => f.path);
  if (problems.length) throw new InputError(problems);
  if (!options.allowDeletions) guardDeletions(existing.files, files, options.maxDeletedApps);
  const result = { written: written.map((f) => f.path), deleted, unchanged };
  if (options.check) return result;
  await stageAndCommit(root, written, existing.dirs);
  await mapLimit(deleted, IO_CONCURRENCY, (rel) => unlink(path2.join(root, rel)));
  await removeEmptyDirs(root, deleted);
  for (const stale of existing.staleTemps) await unlink(path2.join(root, stale)).catch(() => void 0);
  return result;
}
function guardDeletions(existing, files, maxDeletedApps) {
  const mass = massDeletion(
    existing.filter((f) => f.generated).map((f) => f.path),
    files.map((f) => f.path),
    maxDeletedApps
  );
  if (!mass) return;
  const problems = mass.emptiedEnvs.map((env) => ({
    file: `deployments/${env}`,
    code: "mass-deletion",
    message: `this run would delete every rendered file of environment "${env}"; if that is intended, run again with --allow-deletions (action input allow-deletions: true)`
  }));
  if (mass.deletedApps > maxDeletedApps) {
    problems.push({
      code: "mass-deletion",
      message: `this run would delete ${mass.deletedApps} apps, over the limit of ${maxDeletedApps}; if that is intended, run again with --allow-deletions (or raise deletion.maxDeletedApps in deployments/settings.yaml)`
    });
  }
  throw new InputError(problems);
}
async function scanRendered(root, envs) {
  const scan = { files: [], staleTemps: [], dirs: /* @__PURE__ */ new Set() };
  const base = path2.join(root, RENDERED_DIR);
  const st = await lstatOrNull(base);
  if (!st) return scan;
  if (st.isSymbolicLink() || !st.isDirectory()) throw symlinkError(RENDERED_DIR);
  scan.dirs.add(RENDERED_DIR);
  for (const env of envs) {
    const rel = `${RENDERED_DIR}/${env}`;
    const envStat = await lstatOrNull(path2.join(root, rel));
    if (!envStat) continue;
    if (envStat.isSymbolicLink() || !envStat.isDirectory()) throw symlinkError(rel);
    await walk(root, rel, scan);
  }
  scan.files.sort((a, b) => cmp(a.path, b.path));
  scan.staleTemps.sort(cmp);
  return scan;
}
async function walk(root, rel, scan) {
  scan.dirs.add(rel);
  const entries = await readdir2(path2.join(root, rel), { withFileTypes: true });
  entries.sort((a, b) => cmp(a.name, b.name));
  const yamlFiles = [];
  const dirs = [];
  for (const entry of entries) {
    const child = `${rel}/${entry.name}`;
    if (entry.isSymbolicLink()) throw symlinkError(child);
    if (entry.isDirectory()) dirs.push(child);
    else if (entry.isFile() && entry.name.endsWith(TEMP_SUFFIX)) scan.staleTemps.push(child);
    else if (entry.isFile() && entry.name.endsWith(".yaml")) yamlFiles.push(child);
  }
  const contents = yamlFiles.map((child) => readFileSync2(path2.join(root, child)));
  yamlFiles.forEach((child, i) => scan.files.push({ path: child, generated: startsWithMarker(contents[i]), content: contents[i] }));
  await mapLimit(dirs, 8, (child) => walk(root, child, scan));
}
var MARKER_BYTES = Buffer.from(GENERATED_MARKER);
function startsWithMarker(content) {
  return content.length >= MARKER_BYTES.length && content.subarray(0, MARKER_BYTES.length).equals(MARKER_BYTES);
}
function symlinkError(rel) {
  return new InputError([{ file: rel, code: "symlink", message: `${rel} is a symlink or not a regular entry; refusing to write through it` }]);
}
async function lstatOrNull(p) {
  try {
    return await lstat2(p);
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}
async function stageAndCommit(root, files, realDirs) {
  const staged = [];
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    ensureRealDirs(root, files.map((f) => path2.posix.dirname(f.path)), realDirs);
    files.forEach((file, i) => {
      const target = path2.join(root, file.path);
      const temp = `${path2.dirname(target)}/.${path2.basename(target)}.${tag}-${i}${TEMP_SUFFIX}`;
      staged.push({ temp, target });
      writeFileSync(temp, file.content, { flag: "wx", mode: 420 });
    });
  } catch (error) {
    for (const s of staged) rmSync(s.temp, { force: true });
    if (error instanceof InputError) throw error;
    throw new InfraError(`could not write rendered files (nothing was changed): ${error.message}`, { cause: error });
  }
  for (const s of staged) renameSync(s.temp, s.target);
}
function ensureRealDirs(root, dirs, realDirs) {
  const needed = /* @__PURE__ */ new Set();
  for (const dir of dirs) {
    for (let d = dir; d !== "." && d !== ""; d = path2.posix.dirname(d)) {
      if (needed.has(d)) break;
      needed.add(d);
    }
  }
  const byDepth = [...needed].sort((a, b) => a.split("/").length - b.split("/").length || cmp(a, b));
  for (const rel of byDepth) {
    if (realDirs.has(rel)) continue;
    const abs = path2.join(root, rel);
    try {
      mkdirSync(abs);
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      const st = lstatSync(abs);
      if (st.isSymbolicLink() || !st.isDirectory()) throw symlinkError(rel);
    }
  }
}
async function removeEmptyDirs(root, deleted) {
  const dirs = /* @__PURE__ */ new Set();
  for (const rel of deleted) {
    let dir = path2.posix.dirname(rel);
    while (dir.startsWith(`${RENDERED_DIR}/`)) {
      dirs.add(dir);
      dir = path2.posix.dirname(dir);
    }
  }
  for (const dir of [...dirs].sort((a, b) => b.length - a.length || cmp(a, b))) {
    try {
      if ((await readdir2(path2.join(root, dir))).length === 0) await rmdir(path2.join(root, dir));
    } catch {
    }
  }
}

// src/oci/render-checks.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";
import path3 from "node:path";

// src/render/images.ts
function deployedImages(claims, settings) {
  const out = [];
  for (const { claim, source } of claims) {
    claim.spec.applications.forEach((app, i) => {
      if (app.enabled === false) return;
      const repository = imageRepository(app, settings);
      if (!repository) return;
      const image = app.image === void 0 ? void 0 : parseImage(app.image);
      const tag = image?.tag ?? app.version;
      const reference = image?.digest ?? tag;
      if (!reference) return;
      const key = app.image !== void 0 ? "image" : "version";
      out.push({ repository, reference, tag, pinnable: !image?.digest && tag !== void 0, valuesPath: valuesPath(claim.spec.environment, claim.metadata.name, app.name), file: source.file, at: source.locate(["spec", "applications", i, key], "value"), field: `spec.applications[${i}].${key}` });
    });
    (claim.spec.components ?? []).forEach((component, i) => {
      if (component.enabled === false) return;
      const repository = component.type === "postgresql" ? POSTGRES_IMAGE : component.type === "redis" ? REDIS_IMAGE : void 0;
      if (!repository) return;
      const tag = component.version ?? (component.type === "postgresql" ? DEFAULT_POSTGRES_VERSION : DEFAULT_REDIS_VERSION);
      const key = component.version !== void 0 ? "version" : "type";
      out.push({ repository, reference: tag, tag, pinnable: false, valuesPath: valuesPath(claim.spec.environment, claim.metadata.name, component.name), file: source.file, at: source.locate(["spec", "components", i, key], "value"), field: `spec.components[${i}].${key}` });
    });
  }
  return out;
}

// src/oci/render-checks.ts
async function registryChecks(claims, settings, options) {
  const chartHost = /^oci:\/\/([^/]+)/.exec(settings.chart.repository)?.[1] ?? "";
  const credentialsFor = credentialsForHosts([settings.image.registry, chartHost], options.env);
  if (options.verifyChart) await requirePublishedChart(settings, options, credentialsFor);
  const pin = settings.image.pinDigests === true;
  if (!options.verifyImages && !pin) return { problems: [] };
  const images = deployedImages(claims, settings);
  if (pin && options.digestSource === "rendered") return { problems: [], digests: await recordedDigests(options.root, images) };
  const asked = options.verifyImages ? images : images.filter((i) => i.pinnable);
  const registry = new ImageRegistry({ credentialsFor, ...options.log ? { log: options.log } : {} });
  const answers = await registry.lookupAll(asked);
  options.log?.(`asked ${new Set(asked.map((i) => imageLocation(i.repository).host)).size} registr(ies) about ${answers.size} distinct image(s)`);
  const problems = [];
  const digests = /* @__PURE__ */ new Map();
  for (const image of asked) {
    const answer = answers.get(`${image.repository}:${image.reference}`);
    if (answer.found) {
      if (pin && image.pinnable) digests.set(`${image.repository}:${image.tag}`, answer.digest);
      continue;
    }
    const { host, repository } = imageLocation(image.repository);
    const what = answer.missing === "repository" ? `has no repository ${repository}` : `has no ${image.reference.startsWith("sha256:") ? "manifest" : "tag"} ${image.reference} in ${repository}`;
    problems.push({ file: image.file, ...image.at, code: "image-missing", message: `image ${image.repository}:${image.reference} does not exist: registry ${host} ${what}`, field: image.field });
  }
  return pin ? { problems, digests } : { problems };
}
async function requirePublishedChart(settings, options, credentialsFor) {
  const { name, version, repository } = settings.chart;
  const host = /^oci:\/\/([^/]+)/.exec(repository)?.[1] ?? "";
  const target = ociTarget(repository, name, version, isLoopbackHost(host));
  if (await chartPublished(target, credentialsFor(target.host), options.log ?? (() => {
  }))) {
    options.log?.(`chart ${target.display} is published`);
    return;
  }
  const file = `${CHART_DIR}/Chart.yaml`;
  const at = chartFieldPosition(file, await readFile(path3.join(options.root, file), "utf8").catch(() => ""), "version");
  throw new InfraError(`${file}:${at.line}:${at.col}: chart ${target.display} is not published yet; ApplicationSets must not pin a version the registry lacks: publish it first (publish-chart / infraforge chart publish)`);
}
async function recordedDigests(root, images) {
  const digests = /* @__PURE__ */ new Map();
  for (const image of images.filter((i) => i.pinnable)) {
    const text = await readFile(path3.join(root, image.valuesPath), "utf8").catch(() => void 0);
    if (!text) continue;
    try {
      const values = (0, import_yaml.parse)(text, { maxAliasCount: 0 });
      const v = values?.image;
      if (v && v.repository === image.repository && v.tag === image.tag && typeof v.digest === "string") digests.set(`${image.repository}:${image.tag}`, v.digest);
    } catch {
    }
  }
  return digests;
}

// src/pipeline.ts
async function buildPlan(options) {
  const { root } = options;
  const discovery = await discoverClaimFiles(root);
  const problems = [...discovery.problems];
  const wanted = options.envs?.length ? new Set(options.envs) : void 0;
  const known = await environmentsInScope(root, discovery.envs);
  for (const env of wanted ?? []) {
    if (!DNS_LABEL.test(env)) problems.push({ code: "env-name", message: `--env ${JSON.stringify(env)} is not a DNS label` });
    else if (!known.includes(env)) problems.push({ code: "env-unknown", message: `--env ${env}: there is no deployments/${env}/ (environments: ${known.join(", ") || "none yet"})` });
  }
  const settings = await resolveSettings(root, options.overrides ?? {}, options.env ?? process.env);
  const loaded = loadClaims(discovery.files);
  problems.push(...loaded.problems);
  problems.push(...semanticProblems(loaded.claims, settings));
  if (problems.length) throw new InputError(sortProblems(problems));
  const claims = wanted ? loaded.claims.filter((c) => wanted.has(c.env)) : loaded.claims;
  const checks = await registryChecks(claims, settings, {
    root,
    env: options.env ?? process.env,
    ...pick2(options, ["verifyImages", "verifyChart", "digestSource", "log"])
  });
  if (checks.problems.length) throw new InputError(sortProblems(checks.problems));
  const renderSettings = checks.digests ? { ...settings, image: { ...settings.image, digests: checks.digests } } : settings;
  const plan = renderPlan(claims, renderSettings, await valuesValidator(root));
  if (plan.problems.length) throw new InputError(sortProblems(plan.problems));
  const envs = wanted ? [...wanted].sort(cmp) : known;
  return { settings, claims, files: plan.files, envs };
}
async function listEnvironments(root) {
  const discovery = await discoverClaimFiles(root);
  if (discovery.problems.length) throw new InputError(sortProblems(discovery.problems));
  return environmentsInScope(root, discovery.envs);
}
async function environmentsInScope(root, deploymentEnvs) {
  const renderedEnvs = await listDirs(path4.join(root, RENDERED_DIR));
  return [.../* @__PURE__ */ new Set([...deploymentEnvs, ...renderedEnvs])].sort(cmp);
}
async function renderRepository(options) {
  const rendered = await buildPlan(options);
  const result = await applyPlan(rendered.files, {
    root: options.root,
    envs: rendered.envs,
    check: options.check ?? false,
    allowDeletions: rendered.settings.allowDeletions,
    maxDeletedApps: rendered.settings.maxDeletedApps
  });
  return { ...result, rendered };
}
async function valuesValidator(root) {
  const file = `${CHART_DIR}/values.schema.json`;
  let schema;
  try {
    schema = JSON.parse(await readFile2(path4.join(root, file), "utf8"));
  } catch (error) {
    throw new InputError([{ file, code: "values-schema-missing", message: `cannot read ${file}: ${error.message}` }]);
  }
  try {
    return makeAjv().compile(schema);
  } catch (error) {
    throw new InputError([{ file, code: "values-schema-invalid", message: `${file} is not a valid schema: ${error.message}` }]);
  }
}
function pick2(from, keys) {
  const out = {};
  for (const key of keys) if (from[key] !== void 0) out[key] = from[key];
  return out;
}
async function listDirs(dir) {
  try {
    const entries = await readdir3(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && DNS_LABEL.test(e.name)).map((e) => e.name);
  } catch {
    return [];
  }
}

export {
  emitYaml,
  massDeletion,
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
};

/**
 * One component's values, reduced to what decides its safety: members, version, volumes, and
 * the settings that restart members. Pure; reads only the keys src/render/component-values.ts
 * writes for each type (test/unit/values-contract.test.ts keeps those in step with the chart).
 */
import { parseQuantity } from '../render/quantity.js';
import type { DataType, Store } from './stores.js';

export interface View {
  members: number;
  /** Undefined: the operator's default image (rabbitmq, kafka without `version`). */
  version: string | undefined;
  /** Whether the data lives on a volume; false only for redis with `persistence: false`. */
  persistent: boolean;
  storageSize: string | undefined;
  storageClass: string | undefined;
  /** Settings whose change restarts every member (resources, heap, server parameters, …), as JSON. */
  restart: string;
  /** Everything else, as JSON: reconciled in place (labels, plugins, monitoring, …). */
  rest: string;
}

type Doc = Record<string, unknown>;
const doc = (v: unknown): Doc => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Doc) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
/** Key-order-independent JSON, so a reordering is never a change. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Doc).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x)) ?? '';

function without(settings: Doc, keys: readonly string[]): Doc {
  return Object.fromEntries(Object.entries(settings).filter(([k]) => !keys.includes(k)));
}

/** The tag of `repo:tag` (postgresql's imageName, rabbitmq's image), `-management` cut. */
function tagOf(image: unknown): string | undefined {
  const s = str(image);
  return s?.slice(s.lastIndexOf(':') + 1).replace(/-management$/, '');
}

const RESTARTING: Record<DataType, readonly string[]> = {
  postgresql: ['resources', 'parameters'],
  redis: ['resources', 'auth', 'maxmemoryPolicy'],
  rabbitmq: ['resources'],
  mongodb: ['resources'],
  elasticsearch: ['resources', 'heap'],
  kafka: ['resources'],
};
/** Keys read into members, version and volumes: not compared again as "rest". */
const STRUCTURAL: Record<DataType, readonly string[]> = {
  postgresql: ['instances', 'imageName', 'storage'],
  redis: ['image', 'persistence'],
  rabbitmq: ['replicas', 'image', 'storage'],
  mongodb: ['members', 'version', 'storage'],
  elasticsearch: ['count', 'version', 'storage'],
  kafka: ['brokers', 'version', 'storage'],
};

export function viewOf(store: Pick<Store, 'type' | 'settings'>): View {
  const s = store.settings;
  const storage = doc(store.type === 'redis' ? s.persistence : s.storage);
  const restart = Object.fromEntries(RESTARTING[store.type].map((k) => [k, s[k]]));
  const rest = without(s, [...RESTARTING[store.type], ...STRUCTURAL[store.type]]);
  const base = { storageSize: str(storage.size), storageClass: str(storage.storageClass), restart: canonical(restart), rest: canonical(rest), persistent: true };
  switch (store.type) {
    case 'postgresql':
      return { ...base, members: num(s.instances, 1), version: tagOf(s.imageName) };
    case 'redis':
      return { ...base, members: 1, version: str(doc(s.image).tag), persistent: storage.enabled !== false };
    case 'rabbitmq':
      return { ...base, members: num(s.replicas, 1), version: tagOf(s.image) };
    case 'mongodb':
      return { ...base, members: num(s.members, 1), version: str(s.version) };
    case 'elasticsearch':
      return { ...base, members: num(s.count, 1), version: str(s.version) };
    case 'kafka':
      return { ...base, members: num(s.brokers, 1), version: str(s.version) };
  }
}

/** -1, 0, 1 by numeric dot-separated parts (`16` < `17`, `9.1.0` < `9.10.0`); undefined when not comparable. */
export function compareVersions(a: string, b: string): number | undefined {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  if ([...pa, ...pb].some((n) => Number.isNaN(n))) return undefined;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

/** -1, 0, 1, or undefined when either size is missing or unreadable. */
export function compareSizes(a: string | undefined, b: string | undefined): number | undefined {
  const qa = a === undefined ? undefined : parseQuantity(a);
  const qb = b === undefined ? undefined : parseQuantity(b);
  return qa === undefined || qb === undefined ? undefined : Math.sign(qa - qb);
}

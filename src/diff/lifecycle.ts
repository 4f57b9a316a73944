/**
 * What Argo CD will do about a change to rendered/, in the words of the README's lifecycle
 * table. Pure: the file changes in, one markdown bullet per consequence out.
 *
 * The facts behind the words: the ApplicationSet controller runs with policy `sync`, so an
 * element that leaves the list generator deletes its Application; Argo CD puts
 * `resources-finalizer.argocd.argoproj.io` on every Application, so that deletes the objects
 * it deployed; every operator data resource carries `Delete=false`, so data stays; the
 * AppProject's finalizer keeps it until no Application uses it.
 */
import { cmp } from '../errors.js';
import type { MassDeletion } from '../io/deletion-guard.js';
import { releaseName } from '../render/names.js';
import type { FileChange } from './compare.js';

/** An app's values file says `type: microservice`; anything else is a component. */
const APP_TYPE = 'microservice';

export interface Kept {
  /** What stays behind, e.g. "CloudNativePG `Cluster`". */
  what: string;
  plural: boolean;
  /** Why it stays. */
  why: string;
}

/** What a component keeps when its Application goes, and so what a human deletes by hand. */
const KEPT_DATA: Record<string, Kept> = {
  postgresql: { what: 'CloudNativePG `Cluster`', plural: false, why: '`Delete=false`' },
  rabbitmq: { what: '`RabbitmqCluster`', plural: false, why: '`Delete=false`' },
  mongodb: { what: '`MongoDBCommunity`', plural: false, why: '`Delete=false`' },
  elasticsearch: { what: '`Elasticsearch`', plural: false, why: '`Delete=false`' },
  kafka: { what: 'Strimzi `Kafka`, `KafkaNodePool` and `KafkaTopic`s', plural: true, why: '`Delete=false`' },
  redis: { what: 'PersistentVolumeClaims', plural: true, why: "a StatefulSet's default retention" },
};
const UNKNOWN_DATA: Kept = { what: 'data resources', plural: true, why: '`Delete=false`' };

/** What stays behind when a component's Application goes (also the data-safety section's words). */
export function keptData(type: string | undefined): Kept {
  return (type && KEPT_DATA[type]) || UNKNOWN_DATA;
}

interface Unit {
  name: string;
  type: string | undefined;
}

interface ClaimChange {
  env: string;
  claim: string;
  units: Unit[];
}

const isComponent = (u: Unit) => u.type !== undefined && u.type !== APP_TYPE;
const code = (s: string) => `\`${s}\``;
const list = (items: readonly string[]) => items.map(code).join(', ');

/** Claims whose ApplicationSet appears (`added`) or disappears (`removed`), with their units. */
function claimsWhere(changes: readonly FileChange[], kind: 'added' | 'removed'): ClaimChange[] {
  const claims = changes.filter((c) => c.kind === kind && c.unit === undefined && c.path.endsWith('/applicationset.yaml'));
  return claims.map(({ env, claim }) => ({
    env,
    claim,
    units: changes.filter((c) => c.kind === kind && c.env === env && c.claim === claim && c.unit).map((c) => ({ name: c.unit!, type: c.unitType })),
  }));
}

function componentsKept(units: readonly Unit[]): string {
  const kept = units.filter(isComponent).map((u) => {
    const k = keptData(u.type);
    return `${code(u.name)}'s ${k.what} (${k.why})`;
  });
  return kept.length ? ` **Kept**, with their data: ${kept.join(', ')} — delete them by hand when the data can go.` : '';
}

function unitRemoved(c: FileChange): string {
  const app = code(releaseName(c.claim, c.unit!));
  const where = code(`${c.env}/${c.claim}/${c.unit}`);
  if (!isComponent({ name: c.unit!, type: c.unitType })) {
    return `${where} removed or disabled: Argo CD will delete the Application ${app} and the Kubernetes objects it deployed (Deployment, Service, HPA, PDB, …).`;
  }
  const k = keptData(c.unitType);
  return (
    `${where} (${c.unitType}) removed or disabled: Argo CD will delete the Application ${app} and its Services and StatefulSets; ` +
    `its ${k.what} ${k.plural ? 'are' : 'is'} **kept** (${k.why}), and so is the data — delete ${k.plural ? 'them' : 'it'} by hand when the data can go.`
  );
}

function claimRemoved(c: ClaimChange): string {
  const apps = c.units.map((u) => releaseName(c.claim, u.name));
  return (
    `claim ${code(`${c.env}/${c.claim}`)} removed: Argo CD's root Application prunes its ApplicationSet and AppProject; ` +
    `the Applications ${apps.length ? list(apps) : '(none)'} are deleted with the Kubernetes objects they deployed, ` +
    `and the AppProject goes last (its finalizer waits for the Applications).${componentsKept(c.units)}`
  );
}

function probableRename(from: ClaimChange, to: ClaimChange, shared: readonly string[]): string {
  return (
    `claim ${code(`${from.env}/${from.claim}`)} removed and ${code(`${to.env}/${to.claim}`)} added, sharing the units ${list(shared)}: probably a rename. ` +
    `Argo CD makes new Applications ${code(`${to.claim}-<unit>`)} and deletes the old ones. ` +
    // Objects are named after the unit inside the claim's namespace, not after the claim.
    `Objects are named after the unit, so in the same namespace the new Applications take over the kept data resources ` +
    `(data stays) and re-create the workloads (expect a restart); **if the namespace changes, the new components start empty** ` +
    `and the old data resources stay until deleted by hand.`
  );
}

function probableMove(from: ClaimChange, to: ClaimChange): string {
  return (
    `claim ${code(from.claim)} removed from ${code(from.env)} and added to ${code(to.env)}: probably a move. ` +
    `Each environment has its own Argo CD: ${code(from.env)}'s deletes the old Applications as above, ${code(to.env)}'s makes new ones. ` +
    `**Data of components does not move**: the new components start empty.`
  );
}

/** One bullet per consequence, removals first, then the likely renames and moves. */
export function lifecycleNotes(changes: readonly FileChange[]): string[] {
  const removed = claimsWhere(changes, 'removed');
  const added = claimsWhere(changes, 'added');
  const gone = new Set(removed.map((c) => `${c.env}/${c.claim}`));
  const notes = removed.map(claimRemoved);
  for (const c of changes) {
    if (c.kind === 'removed' && c.unit && !gone.has(`${c.env}/${c.claim}`)) notes.push(unitRemoved(c));
  }
  for (const from of removed) {
    for (const to of added) {
      if (to.env === from.env) {
        const names = new Set(from.units.map((u) => u.name));
        const shared = to.units.map((u) => u.name).filter((n) => names.has(n)).sort(cmp);
        if (shared.length) notes.push(probableRename(from, to, shared));
      } else if (to.claim === from.claim) {
        notes.push(probableMove(from, to));
      }
    }
  }
  return notes;
}

/** The warning for a change the render after the merge will refuse (README: the mass-deletion guard). */
export function massDeletionNote(m: MassDeletion): string {
  const reasons = [
    ...(m.emptiedEnvs.length ? [`it removes every rendered file of ${list(m.emptiedEnvs)}`] : []),
    ...(m.deletedApps > m.maxDeletedApps ? [`it removes ${m.deletedApps} apps and components, over \`deletion.maxDeletedApps\` (${m.maxDeletedApps})`] : []),
  ];
  return (
    `**The render after this merges will stop at the mass-deletion guard**: ${reasons.join(', and ')}. ` +
    `If that is intended, run that render with \`allow-deletions: true\` (CLI: \`--allow-deletions\`); nothing is deleted until then.`
  );
}

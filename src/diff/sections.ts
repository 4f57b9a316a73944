/**
 * One markdown section per distinct change: a single change as itself, a group as "the same
 * change in 1,000 Deployments", shown once for its first member, the members listed in a fold
 * (at most `listCap` of them; the full diff lists all). Pure.
 */
import type { FileChange } from './compare.js';
import { ChangeGroups, type ChangeGroup, type ChangeItem } from './grouping/group.js';
import { namesOf } from './grouping/names.js';
import { count, details, fence, html, plural } from './md.js';

/** The files of rendered/ a change touches, grouped where their changes are the same. */
export function fileGroups(changes: readonly FileChange[]): ChangeGroup[] {
  const groups = new ChangeGroups();
  for (const c of changes) groups.add({ kind: fileKind(c.path), change: c.kind, label: c.path, patch: c.patch, names: c.names ?? namesOf(c, undefined, undefined), added: c.added, removed: c.removed });
  return groups.groups();
}

function fileKind(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  if (file === 'values.yaml') return 'values file';
  if (file === 'applicationset.yaml') return 'ApplicationSet';
  if (file === 'appproject.yaml') return 'AppProject';
  return `${file} file`;
}

export function groupSection(group: ChangeGroup, listCap: number, whatIsIt: 'file' | 'object'): string {
  const { first, members } = group;
  const bin = first.change === 'removed' ? '🗑️ ' : '';
  if (members.length === 1) {
    const title = whatIsIt === 'file' ? `<code>${html(first.label)}</code>` : `${html(first.kind)} <code>${html(first.label)}</code>`;
    return details(`${bin}${title} (${first.change}, ${lines(first)})`, fence(first.patch));
  }
  const many = plural(first.kind, members.length);
  const title = `${bin}The same change in ${count(members.length)} ${html(many)} (${first.change}, ${lines(first)} each), shown for <code>${html(first.label)}</code>`;
  return details(title, `${fence(first.patch)}\n\n${memberList(members, listCap, many)}`);
}

function lines(item: Pick<ChangeItem, 'added' | 'removed'>): string {
  return `+${item.added} −${item.removed}`;
}

/** Members are our names and paths; fenced all the same, one per line. */
function memberList(members: readonly string[], listCap: number, many: string): string {
  const shown = members.slice(0, listCap);
  const rest = members.length - shown.length;
  const text = `${shown.join('\n')}${rest ? `\n… and ${count(rest)} more (the full diff lists every one)` : ''}`;
  return details(`All ${count(members.length)} ${html(many)}`, fence(text, 'text'));
}

/**
 * `volumes:` on an application, limited to what a tenant can own outright: scratch space (an
 * emptyDir, optionally size-limited or in memory) and config files written in the claim (a
 * ConfigMap the chart renders as `<app>-<volume>`, mounted read-only). No host paths, no other
 * teams' claims or Secrets: those would reach past the app.
 */
import type { ApplicationSpec } from '../claims/types.js';
import type { AppIssue } from './replicas.js';

type Values = Record<string, unknown>;

export function volumeValues(app: ApplicationSpec): Values[] | undefined {
  if (!app.volumes?.length) return undefined;
  return app.volumes.map((v) => {
    const out: Values = { name: v.name, mountPath: v.mountPath };
    if (v.files) out.files = { ...v.files };
    else {
      const emptyDir: Values = {};
      if (v.emptyDir?.sizeLimit !== undefined) emptyDir.sizeLimit = v.emptyDir.sizeLimit;
      if (v.emptyDir?.medium !== undefined) emptyDir.medium = v.emptyDir.medium;
      out.emptyDir = emptyDir;
    }
    return out;
  });
}

export function volumeIssues(app: ApplicationSpec): AppIssue[] {
  const issues: AppIssue[] = [];
  const names = new Map<string, number>();
  const mounts = new Map<string, number>();
  (app.volumes ?? []).forEach((v, i) => {
    if (names.has(v.name)) issues.push({ path: ['volumes', i, 'name'], code: 'volume-duplicate', message: `volume ${v.name} is declared twice (also volumes[${names.get(v.name)}])` });
    else names.set(v.name, i);
    if (v.name === 'tmp') issues.push({ path: ['volumes', i, 'name'], code: 'volume-reserved', message: 'tmp is the chart\'s own /tmp volume: choose another name' });
    const mount = v.mountPath.replace(/\/+$/, '') || '/';
    if (mount.split('/').some((seg) => seg === '..' || seg === '.')) {
      issues.push({ path: ['volumes', i, 'mountPath'], code: 'volume-mount-path', message: `mountPath ${v.mountPath} has a . or .. segment: write the path plainly` });
    } else if (mount === '/' || mount === '/tmp') {
      issues.push({ path: ['volumes', i, 'mountPath'], code: 'volume-mount-path', message: `mountPath ${mount} is taken (${mount === '/' ? 'the root filesystem' : 'the chart mounts a writable /tmp already'})` });
    } else if (mounts.has(mount)) {
      issues.push({ path: ['volumes', i, 'mountPath'], code: 'volume-duplicate', message: `mountPath ${mount} is used twice (also volumes[${mounts.get(mount)}])` });
    } else mounts.set(mount, i);
    const kinds = [v.emptyDir !== undefined, v.files !== undefined].filter(Boolean).length;
    if (kinds !== 1) {
      issues.push({ path: ['volumes', i], code: 'volume-kind', message: `volume ${v.name} needs exactly one of emptyDir (scratch space) or files (config files from the claim)` });
    }
  });
  return issues;
}

/**
 * Which documents are claims: an environment's document whose metadata.name is a base claim's
 * is that base with the document as its overlay (overlay.ts); any other environment document
 * is a whole claim, as before overlays existed. Base documents are never claims by themselves.
 */
import type { Problem } from '../errors.js';
import type { ClaimFile } from './discover.js';
import { mergeOverlay } from './overlay.js';
import { placeOf, problemAt, type SourceDoc } from './source.js';

export interface JoinedClaim {
  doc: SourceDoc;
  env: string;
}

export function applyOverlays(documents: readonly { doc: SourceDoc; file: ClaimFile }[]): { claims: JoinedClaim[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const bases = new Map<string, { doc: SourceDoc; used: boolean }>();
  for (const { doc, file } of documents) {
    if (!file.base) continue;
    const name = nameOf(doc);
    if (name === undefined) {
      problems.push(problemAt(doc, ['metadata', 'name'], 'base-name', 'a base claim needs metadata.name: the environments overlay it by that name'));
      continue;
    }
    const spec = (doc.data as { spec?: unknown } | null)?.spec;
    if (spec && typeof spec === 'object' && Object.hasOwn(spec, 'environment')) {
      problems.push(problemAt(doc, ['spec', 'environment'], 'base-environment', 'a base claim names no environment: each deployments/<env>/ overlay of it sets spec.environment'));
    }
    const previous = bases.get(name);
    if (previous) {
      problems.push(problemAt(doc, ['metadata', 'name'], 'duplicate-claim', `base claim "${name}" is already defined at ${placeOf(previous.doc, ['metadata', 'name'])}`));
      continue;
    }
    bases.set(name, { doc, used: false });
  }

  const claims: JoinedClaim[] = [];
  for (const { doc, file } of documents) {
    if (file.base) continue;
    const name = nameOf(doc);
    const base = name === undefined ? undefined : bases.get(name);
    if (!base) {
      claims.push({ doc, env: file.env });
      continue;
    }
    base.used = true;
    claims.push({ doc: mergeOverlay(base.doc, doc), env: file.env });
  }

  for (const [name, base] of bases) {
    if (base.used) continue;
    problems.push(
      problemAt(base.doc, ['metadata', 'name'], 'base-unused', `base claim "${name}" is rendered in no environment: add deployments/<env>/${name}.yaml with metadata.name ${name} and spec.environment`),
    );
  }
  return { claims, problems };
}

function nameOf(doc: SourceDoc): string | undefined {
  const metadata = (doc.data as { metadata?: { name?: unknown } } | null)?.metadata;
  return typeof metadata?.name === 'string' ? metadata.name : undefined;
}

/** The render index: see README.md in this folder. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { INDEX_PATH, parseIndex, type RenderIndex } from './model.js';
import { renderedMatchesIndex } from './proof.js';

export { blobId, buildIndex, claimInputsHash, INDEX_PATH, type OwnedFile, type RenderIndex, type RenderSelection, selectClaims, serializeIndex } from './model.js';
export { sharedInputs } from './inputs.js';

/**
 * The index committed under `root`'s rendered/, when rendered/ is proven to hold exactly the
 * files it names; undefined otherwise (no index, edited, stale, untracked or modified files).
 */
export async function provenIndex(root: string): Promise<RenderIndex | undefined> {
  let text: string;
  try {
    text = readFileSync(path.join(root, INDEX_PATH), 'utf8');
  } catch {
    return undefined;
  }
  const index = parseIndex(text);
  return index && (await renderedMatchesIndex(root, index)) ? index : undefined;
}

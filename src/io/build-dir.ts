/**
 * The folder that holds the whole build the running code comes from: dist/ (the bundle and its
 * chunks), or src/ under the tests. Its files are what "the renderer" is to the caches, and its
 * parent is the checkout whose .ci/.tools the diff's helper is looked up in.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function buildDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!['dist', 'src'].includes(path.basename(dir)) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

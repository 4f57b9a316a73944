import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);

// src/io/build-dir.ts
import path from "node:path";
import { fileURLToPath } from "node:url";
function buildDir() {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!["dist", "src"].includes(path.basename(dir)) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export {
  buildDir
};

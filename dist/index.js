import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import "./chunks/chunk-62Y2HB2I.js";

// src/main.ts
async function run() {
}

// src/index.ts
await run();

// Bundles the CLI and the action entry into dist/ (ESM, one file each, no node_modules at run
// time). esbuild's output is a pure function of its inputs and version, so CI can rebuild and
// compare byte for byte with the committed dist/.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  legalComments: 'none',
  sourcemap: false,
  logLevel: 'warning',
  // Some CommonJS dependencies call require() on Node built-ins; give the ESM bundle one.
  banner: { js: "import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);" },
};

rmSync('dist', { recursive: true, force: true });
await build({ ...common, entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' }, outdir: 'dist', entryNames: '[name]', chunkNames: 'chunks/[name]-[hash]', splitting: true });

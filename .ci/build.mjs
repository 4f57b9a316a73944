// Bundles the CLI and the action entry into dist/ (ESM, one file each, no node_modules at run
// time). esbuild's output is a pure function of its inputs and version, so CI can rebuild and
// compare byte for byte with the committed dist/.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';

/**
 * src/claims/precompiled.ts, replaced in the bundle by Ajv's standalone code for our own
 * schemas and the common chart's values schema, compiled with the options src/claims/ajv.ts uses (ajv-options.json): a render no
 * longer compiles them at run time. The code is a function of the schemas and Ajv's version.
 */
const SCHEMAS = ['src/claims/application-claim.schema.json', 'src/settings/render-settings.schema.json'];
const VALUES_SCHEMA = 'charts/common/values.schema.json';
const precompiledValidators = {
  name: 'precompiled-validators',
  setup(b) {
    b.onResolve({ filter: /^\.\/precompiled\.js$/ }, (args) =>
      args.importer.endsWith(path.join('src', 'claims', 'ajv.ts')) ? { path: 'precompiled', namespace: 'ajv-standalone' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'ajv-standalone' }, () => {
      const options = JSON.parse(readFileSync('src/claims/ajv-options.json', 'utf8'));
      const ajv = new Ajv({ ...options, code: { ...options.code, source: true, esm: true } });
      const ids = SCHEMAS.map((file) => {
        const schema = JSON.parse(readFileSync(file, 'utf8'));
        ajv.addSchema(schema);
        return schema.$id;
      });
      // The chart's schema is the repository's file, which a user may change: its validator is
      // keyed by the hash of the file's text, and used only when the file is byte for byte this one.
      const valuesText = readFileSync(VALUES_SCHEMA, 'utf8');
      const valuesKey = `sha256:${createHash('sha256').update(valuesText).digest('hex')}`;
      ajv.addSchema(JSON.parse(valuesText), valuesKey);
      ids.push(valuesKey);
      const exports = Object.fromEntries(ids.map((id, i) => [`schema${i}`, id]));
      const table = ids.map((id, i) => `${JSON.stringify(id)}: schema${i}`).join(', ');
      return { contents: `${standaloneCode(ajv, exports)}\nexport const PRECOMPILED = { ${table} };\n`, resolveDir: process.cwd(), loader: 'js' };
    });
  },
};

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
await build({ ...common, entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' }, plugins: [precompiledValidators], outdir: 'dist', entryNames: '[name]', chunkNames: 'chunks/[name]-[hash]', splitting: true });

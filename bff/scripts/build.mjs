// Builds the BFF for production (docs/decisions/0XX-built-bff.md): one ES module bundle of the
// server and one of the PDF worker thread, in bff/dist. Bundling the packages too matters: Node
// loads one file much faster than the thousands of modules they are made of (start-up went from
// about 2.4 s to 0.8 s on the loaded two-core machine). Kept external, loaded from node_modules:
// better-sqlite3 (a native addon), and pdfkit and the DejaVu fonts, which read files beside their
// modules. Source maps are written but not loaded at run time (--enable-source-maps would parse
// megabytes of them at every start); function names are kept, so stack traces stay readable.
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

// --outdir: another folder directly under bff/ (the tests' child BFFs run a bundle of their own,
// src/testing/child-bundle-setup.ts); paths resolve from one level below bff/ (src/paths.ts).
const { outdir } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } }).values;
if (outdir.includes('/')) throw new Error(`--outdir ${outdir}: a folder directly under bff/`);

const bff = new URL('..', import.meta.url);
// Packages that must load from node_modules: a native addon, packages that read files beside their
// modules, and node-postgres, whose optional native binding (pg-native) is required only when asked for.
const external = ['better-sqlite3', 'pdfkit', 'dejavu-fonts-ttf', 'pg', 'pg-native'];

const started = performance.now();
// Chunks are named by their content's hash: an earlier build's would stay beside the new ones.
rmSync(new URL(outdir, bff), { recursive: true, force: true });
await build({
  absWorkingDir: new URL('.', bff).pathname,
  entryPoints: { server: 'src/server.ts', 'pdf-worker': 'src/documents/pdf-worker.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  // The CommonJS packages bundled into this ES module find `require` for Node's own modules.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  // What is loaded later (the development mailbox's mail parser) is a chunk of its own.
  splitting: true,
  // Less to parse at start-up; names are kept for stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`bff built into bff/${outdir} in ${Math.round(performance.now() - started)} ms`);

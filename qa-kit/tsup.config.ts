import { defineConfig } from 'tsup';

// One ESM entry with its types. The workspace's own code the kit builds on (the wire schemas and
// money formatting of shared/, the scenario schema and PDF reader of bff/, the SPA's messages) is
// bundled in, JavaScript and types alike: an outside project installs the packed tarball, where no
// workspace exists. Everything else stays a dependency (or, for Playwright, a peer).
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  noExternal: [/^@planshift\//],
  dts: {
    // Resolved to the workspace's sources, not through node_modules, so the types are inlined
    // rather than left as imports of packages an outside project does not have.
    compilerOptions: {
      paths: {
        '@planshift/shared/*': ['../shared/src/*/index.ts'],
        '@planshift/bff/scenarios/scenario-schema': ['../bff/src/scenarios/scenario-schema.ts'],
        '@planshift/bff/testing/pdf-text': ['../bff/src/testing/pdf-text.ts'],
      },
    },
  },
});

// The PDF worker thread's entry when the BFF runs from source (the built BFF starts its bundled
// dist/pdf-worker.js instead). A worker does not inherit the `--import tsx` of `npm start`
// (Node 20 runs no --import loader in worker threads) nor Vitest's transform, so it loads its
// TypeScript through tsx itself. tsImport keeps tsx's loader to these imports, so it cannot
// clash with a tsx a later Node may already have registered in the worker.
import { tsImport } from 'tsx/esm/api';

await tsImport('./pdf-worker.ts', import.meta.url);

// The PDF worker thread's entry. A worker does not inherit the `--import tsx` of `npm start`
// (Node 20 runs no --import loader in worker threads) nor Vitest's transform, so it loads its
// TypeScript through tsx itself. tsImport keeps tsx's loader to these imports, so it cannot
// clash with a tsx a later Node may already have registered in the worker.
import { setPriority } from 'node:os';
import { tsImport } from 'tsx/esm/api';

// Rendering is background work: at nice 10 this thread takes only the CPU the event loop leaves
// (on a two-core machine it would otherwise take turns with it). Linux gives each thread its own
// nice value; elsewhere the call would lower the whole process, so it is left out there.
if (process.platform === 'linux') setPriority(0, 10);

await tsImport('./pdf-worker.ts', import.meta.url);

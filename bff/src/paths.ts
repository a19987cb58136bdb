import { fileURLToPath } from 'node:url';

/**
 * The bff/ folder. This module is one level below it both as source (bff/src/paths.ts) and in
 * the production bundle (bff/dist/server.js, where it is inlined), so the same relative URL
 * finds it in both: paths to the repository's files start here, never at a deeper module.
 */
export const BFF_DIR = fileURLToPath(new URL('..', import.meta.url));

/** A file or folder of the repository (the folder above bff/). */
export const repoPath = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** Running from TypeScript source (tsx, Vitest) rather than from the built bundle. */
export const FROM_SOURCE = import.meta.url.endsWith('.ts');

// What the SPA may import from the BFF: the type of its API, nothing that runs.
export type { AppType } from './app';

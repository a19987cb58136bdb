import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Compression } from './content-coding';

/** One file on disk: where it is, its size and when it was written. */
export type StoredFile = Readonly<{ path: string; size: number; modified: Date }>;

/** A file of the built SPA and the compressed copies of it the build wrote beside it. */
export type BuiltFile = StoredFile & Readonly<{ compressed: ReadonlyMap<Compression, StoredFile> }>;

// The web build writes `name.br` and `name.gz` beside each file it compresses (vite.config.ts).
const SUFFIX: Readonly<Record<Compression, string>> = { br: '.br', gzip: '.gz' };
const COMPRESSED_COPY = /\.(?:br|gz)$/;

/**
 * The built file a request path names under `root`, with its compressed copies; `null` when
 * there is none: a folder, a path that would leave `root`, or a compressed copy asked for by
 * name (it is a coding of its file, never a file of its own).
 */
export async function findBuiltFile(root: string, requestPath: string): Promise<BuiltFile | null> {
  const relative = decodedPath(requestPath);
  if (relative === null || COMPRESSED_COPY.test(relative)) return null;
  const path = resolve(root, relative);
  if (!path.startsWith(root + sep)) return null;
  const file = await storedFile(path);
  if (!file) return null;
  const compressed = new Map<Compression, StoredFile>();
  for (const coding of ['br', 'gzip'] as const) {
    const copy = await storedFile(path + SUFFIX[coding]);
    if (copy) compressed.set(coding, copy);
  }
  return { ...file, compressed };
}

/** The path relative to the root, or null for one that is malformed or steps outside it. */
function decodedPath(requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..' || /[\\\0]/.test(segment))) return null;
  return segments.join('/');
}

async function storedFile(path: string): Promise<StoredFile | null> {
  try {
    const stats = await stat(path);
    return stats.isFile() ? { path, size: stats.size, modified: stats.mtime } : null;
  } catch {
    return null;
  }
}

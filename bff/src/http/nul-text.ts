import type { MiddlewareHandler } from 'hono';
import { type Refusal, refusal } from '../refusal';
import { refuse } from './refuse';

/*
 * No text the API takes holds U+0000 (NUL): PostgreSQL's text cannot store it and refuses any
 * statement that binds it, and no name, address, message, e-mail or id needs it. So it is refused
 * at the edge, the same on both databases, before a route or the store sees it: a NUL in a path
 * names nothing (404), one in a query value or a body string is a bad value of that field (400).
 * Headers cannot carry it (HTTP parsers and the Fetch API refuse it).
 */

/** `%00` in the path or the query (before decoding: a NUL arrives percent-encoded). */
export const noNulInUrl: MiddlewareHandler = async (c, next) => {
  const url = c.req.url;
  if (!url.includes('%00')) return next();
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (/%00/.test(path)) return refuse(c, refusal('not_found', 'No such resource.'));
  for (const [name, value] of new URLSearchParams(url.slice(queryAt + 1))) {
    if (name.includes('\0') || value.includes('\0')) return refuse(c, nulRefusal(name.replaceAll('\0', '')));
  }
  return next();
};

/** Where a parsed JSON value first holds NUL in a key or a string, as a field path; null when nowhere. */
export function nulField(value: unknown, path: readonly string[] = []): string[] | null {
  if (typeof value === 'string') return value.includes('\0') ? [...path] : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\0')) return [...path, key.replaceAll('\0', '')];
    const found = nulField(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

export const nulRefusal = (field: string | null): Refusal =>
  refusal('invalid_format', 'Text may not contain the NUL character (U+0000).', field || null);

/** What a conditional GET or HEAD sent about the copy the client already holds. */
export type Validators = Readonly<{ ifNoneMatch: string | undefined; ifModifiedSince: string | undefined }>;

/**
 * Whether the client's copy is still current (RFC 9110 §13.2.2), so a 304 answers it:
 * If-None-Match decides when sent (`*` or any listed tag, compared weakly), otherwise
 * If-Modified-Since (the file not written after that date, to the second).
 */
export function isNotModified(request: Validators, etag: string, modified: Date): boolean {
  if (request.ifNoneMatch !== undefined) {
    const tags = request.ifNoneMatch.split(',').map((tag) => tag.trim());
    return tags.some((tag) => tag === '*' || opaque(tag) === opaque(etag));
  }
  if (request.ifModifiedSince === undefined) return false;
  const since = Date.parse(request.ifModifiedSince);
  return !Number.isNaN(since) && Math.floor(modified.getTime() / 1000) * 1000 <= since;
}

// The weak comparison: W/"x" and "x" name the same content.
const opaque = (tag: string): string => (tag.startsWith('W/') ? tag.slice(2) : tag);

import { parseAccept } from 'hono/utils/accept';

/** The codings a built file may be stored in: its brotli and gzip siblings, and itself. */
export type ContentCoding = 'br' | 'gzip' | 'identity';
export type Compression = Exclude<ContentCoding, 'identity'>;

// Ties between equally acceptable codings go to the smallest: brotli, then gzip, then none.
const PREFERENCE: readonly ContentCoding[] = ['br', 'gzip', 'identity'];

/**
 * The coding to send a file in, by the request's Accept-Encoding (RFC 9110 §12.5.3): the coding
 * with the highest q-value among those we hold, ties going to br, then gzip, then identity
 * (which, unnamed, ranks with the lowest q-value named, as Node's `negotiator` has it).
 * Without the header, identity. `null` when the client refuses everything we hold
 * (`identity;q=0` or `*;q=0` and no acceptable compression).
 */
export function chooseContentCoding(
  acceptEncoding: string | undefined,
  held: ReadonlySet<Compression>,
): ContentCoding | null {
  if (acceptEncoding === undefined) return 'identity';
  const qualities = new Map<string, number>();
  for (const { type, q } of parseAccept(acceptEncoding)) {
    const coding = type.toLowerCase() === 'x-gzip' ? 'gzip' : type.toLowerCase();
    // A coding named twice counts at its first mention.
    if (!qualities.has(coding)) qualities.set(coding, q);
  }
  const wildcard = qualities.get('*');
  // An unnamed compression is acceptable only through `*`. Identity always is unless refused,
  // but a client that lists compressions wants them: unnamed, it ranks with the least wanted.
  const leastWanted = Math.min(1, ...[...qualities.values()].filter((q) => q > 0));
  const qualityOf = (coding: ContentCoding): number =>
    qualities.get(coding) ?? wildcard ?? (coding === 'identity' ? leastWanted : 0);

  let best: ContentCoding | null = null;
  let bestQuality = 0;
  for (const coding of PREFERENCE) {
    if (coding !== 'identity' && !held.has(coding)) continue;
    const quality = qualityOf(coding);
    if (quality > bestQuality) {
      best = coding;
      bestQuality = quality;
    }
  }
  return best;
}

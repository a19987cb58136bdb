/**
 * An instant in UTC as whole seconds since 1970-01-01T00:00:00Z. Seconds are the finest
 * granularity a billing rule uses, and integers keep every fraction of a period exact.
 */
export type Instant = number;

export const SECONDS_PER_DAY = 86_400;

/** The instant of an ISO-8601 timestamp with a zone or offset, truncated to whole seconds. */
export function instantFromIso(iso: string): Instant {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO-8601 instant: ${iso}`);
  return Math.floor(ms / 1000);
}

/** The ISO-8601 UTC text of an instant, e.g. 2024-02-29T10:00:00Z. */
export function instantToIso(instant: Instant): string {
  return new Date(instant * 1000).toISOString().replace('.000Z', 'Z');
}

/** The start of the instant's UTC day. */
export function startOfUtcDay(instant: Instant): Instant {
  return Math.floor(instant / SECONDS_PER_DAY) * SECONDS_PER_DAY;
}

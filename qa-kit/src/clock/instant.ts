/** An instant as a flow may name it: ISO 8601, a Date, or Unix seconds (as the API counts, e.g. `nextBill.date`). */
export type InstantLike = string | Date | number;

/** The instant as ISO 8601 in UTC, what the clock routes take. */
export function isoOf(at: InstantLike): string {
  if (typeof at === 'number') {
    if (!Number.isInteger(at)) throw new Error(`An instant in Unix seconds is a whole number, not ${at}.`);
    return new Date(at * 1000).toISOString();
  }
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new Error(`Not an instant: ${String(at)}.`);
  return date.toISOString();
}

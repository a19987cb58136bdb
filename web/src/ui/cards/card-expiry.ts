/**
 * The expiry as typed in one field, "MM/YY" (or MM/YYYY, with or without the slash or spaces),
 * as the month and year the API takes; null when it cannot be read as a month and a year.
 */
export function parseExpiry(text: string): Readonly<{ expMonth: number; expYear: number }> | null {
  const match = /^\s*(\d{1,2})\s*[/-]?\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match?.[1] || !match[2]) return null;
  return { expMonth: Number(match[1]), expYear: Number(match[2]) };
}

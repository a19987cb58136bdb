import type { MailboxEntryView } from '@planshift/shared/api';

/** Which message to wait for: to an address (any case), with a subject (exactly, or matching a pattern). */
export type MailMatch = Readonly<{ to?: string; subject?: string | RegExp }>;

export function matchesMail(entry: MailboxEntryView, match: MailMatch): boolean {
  const to = match.to?.toLowerCase();
  if (to !== undefined && !entry.to.some((address) => address.toLowerCase() === to)) return false;
  if (match.subject === undefined) return true;
  return typeof match.subject === 'string' ? entry.subject === match.subject : match.subject.test(entry.subject);
}

/** The match in words, for a failure's message. */
export function describeMail(match: MailMatch): string {
  const parts = [
    match.to === undefined ? null : `to ${match.to}`,
    match.subject === undefined ? null : `with the subject ${String(match.subject)}`,
  ].filter((part) => part !== null);
  return parts.length > 0 ? `a message ${parts.join(' ')}` : 'any message';
}

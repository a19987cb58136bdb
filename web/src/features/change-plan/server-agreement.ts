import type { OptionsView, QuoteView } from '@planshift/shared/api';
import type { ChangeRequest } from '@planshift/shared/eligibility';
import type { Quote } from '@planshift/shared/quote';
import { priceLocally } from './price-locally';
import type { ServerQuote } from './use-server-quote';

/** Whether the server's quote for the choice says what the browser's engine says. */
export type Agreement =
  | Readonly<{ state: 'idle' }>
  | Readonly<{ state: 'checking' }>
  | Readonly<{ state: 'agrees'; view: QuoteView }>
  | Readonly<{ state: 'differs'; view: QuoteView; local: Quote | null }>
  | Readonly<{ state: 'failed'; error: unknown; retry: () => void }>;

const same = (a: Quote, b: Quote): boolean =>
  a.dueNow.amount === b.dueNow.amount &&
  a.dueNowBeforeCredit.amount === b.dueNowBeforeCredit.amount &&
  a.nextBill.date === b.nextBill.date &&
  a.nextBill.total.amount === b.nextBill.total.amount &&
  a.nextBill.amountDue.amount === b.nextBill.amountDue.amount &&
  a.lines.length === b.lines.length &&
  a.lines.every((line, i) => line.amount.amount === b.lines[i]?.amount.amount);

/**
 * Compares at the server's instant: on real time the server prices a few seconds after the
 * browser did, so the browser prices that same instant again (the engine is pure, so this is the
 * comparison that must hold to the minor unit, product.md §4).
 */
export function agreementOf(
  options: OptionsView,
  request: ChangeRequest | null,
  server: Pick<ServerQuote, 'view' | 'error' | 'retry'>,
): Agreement {
  if (request === null) return { state: 'idle' };
  if (server.error) return { state: 'failed', error: server.error, retry: server.retry };
  if (!server.view) return { state: 'checking' };
  const local = priceLocally(options, request, server.view.quote.quotedAt);
  if (local.ok && same(local.quote, server.view.quote)) return { state: 'agrees', view: server.view };
  return { state: 'differs', view: server.view, local: local.ok ? local.quote : null };
}

import type { Catalog } from '../catalog/catalog';
import type { InvoiceDraft } from '../documents/document';
import { renewalInvoice } from '../documents/renewal-invoice';
import type { Instant } from '../periods/instant';
import type { Period } from '../periods/period-boundary';
import type { ScheduledTargetChange, Subscription, SubscriptionStatus } from '../subscription/subscription';
import { withChanges } from '../subscription/subscription-items';
import { currentPeriod } from '../subscription/subscription-state';
import { planRenewal } from './plan-renewal';

export type Renewal = Readonly<{
  renewedAt: Instant;
  period: Period;
  appliedChange: ScheduledTargetChange | null;
  invoice: InvoiceDraft;
  subscription: Subscription;
}>;

export type RenewalResult =
  | Readonly<{ ok: true; renewal: Renewal }>
  | Readonly<{ ok: false; reason: 'period_not_ended'; periodEnd: Instant }>
  | Readonly<{ ok: false; reason: 'subscription_not_active'; status: SubscriptionStatus }>
  | Readonly<{ ok: false; reason: 'price_unavailable'; item: Readonly<{ type: 'plan' | 'add_on'; id: string }> }>
  /** Its cancellation falls due instead: `endSubscription` ends it. */
  | Readonly<{ ok: false; reason: 'subscription_ends'; endsAt: Instant }>;

/**
 * Renews a subscription whose period has ended by `now`: applies its scheduled change, starts
 * the next period and issues the renewal invoice at the new prices, paid first from the
 * account's credit. Call it again while periods remain to catch up several in order.
 */
export function renewSubscription(catalog: Catalog, subscription: Subscription, now: Instant): RenewalResult {
  if (subscription.status === 'canceled' || subscription.status === 'paused') return notActive(subscription.status);
  const periodEnd = currentPeriod(subscription).end;
  if (now < periodEnd) return { ok: false, reason: 'period_not_ended', periodEnd };
  const planned = planRenewal(catalog, subscription);
  // (a canceled subscription was refused above)
  if (!planned.ok) return planned.reason === 'subscription_canceled' ? notActive('canceled') : planned;
  const { renewal } = planned;
  const invoice = renewalInvoice(renewal.lines, subscription.currency, subscription.creditBalance);
  return {
    ok: true,
    renewal: {
      renewedAt: renewal.at,
      period: renewal.period,
      appliedChange: renewal.appliedChange,
      invoice,
      subscription: withChanges(subscription, {
        status: subscription.status,
        interval: renewal.interval,
        anchor: renewal.anchor,
        periodIndex: renewal.periodIndex,
        plan: renewal.plan,
        addOns: renewal.addOns,
        pendingChange: renewal.appliedChange ? null : subscription.pendingChange,
        creditBalance: subscription.creditBalance - invoice.creditBalanceApplied.amount,
      }),
    },
  };
}

function notActive(status: SubscriptionStatus): RenewalResult {
  return { ok: false, reason: 'subscription_not_active', status };
}

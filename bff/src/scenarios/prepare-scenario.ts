import { billFullPeriod } from '@planshift/shared/apply';
import { checkTaxId } from '@planshift/shared/billing-details';
import { renewalInvoice } from '@planshift/shared/documents';
import { cardBrand } from '@planshift/shared/payment-card';
import { type Instant, instantFromIso, periodAt, periodIndexAt } from '@planshift/shared/periods';
import { describeChanges } from '@planshift/shared/quote';
import { byAddOnId, currentTarget, type Subscription } from '@planshift/shared/subscription';
import { testTokenFor } from '../payments/test-cards';
import type { SeedPlan, Seller } from '../store/records';
import type { Scenario } from './scenario-schema';

export const DEFAULT_SELLER: Seller = {
  name: 'Planshift Demo Ltd',
  address: '1 Exchange Square, London EC2A 2BR',
  country: 'GB',
  vatId: 'GB123456789',
  email: 'billing@planshift.example',
};

/** A scenario that names something the engine cannot bill, with the field to fix. */
export class ScenarioError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A seeded tax ID as the portal keeps one (the schema has checked it fits the country). */
function taxIdOf(country: string, written: string): string {
  const check = checkTaxId(country, written);
  if (!check.ok) throw new ScenarioError('taxId', `${written} is not a tax ID of ${country}`);
  return check.taxId;
}

type SeedCard = Readonly<{ number: string; expMonth: number; expYear: number }>;

/** A seeded card as the portal keeps one: the processor's ready-made test token, never the number. */
function cardOnFile(accountId: string, card: SeedCard, i: number, isDefault: boolean) {
  return {
    id: `pm-${accountId}-${i}`,
    token: testTokenFor(card.number),
    brand: cardBrand(card.number),
    last4: card.number.slice(-4),
    expMonth: card.expMonth,
    expYear: card.expYear,
    isDefault,
  };
}

/**
 * Turns a scenario into the rows a reset writes. Each subscription is billed in full for the
 * period containing `now` by the engine, exactly as a renewal would have billed it.
 */
export function prepareScenario(
  scenario: Scenario,
  now: Instant,
  hashPassword: (password: string) => string,
): SeedPlan {
  const catalogs = new Map(scenario.catalogs.map((c) => [c.id, c]));
  const accounts = scenario.accounts.map((seed, i) => {
    const field = `accounts.${i}.subscription`;
    const entry = catalogs.get(seed.catalogId);
    if (!entry) throw new ScenarioError(`accounts.${i}.catalogId`, 'unknown catalog');
    const { catalog } = entry;
    const wanted = seed.subscription;
    const anchor = instantFromIso(wanted.anchor);
    if (anchor > now) throw new ScenarioError(`${field}.anchor`, 'the anchor is after the scenario clock');
    const periodIndex = periodIndexAt(anchor, wanted.interval, now);
    const period = periodAt(anchor, wanted.interval, periodIndex);
    const target = {
      planId: wanted.planId,
      interval: wanted.interval,
      quantity: wanted.quantity,
      addOns: [...wanted.addOns].sort(byAddOnId),
    };
    const billed = billFullPeriod(catalog, seed.currency, target, period, null);
    if (!billed.ok) {
      throw new ScenarioError(
        field,
        `no ${seed.currency} price for ${billed.item.type} ${billed.item.id} in the interval`,
      );
    }
    const subscription: Subscription = {
      id: wanted.id,
      currency: seed.currency,
      status: wanted.status,
      interval: wanted.interval,
      anchor,
      periodIndex,
      plan: billed.bill.plan,
      addOns: billed.bill.addOns,
      pendingChange: wanted.pendingChange
        ? { kind: 'change', effectiveAt: period.end, target: wanted.pendingChange }
        : wanted.cancellation
          ? { kind: 'cancellation', effectiveAt: period.end, replaced: null }
          : null,
      creditBalance: seed.creditBalance,
      unpaidInvoices: wanted.currentInvoiceUnpaid ? 1 : 0,
    };
    const pending = subscription.pendingChange;
    const scheduledChange = pending?.kind === 'change' && {
      id: `${wanted.id}-scheduled`,
      effectiveAt: pending.effectiveAt,
      target: pending.target,
      changes: describeChanges(catalog, subscription, currentTarget(subscription), pending.target),
      createdAt: period.start,
    };
    // Asked for an hour before the scenario's now: recent, and within the current period.
    const cancellation = wanted.cancellation && {
      id: `${wanted.id}-cancellation`,
      status: 'pending' as const,
      effectiveAt: period.end,
      reason: wanted.cancellation.reason ?? null,
      comment: wanted.cancellation.comment ?? null,
      createdAt: Math.max(period.start, now - 3600),
      // A scenario schedules a change or a cancellation, never both: there is nothing it replaced.
      replaced: null,
    };
    return {
      account: {
        id: seed.id,
        name: seed.name,
        catalogId: seed.catalogId,
        currency: seed.currency,
        locale: seed.locale,
        billingEmail: seed.billingEmail,
        billingAddress: seed.billingAddress,
        billingName: seed.billingName ?? null,
        taxId: seed.taxId ? taxIdOf(seed.billingAddress.country, seed.taxId) : null,
        createdAt: wanted.signupAt ? instantFromIso(wanted.signupAt) : anchor,
      },
      cards: [...(seed.card ? [seed.card] : []), ...seed.otherCards].map((card, i) =>
        cardOnFile(seed.id, card, i, i === 0 && seed.card !== null),
      ),
      users: seed.users.map((user) => ({
        id: user.id,
        accountId: seed.id,
        email: user.email.toLowerCase(),
        name: user.name,
        role: user.role,
        passwordHash: hashPassword(user.password),
      })),
      openingCredit: seed.creditBalance,
      subscription,
      signupAt: wanted.signupAt ? instantFromIso(wanted.signupAt) : anchor,
      scheduledChange: scheduledChange || null,
      cancellation: cancellation ?? null,
      invoice: renewalInvoice(billed.bill.lines, seed.currency, 0),
      invoicePaid: !wanted.currentInvoiceUnpaid,
    };
  });
  return {
    clock: scenario.clock === null ? null : instantFromIso(scenario.clock),
    seller: scenario.seller ?? DEFAULT_SELLER,
    catalogs: scenario.catalogs.map((c) => ({ id: c.id, name: c.name, groups: c.groups, catalog: c.catalog })),
    accounts,
  };
}

import { type Catalog, findAddOn, findPlan, findPrice } from '@planshift/shared/catalog';
import { validateRequest } from '@planshift/shared/eligibility';
import type { CurrencyCode } from '@planshift/shared/money';
import { type BillingInterval, instantFromIso, periodAt, periodIndexAt } from '@planshift/shared/periods';
import { quoteChange } from '@planshift/shared/quote';
import type { Actor, Subscription } from '@planshift/shared/subscription';
import { describe, expect, it } from 'vitest';
import { demoScenario } from './demo';
import { prepareScenario } from './prepare-scenario';
import { type Scenario, scenarioSchema } from './scenario-schema';

const scenario: Scenario = scenarioSchema.parse(demoScenario);
if (!scenario.clock) throw new Error('the demo runs on a test clock');
const now = instantFromIso(scenario.clock);
type Account = Scenario['accounts'][number];

function catalogOf(account: Account): Catalog {
  const entry = scenario.catalogs.find((c) => c.id === account.catalogId);
  if (!entry) throw new Error(`no catalog ${account.catalogId}`);
  return entry.catalog;
}

function account(id: string): Account {
  const found = scenario.accounts.find((a) => a.id === id);
  if (!found) throw new Error(`no account ${id}`);
  return found;
}

const planOf = (a: Account) => findPlan(catalogOf(a), a.subscription.planId);

/** The account's subscription as the engine holds it: billed in full for the period containing the clock. */
function engineSubscription(a: Account): Subscription {
  const catalog = catalogOf(a);
  const { subscription: wanted, currency } = a;
  const item = (product: Parameters<typeof findPrice>[0], quantity: number) => {
    const price = findPrice(product, wanted.interval, currency);
    if (!price) throw new Error(`${product.id} has no ${currency} price`);
    const billed = price.unitAmount * quantity;
    return { priceId: price.id, unitAmount: price.unitAmount, quantity, billedInPeriod: billed, creditedInPeriod: 0 };
  };
  const plan = findPlan(catalog, wanted.planId);
  if (!plan) throw new Error(`no plan ${wanted.planId}`);
  const anchor = instantFromIso(wanted.anchor);
  return {
    id: wanted.id,
    currency,
    status: wanted.status,
    interval: wanted.interval,
    anchor,
    periodIndex: periodIndexAt(anchor, wanted.interval, now),
    plan: { ...item(plan, wanted.quantity), planId: plan.id },
    addOns: wanted.addOns.map(({ addOnId, quantity }) => {
      const addOn = findAddOn(catalog, addOnId);
      if (!addOn) throw new Error(`no add-on ${addOnId}`);
      return { ...item(addOn, quantity), addOnId };
    }),
    pendingChange: null,
    creditBalance: a.creditBalance,
    unpaidInvoices: wanted.currentInvoiceUnpaid ? 1 : 0,
  };
}

const ADMIN: Actor = { canManageBilling: true };

function quote(a: Account, request: Partial<Parameters<typeof quoteChange>[0]['request']>, actor = ADMIN) {
  const subscription = engineSubscription(a);
  return quoteChange({
    catalog: catalogOf(a),
    subscription,
    actor,
    request: {
      planId: a.subscription.planId,
      interval: a.subscription.interval,
      quantity: a.subscription.quantity,
      addOns: a.subscription.addOns,
      ...request,
    },
    now,
  });
}

const MONTHLY: BillingInterval = { unit: 'month', count: 1 };

describe('the demo scenario', () => {
  it('parses with the scenario schema', () => {
    expect(() => scenarioSchema.parse(demoScenario)).not.toThrow();
    expect(scenario.clock).toBe('2026-11-15T10:00:00Z');
    expect(scenario.catalogs.map((c) => c.id)).toEqual(['crm', 'meetings', 'hosting', 'sites']);
  });

  it('uses unique account, subscription and user ids', () => {
    const ids = (list: readonly string[]) => new Set(list).size === list.length;
    expect(ids(scenario.accounts.map((a) => a.id))).toBe(true);
    expect(ids(scenario.accounts.map((a) => a.subscription.id))).toBe(true);
    expect(ids(scenario.accounts.flatMap((a) => a.users.map((u) => u.id)))).toBe(true);
  });

  it('names every plan group its catalog uses', () => {
    for (const entry of scenario.catalogs) {
      const named = new Set(entry.groups.map((g) => g.id));
      for (const plan of entry.catalog.plans) if (plan.group !== null) expect(named).toContain(plan.group);
    }
  });

  it('prices every plan and add-on in every currency its catalog is used in', () => {
    for (const entry of scenario.catalogs) {
      const currencies = new Set<CurrencyCode>(
        scenario.accounts.filter((a) => a.catalogId === entry.id).map((a) => a.currency),
      );
      for (const product of [...entry.catalog.plans, ...entry.catalog.addOns]) {
        for (const currency of currencies) {
          expect(
            product.prices.some((p) => p.currency === currency),
            `${entry.id}/${product.id} in ${currency}`,
          ).toBe(true);
        }
      }
    }
  });

  it("prices every account's plan, add-ons and pending change in its currency and interval", () => {
    for (const a of scenario.accounts) {
      const catalog = catalogOf(a);
      const held = [a.subscription, ...(a.subscription.pendingChange ? [a.subscription.pendingChange] : [])];
      for (const target of held) {
        const plan = findPlan(catalog, target.planId);
        expect(plan, `${a.id}: plan ${target.planId}`).toBeDefined();
        if (plan) expect(findPrice(plan, target.interval, a.currency), `${a.id}: ${plan.id}`).toBeDefined();
        for (const { addOnId } of target.addOns) {
          const addOn = findAddOn(catalog, addOnId);
          expect(addOn, `${a.id}: add-on ${addOnId}`).toBeDefined();
          if (addOn) expect(findPrice(addOn, target.interval, a.currency), `${a.id}: ${addOnId}`).toBeDefined();
        }
      }
    }
  });

  it('holds only what the engine accepts: quantities, compatible add-ons, valid pending changes', () => {
    for (const a of scenario.accounts) {
      const subscription = engineSubscription(a);
      expect(validateRequest(catalogOf(a), subscription, a.subscription), a.id).toEqual([]);
      const pending = a.subscription.pendingChange;
      if (pending) expect(validateRequest(catalogOf(a), subscription, pending), a.id).toEqual([]);
    }
  });

  it('puts every customer mid-period at the clock, one monthly anchor on the 31st', () => {
    for (const a of scenario.accounts) {
      const anchor = instantFromIso(a.subscription.anchor);
      expect(anchor, a.id).toBeLessThan(now);
      const period = periodAt(anchor, a.subscription.interval, periodIndexAt(anchor, a.subscription.interval, now));
      expect(period.start, a.id).toBeLessThan(now);
      if (a.subscription.signupAt) expect(instantFromIso(a.subscription.signupAt), a.id).toBeLessThanOrEqual(anchor);
    }
    expect(scenario.accounts.some((a) => a.subscription.anchor.slice(8, 10) === '31')).toBe(true);
  });

  it('is accepted by prepareScenario, which seeds it on reset', () => {
    const plan = prepareScenario(scenario, now, (password) => `hashed:${password}`);
    expect(plan.accounts).toHaveLength(scenario.accounts.length);
    expect(plan.accounts.find((a) => a.account.id === 'bluebird-crm')?.scheduledChange).not.toBeNull();
    const tidewater = plan.accounts.find((a) => a.account.id === 'tidewater-crm');
    expect(tidewater?.cancellation).toMatchObject({ status: 'pending', reason: 'switching_service' });
    expect(tidewater?.subscription.pendingChange).toEqual({
      kind: 'cancellation',
      effectiveAt: instantFromIso('2026-11-25T00:00:00Z'),
      replaced: null,
    });
  });

  it('refuses a scenario that schedules both a change and a cancellation', () => {
    const both = structuredClone(demoScenario);
    const bluebird = both.accounts.find((a) => a.id === 'bluebird-crm');
    if (!bluebird) throw new Error('no bluebird');
    bluebird.subscription.cancellation = {};
    expect(scenarioSchema.safeParse(both).error?.issues).toEqual([
      expect.objectContaining({
        message: 'a cancellation and a pending change',
        path: ['accounts', scenario.accounts.indexOf(account('bluebird-crm')), 'subscription', 'cancellation'],
      }),
    ]);
  });
});

describe('the personas', () => {
  const some = (predicate: (a: Account) => boolean) => scenario.accounts.some(predicate);

  it('covers every rule of product.md', () => {
    const free = account('helios-sites');
    expect([free.subscription.planId, planOf(free)?.group, free.currency, free.locale]).toEqual([
      'free',
      'high-end',
      'EUR',
      'el',
    ]);
    expect(
      some(
        (a) =>
          a.users.some((u) => u.role === 'billing_admin') && a.subscription.quantity === 10 && a.currency === 'USD',
      ),
    ).toBe(true);
    expect(some((a) => a.users.some((u) => u.role === 'member'))).toBe(true);
    expect(some((a) => a.subscription.currentInvoiceUnpaid)).toBe(true);
    expect(some((a) => planOf(a)?.salesOnly === true)).toBe(true);
    expect(
      some((a) => a.subscription.interval.unit === 'year' && a.subscription.quantity > 1 && a.locale === 'fr'),
    ).toBe(true);
    expect(some((a) => a.subscription.pendingChange !== undefined)).toBe(true);
    expect(
      some((a) => {
        const current = planOf(a);
        return catalogOf(a).plans.some(
          (p) => p.needsManualProvisioning && p.id !== current?.id && p.group === current?.group,
        );
      }),
    ).toBe(true);
    expect(some((a) => a.card?.number === '4000000000000002')).toBe(true);
    expect(some((a) => a.otherCards.some((card) => card.number === '4000002500003155'))).toBe(true);
    expect(some((a) => a.creditBalance > 0)).toBe(true);
    expect(some((a) => a.subscription.addOns.length > 0 && a.locale === 'it')).toBe(true);
    expect(some((a) => a.subscription.cancellation !== undefined && a.subscription.addOns.length > 0)).toBe(true);
  });

  it('bills in every demo currency and speaks every language', () => {
    for (const currency of ['USD', 'EUR', 'CAD', 'SEK', 'RON', 'JPY', 'KWD']) {
      expect(some((a) => a.currency === currency)).toBe(true);
    }
    for (const locale of ['en', 'ro', 'el', 'fr', 'it', 'sv']) expect(some((a) => a.locale === locale)).toBe(true);
    const hosting = account('erable-hosting');
    expect([hosting.currency, planOf(hosting)?.prices[0]?.unitAmount]).toEqual(['CAD', 15000]);
  });
});

describe('the engine on the personas', () => {
  const northwind = account('northwind-meetings');

  it('quotes Business with 10 licences for the team on Pro', () => {
    const result = quote(northwind, { planId: 'business', quantity: 10 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.quote.currency).toBe('USD');
    expect(result.quote.appliedNow[0]).toMatchObject({ kind: 'plan_change', direction: 'upgrade', toQuantity: 10 });
    expect(result.quote.dueNow.amount).toBeGreaterThan(0);
  });

  it('refuses Business with 9 licences: it needs at least 10', () => {
    const result = quote(northwind, { planId: 'business', quantity: 9 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([{ reason: 'below_min_quantity', min: 10, requested: 9, field: 'quantity' }]);
  });

  it('refuses a member without billing permission, an unpaid invoice and an Enterprise plan', () => {
    const reasons = (result: ReturnType<typeof quote>) => (result.ok ? [] : result.errors.map((e) => e.reason));
    expect(reasons(quote(northwind, { quantity: 11 }, { canManageBilling: false }))).toContain('no_billing_permission');
    expect(reasons(quote(account('oakridge-crm'), { planId: 'power' }))).toContain('unpaid_invoice');
    expect(reasons(quote(account('globex-meetings'), { quantity: 130 }))).toContain('plan_not_changeable');
  });

  it('offers Free customers Premium but not Basic', () => {
    const helios = account('helios-sites');
    expect(quote(helios, { planId: 'premium' }).ok).toBe(true);
    const basic = quote(helios, { planId: 'basic' });
    expect(basic.ok ? [] : basic.errors.map((e) => e.reason)).toEqual(['not_in_plan_group']);
  });

  it('marks the hosting upgrade to Plus as needing manual provisioning', () => {
    const result = quote(account('erable-hosting'), { planId: 'hosting-plus', interval: MONTHLY });
    expect(result.ok && result.quote.provisioning).toBe('manual');
  });
});

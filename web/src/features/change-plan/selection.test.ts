import type { OptionsView } from '@planshift/shared/api';
import { DEFAULT_POLICIES, type Plan } from '@planshift/shared/catalog';
import { describe, expect, it } from 'vitest';
import { parseInterval, quantityOf, readSelection, requestFor, selectionSearch } from './selection';

const MONTHLY = { unit: 'month', count: 1 } as const;

const plan = (id: string, pricing: Plan['pricing']): Plan => ({
  id,
  name: id,
  group: 'g',
  rank: 1,
  pricing,
  quantity: { min: 1, max: 50 },
  prices: [{ id: `${id}-m`, interval: MONTHLY, currency: 'USD', unitAmount: 1000 }],
  salesOnly: false,
  selfServiceChangeable: true,
  limits: {},
  features: [],
  needsManualProvisioning: false,
});

const catalog: OptionsView['catalog'] = {
  id: 'c',
  name: 'C',
  groups: [{ id: 'g', name: 'G' }],
  version: '1',
  plans: [plan('team', 'per_seat'), plan('solo', 'flat')],
  addOns: [
    {
      id: 'extra',
      name: 'Extra',
      compatiblePlanIds: ['team'],
      quantity: { min: 1, max: 5 },
      prices: [{ id: 'extra-m', interval: MONTHLY, currency: 'USD', unitAmount: 500 }],
      limits: {},
      limitIncrements: {},
      features: [],
      needsManualProvisioning: false,
    },
  ],
  policies: DEFAULT_POLICIES,
};

const item = { priceId: 'team-m', unitAmount: 1000, billedInPeriod: 0, creditedInPeriod: 0 };
const subscription: OptionsView['subscription'] = {
  id: 's',
  currency: 'USD',
  status: 'active',
  interval: MONTHLY,
  anchor: 0,
  periodIndex: 0,
  plan: { ...item, planId: 'team', quantity: 3 },
  addOns: [{ ...item, priceId: 'extra-m', addOnId: 'extra', quantity: 2 }],
  pendingChange: null,
  creditBalance: 0,
  unpaidInvoices: 0,
};

describe('the selection in the URL', () => {
  it('is the subscription as it is where the URL says nothing', () => {
    expect(readSelection(new URLSearchParams(), subscription)).toEqual({
      planId: 'team',
      interval: MONTHLY,
      seats: '3',
      addOns: [{ addOnId: 'extra', quantity: '2' }],
    });
  });

  it('starts from the scheduled change when there is one, so only another choice replaces it', () => {
    const pending = {
      ...subscription,
      pendingChange: {
        kind: 'change' as const,
        effectiveAt: 100,
        target: { planId: 'solo', interval: MONTHLY, quantity: 1, addOns: [] },
      },
    };
    expect(readSelection(new URLSearchParams(), pending)).toEqual({
      planId: 'solo',
      interval: MONTHLY,
      seats: '1',
      addOns: [],
    });
    expect(readSelection(new URLSearchParams('?plan=team&seats=3&addons=extra:2'), pending).planId).toBe('team');
  });

  it('round-trips through the search string, an empty add-on list included', () => {
    const selection = readSelection(new URLSearchParams('?plan=team&cycle=P1Y&seats=12&addons='), subscription);
    expect(selection.addOns).toEqual([]);
    expect(selection.interval).toEqual({ unit: 'year', count: 1 });
    expect(readSelection(new URLSearchParams(selectionSearch(selection)), subscription)).toEqual(selection);
  });

  it('reads only well-formed cycles and whole quantities', () => {
    expect(parseInterval('P3M')).toEqual({ unit: 'month', count: 3 });
    expect(parseInterval('P0M')).toBeNull();
    expect(parseInterval('monthly')).toBeNull();
    expect(quantityOf(' 12 ')).toBe(12);
    expect(quantityOf('')).toBeNaN();
    expect(quantityOf('1.5')).toBeNaN();
  });
});

describe('the request a selection makes', () => {
  it('sends the total seats and add-ons in id order', () => {
    const selection = readSelection(new URLSearchParams('?seats=9&addons=extra:4'), subscription);
    expect(requestFor(selection, catalog)).toEqual({
      request: { planId: 'team', interval: MONTHLY, quantity: 9, addOns: [{ addOnId: 'extra', quantity: 4 }] },
      dropped: [],
    });
  });

  it('gives a flat plan one unit and drops the add-ons it cannot have', () => {
    const selection = readSelection(new URLSearchParams('?plan=solo&seats=9'), subscription);
    expect(requestFor(selection, catalog)).toEqual({
      request: { planId: 'solo', interval: MONTHLY, quantity: 1, addOns: [] },
      dropped: ['extra'],
    });
  });
});

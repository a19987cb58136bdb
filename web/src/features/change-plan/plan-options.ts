import type { OptionsView } from '@planshift/shared/api';
import { findPlan } from '@planshift/shared/catalog';
import { type ChangeOptions, changeOptions, planQuantityRange } from '@planshift/shared/eligibility';
import { quantityOf, type Selection } from './selection';

/**
 * The options for the plan, cycle and seats being considered, from the engine in the browser
 * (the same `changeOptions` the server answers GET /api/account/options with): interval prices
 * and savings for these seats, and which add-ons this plan can have.
 */
export function optionsFor(options: OptionsView, selection: Selection): ChangeOptions {
  const plan = findPlan(options.catalog, selection.planId);
  const seats = quantityOf(selection.seats);
  const range = plan ? planQuantityRange(plan) : { min: 1, max: 1 };
  // Seats being typed ("" or 9 for a plan of 10 or more) price the nearest total the plan sells.
  const wanted = Number.isSafeInteger(seats) ? seats : options.subscription.plan.quantity;
  const quantity = Math.min(Math.max(wanted, range.min), range.max);
  return changeOptions(options.catalog, options.subscription, options.actor, {
    planId: selection.planId,
    interval: selection.interval,
    quantity: plan?.pricing === 'flat' ? 1 : quantity,
  });
}

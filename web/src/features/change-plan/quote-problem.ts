import type { ChangeRequest } from '@planshift/shared/eligibility';
import type { QuoteError } from '@planshift/shared/quote';
import type { TFunction } from 'i18next';
import type { CatalogNames } from '../../domain-text/catalog-names';
import { cycleName } from '../../domain-text/describe-change';
import { blockerMessage, planUnavailableMessage } from '../../i18n/reasons';

/** Why a choice cannot be priced, in words: one key per reason code of the engine. */
export function quoteProblem(t: TFunction, names: CatalogNames, problem: QuoteError, request: ChangeRequest): string {
  const planId = request.planId;
  // `addOns.2.quantity` names the add-on by its place in the request.
  const addOnAt = (field: string): string => {
    const index = /^addOns\.(\d+)\./.exec(field)?.[1];
    const held = index === undefined ? undefined : request.addOns[Number(index)];
    return held ? names.addOn(held.addOnId) : '';
  };
  switch (problem.reason) {
    case 'no_billing_permission':
    case 'unpaid_invoice':
    case 'subscription_not_active':
    case 'plan_not_changeable':
      return blockerMessage(t, problem, names.plan);
    case 'unknown_plan':
    case 'not_in_plan_group':
    case 'sales_only':
    case 'interval_unavailable':
    case 'currency_unavailable':
      return planUnavailableMessage(t, problem, names.group);
    case 'quantity_not_integer':
      return problem.field === 'quantity'
        ? t('changePlan.problems.seatsNotWhole')
        : t('changePlan.problems.quantityNotWhole', { name: addOnAt(problem.field) });
    case 'below_min_quantity':
      return problem.field === 'quantity'
        ? t('changePlan.problems.seatsBelowMin', { plan: names.plan(planId), count: problem.min })
        : t('changePlan.problems.quantityBelowMin', { name: addOnAt(problem.field), count: problem.min });
    case 'above_max_quantity':
      return problem.field === 'quantity'
        ? t('changePlan.problems.seatsAboveMax', { plan: names.plan(planId), count: problem.max })
        : t('changePlan.problems.quantityAboveMax', { name: addOnAt(problem.field), count: problem.max });
    case 'quantity_not_adjustable':
      return t('changePlan.problems.quantityNotAdjustable', { count: problem.quantity });
    case 'unknown_addon':
      return t('changePlan.problems.unknownAddOn');
    case 'addon_duplicate':
      return t('changePlan.problems.addOnDuplicate', { name: names.addOn(problem.addOnId) });
    case 'addon_incompatible':
      return t('changePlan.problems.addOnIncompatible', {
        name: names.addOn(problem.addOnId),
        plan: names.plan(problem.planId),
      });
    case 'addon_interval_unavailable':
      return t('changePlan.problems.addOnIntervalUnavailable', {
        name: names.addOn(problem.addOnId),
        cycle: cycleName(t, problem.interval).toLocaleLowerCase(),
      });
    case 'addon_other_interval_held':
    case 'addon_interval_differs_from_plan':
      return t('changePlan.problems.addOnOtherCycle', { name: names.addOn(problem.addOnId) });
    case 'renewal_due':
      return t('changePlan.problems.renewalDue');
    case 'instant_before_period':
    case 'amount_out_of_range':
      return t('changePlan.problems.cannotPrice');
  }
}

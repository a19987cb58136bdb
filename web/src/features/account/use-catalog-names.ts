import type { AccountView } from '@planshift/shared/api';
import type { CatalogNames } from '../../domain-text/catalog-names';
import { humanise } from '../../i18n/labels';
import { useOptions } from '../change-plan/api/change-plan';

/**
 * Plan and add-on names for ids the account view gives bare (a scheduled change's target): the
 * catalog comes with the options, fetched only when needed; ids read as words until it arrives.
 */
export function useCatalogNames(account: AccountView, needed: boolean): Pick<CatalogNames, 'plan' | 'addOn'> {
  const options = useOptions(needed);
  const catalog = options.data?.catalog;
  const { subscription } = account;
  return {
    plan: (id) =>
      catalog?.plans.find((plan) => plan.id === id)?.name ??
      (id === subscription.plan.id ? subscription.plan.name : humanise(id)),
    addOn: (id) =>
      catalog?.addOns.find((addOn) => addOn.id === id)?.name ??
      subscription.addOns.find((addOn) => addOn.id === id)?.name ??
      humanise(id),
  };
}

import type { OptionsView } from '@planshift/shared/api';
import type { LineItem } from '@planshift/shared/quote';
import { humanise } from '../i18n/labels';

/** Plan, add-on and plan-group names by id, from the catalog the options carry; unknown ids read as words. */
export type CatalogNames = Readonly<{
  plan: (id: string) => string;
  addOn: (id: string) => string;
  group: (id: string) => string;
  item: (item: LineItem) => string;
}>;

export function catalogNames(catalog: OptionsView['catalog']): CatalogNames {
  const plan = (id: string) => catalog.plans.find((p) => p.id === id)?.name ?? humanise(id);
  const addOn = (id: string) => catalog.addOns.find((a) => a.id === id)?.name ?? humanise(id);
  return {
    plan,
    addOn,
    group: (id) => catalog.groups.find((g) => g.id === id)?.name ?? humanise(id),
    item: (item) => (item.type === 'plan' ? plan(item.id) : addOn(item.id)),
  };
}

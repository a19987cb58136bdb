import type { AccountView } from '@planshift/shared/api';
import type { CatalogNames } from '../../domain-text/catalog-names';
import { humanise } from '../../i18n/labels';

type ScheduledChange = NonNullable<AccountView['scheduledChange']>;

/** Plan and add-on names for the ids a scheduled change gives: the account view names them; unknown ids read as words. */
export function scheduledChangeNames(scheduled: ScheduledChange): Pick<CatalogNames, 'plan' | 'addOn'> {
  return {
    plan: (id) => scheduled.names.plans[id] ?? humanise(id),
    addOn: (id) => scheduled.names.addOns[id] ?? humanise(id),
  };
}

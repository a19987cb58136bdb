import type { AccountView } from '@planshift/shared/api';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contactSalesPath, paths } from '../../config/paths';
import { useCatalogNames } from '../../domain-text/catalog-names';
import { blockerMessage } from '../../i18n/reasons';
import { InfoTooltip } from '../../ui/info-tooltip';

/**
 * The Change button. Where self-service change is not possible it stays focusable but inert
 * (aria-disabled), described by an info tooltip that gives every reason.
 */
export function ChangeAction({
  account,
  label,
  why,
}: Readonly<{ account: AccountView; label?: string; why?: string }>) {
  const { t } = useTranslation();
  const tooltipId = useId();
  const names = useCatalogNames(account.catalogNames);
  // An ended subscription's change is starting it again: its banner names the button so.
  const name = label ?? t('account.change.button');
  if (account.change.possible) {
    return (
      <Link className="button button-primary" to={paths.change}>
        {name}
      </Link>
    );
  }
  // A plan only sales can change: the way forward is to ask them.
  const onlySales = account.change.blockers.some((blocker) => blocker.reason === 'plan_not_changeable');
  return (
    <span className="change-action">
      <button type="button" className="button button-primary" aria-disabled="true" aria-describedby={tooltipId}>
        {name}
      </button>
      <InfoTooltip id={tooltipId} label={why ?? t('account.change.why')}>
        {account.change.blockers.map((blocker) => (
          <span key={blocker.reason} className="tooltip-line">
            {blockerMessage(t, blocker, names.plan)}
          </span>
        ))}
      </InfoTooltip>
      {onlySales && account.user.canManageBilling && (
        <Link className="button button-secondary" to={contactSalesPath(account.subscription.plan.id)}>
          {t('contactSales.title')}
        </Link>
      )}
    </span>
  );
}

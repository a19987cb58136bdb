import type { AccountView } from '@planshift/shared/api';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { contactSalesPath, paths } from '../../config/paths';
import { useCatalogNames } from '../../domain-text/catalog-names';
import { blockerMessage } from '../../i18n/reasons';

/**
 * The Change button: one button with one name whatever the state, so a person (and a test) finds
 * it the same way. Where self-service change is not possible it stays focusable but inert
 * (aria-disabled), and every reason is written beside it and is its description: a keyboard or
 * screen-reader user hears why on reaching the button, with no second control to find.
 */
export function ChangeAction({ account, label }: Readonly<{ account: AccountView; label?: string }>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reasonsId = useId();
  const names = useCatalogNames(account.catalogNames);
  // An ended subscription's change is starting it again: its banner names the button so.
  const name = label ?? t('account.change.button');
  if (account.change.possible) {
    return (
      <button type="button" className="button button-primary" onClick={() => navigate(paths.change)}>
        {name}
      </button>
    );
  }
  // A plan only sales can change: the way forward is to ask them.
  const onlySales = account.change.blockers.some((blocker) => blocker.reason === 'plan_not_changeable');
  return (
    <div className="change-action">
      <div className="change-action-buttons">
        <button type="button" className="button button-primary" aria-disabled="true" aria-describedby={reasonsId}>
          {name}
        </button>
        {onlySales && account.user.canManageBilling && (
          <Link className="button button-secondary" to={contactSalesPath(account.subscription.plan.id)}>
            {t('contactSales.title')}
          </Link>
        )}
      </div>
      <p id={reasonsId} className="change-reasons">
        {account.change.blockers.map((blocker) => (
          <span key={blocker.reason} className="change-reason">
            {blockerMessage(t, blocker, names.plan)}
          </span>
        ))}
      </p>
    </div>
  );
}

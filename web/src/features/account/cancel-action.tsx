import type { AccountView } from '@planshift/shared/api';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../config/paths';

/**
 * The way to cancel, for those who may: to the review, which says what happens before anything
 * does. Not offered once a cancellation is scheduled (the banner offers Resume) or the
 * subscription has ended.
 */
export function CancelAction({ account }: Readonly<{ account: AccountView }>) {
  const { t } = useTranslation();
  const hintId = useId();
  const offered =
    account.user.canManageBilling &&
    account.subscription.status !== 'canceled' &&
    account.cancellation?.status !== 'scheduled';
  if (!offered) return null;
  return (
    <p className="cancel-action">
      <Link to={paths.cancel} aria-describedby={hintId}>
        {t('cancellation.link')}
      </Link>{' '}
      <span id={hintId} className="fact-detail">
        {t('cancellation.linkHint')}
      </span>
    </p>
  );
}

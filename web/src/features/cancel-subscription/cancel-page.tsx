import type { AccountView } from '@planshift/shared/api';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type AccountArrival, paths } from '../../config/paths';
import { useFormat } from '../../i18n/format';
import { ErrorNotice } from '../../ui/error-notice';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useCancelReview, useScheduleCancellation } from './api/cancel-subscription';
import { CancelForm } from './cancel-form';
import './cancel-subscription.css';
import { WhatYouLose } from './what-you-lose';

/**
 * Cancel at the period end: what happens (active until the period end, no further bill, no
 * refund), what is lost then, an optional reason, then the confirmation.
 */
export function CancelPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('cancellation.review.title'));
  const review = useCancelReview();
  return (
    <div className="account cancel-subscription">
      <p>
        <Link to={paths.account}>{t('cancellation.review.back')}</Link>
      </p>
      <h1>{t('cancellation.review.title')}</h1>
      {review.isPending ? (
        <Loading />
      ) : review.isError ? (
        <ErrorNotice error={review.error} onRetry={() => void review.refetch()} />
      ) : (
        <CancelReview account={review.data} />
      )}
    </div>
  );
}

function CancelReview({ account }: Readonly<{ account: AccountView }>) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const cancel = useScheduleCancellation();
  const blocked = whyNot(account);
  if (blocked) {
    const date = format.date(account.cancellation?.effectiveAt ?? account.subscription.currentPeriod.end);
    return <p className="notice notice-info">{t(`cancellation.review.${blocked}`, { date })}</p>;
  }
  return (
    <>
      <WhatYouLose account={account} />
      <CancelForm
        pending={cancel.isPending}
        error={cancel.error}
        submit={(request) =>
          cancel.mutate(request, {
            onSuccess: (scheduled) => {
              // The account page says so on arrival, and the banner shows it with Resume.
              const state: AccountArrival = { cancelledUntil: scheduled.effectiveAt };
              void navigate(paths.account, { state });
            },
          })
        }
      />
    </>
  );
}

/** Why this person cannot cancel now, if they cannot: the server would refuse it for the same reason. */
function whyNot(account: AccountView): 'noPermission' | 'alreadyScheduled' | 'alreadyEnded' | null {
  if (account.subscription.status === 'canceled') return 'alreadyEnded';
  if (account.cancellation?.status === 'scheduled') return 'alreadyScheduled';
  if (!account.user.canManageBilling) return 'noPermission';
  return null;
}

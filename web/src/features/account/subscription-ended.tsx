import type { AccountView } from '@planshift/shared/api';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ChangeAction } from './change-action';

/** The subscription has ended: since when, that nothing more is billed, and Start again (into the change flow). */
export function SubscriptionEnded({ account }: Readonly<{ account: AccountView }>) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const endedAt = account.cancellation?.status === 'ended' ? account.cancellation.effectiveAt : null;
  return (
    <section className="banner banner-info" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('cancellation.ended.heading')}</h2>
      <p>
        {endedAt === null
          ? t('cancellation.ended.summaryUndated')
          : t('cancellation.ended.summary', { date: format.date(endedAt) })}
      </p>
      <p>{t('cancellation.ended.startAgainIntro')}</p>
      <ChangeAction account={account} label={t('cancellation.ended.startAgain')} />
    </section>
  );
}

import type { AccountView } from '@planshift/shared/api';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogNames } from '../../domain-text/catalog-names';
import { targetName } from '../../domain-text/describe-change';
import { useFormat } from '../../i18n/format';
import { EntitlementsList } from '../../ui/entitlements-list';

/**
 * What cancelling means, before confirming: until when it stays, no further bill, no refund, the
 * scheduled change it replaces (which Resume brings back), and what is lost then.
 */
export function WhatYouLose({ account }: Readonly<{ account: AccountView }>) {
  const { t } = useTranslation();
  const format = useFormat();
  const ids = { happens: useId(), lose: useId() };
  const names = useCatalogNames(account.catalogNames);
  const { subscription, scheduledChange: scheduled } = account;
  const date = format.date(subscription.currentPeriod.end);
  const credit = account.account.creditBalance;
  return (
    <>
      <section className="card" aria-labelledby={ids.happens}>
        <h2 id={ids.happens}>{t('cancellation.review.whatHappensHeading')}</h2>
        <ul>
          <li>{t('cancellation.review.activeUntil', { date })}</li>
          <li>{t('cancellation.review.noFurtherBill')}</li>
          <li>{t('cancellation.review.noRefund')}</li>
          {credit.amount > 0 && <li>{t('cancellation.review.creditKept', { amount: format.money(credit) })}</li>}
          {account.unpaidInvoices > 0 && <li>{t('cancellation.review.openInvoices')}</li>}
          {scheduled && (
            <li>
              {t('cancellation.review.replacesScheduled', { date: format.date(scheduled.effectiveAt) })}{' '}
              {t('cancellationResume.bringsBack', {
                target: targetName(t, names, scheduled.target, subscription.plan.pricing),
                date: format.date(scheduled.effectiveAt),
              })}
            </li>
          )}
          <li>{t('cancellation.review.resumeUntil', { date })}</li>
        </ul>
      </section>
      <section className="card" aria-labelledby={ids.lose}>
        <h2 id={ids.lose}>{t('cancellation.review.loseHeading', { date })}</h2>
        <p>{t('cancellation.review.losePlan', { plan: names.plan(subscription.plan.id) })}</p>
        <EntitlementsList entitlements={subscription.entitlements} headingLevel={3} />
        {subscription.addOns.length > 0 && (
          <>
            <h3>{t('cancellation.review.loseAddOns')}</h3>
            <ul>
              {subscription.addOns.map((addOn) => (
                <li key={addOn.id}>{t('account.addOn', { name: names.addOn(addOn.id), count: addOn.quantity })}</li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

import type { AccountView, ResumeView } from '@planshift/shared/api';
import { useTranslation } from 'react-i18next';
import { catalogNames } from '../../domain-text/catalog-names';
import { targetName } from '../../domain-text/describe-change';
import { useFormat } from '../../i18n/format';
import { DEFAULT_LOCALE, isLocale } from '../../i18n/locales';

/**
 * What the page says once a cancellation is resumed: when the subscription renews, and the change
 * the cancellation had replaced, scheduled again, if there was one.
 */
export function useResumedNotice(): (account: AccountView, resumed: ResumeView) => string {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return (account, { renewsAt, restoredChange }) => {
    const continues = t('cancellation.scheduled.resumed', { date: format.date(renewsAt) });
    if (!restoredChange) return continues;
    const names = catalogNames(account.catalogNames, isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE);
    const again = t('cancellationResume.restored', {
      target: targetName(t, names, restoredChange.target, account.subscription.plan.pricing),
      date: format.date(restoredChange.effectiveAt),
    });
    return `${continues} ${again}`;
  };
}

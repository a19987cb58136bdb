import type { AccountView } from '@planshift/shared/api';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogNames } from '../../domain-text/catalog-names';
import { targetName } from '../../domain-text/describe-change';
import { useFormat } from '../../i18n/format';
import { ErrorNotice } from '../../ui/error-notice';

type Props = Readonly<{
  account: AccountView;
  effectiveAt: number;
  resume: Readonly<{ run: () => void; pending: boolean; error: unknown }>;
}>;

/** A cancellation waiting for the period end, shown as a scheduled change is: when, what Resume brings back, and Resume. */
export function CancellationBanner({ account, effectiveAt, resume }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useCatalogNames(account.catalogNames);
  const headingId = useId();
  const replaced = account.cancellation?.replacedChange ?? null;
  return (
    <section className="banner banner-warning" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('cancellation.scheduled.heading')}</h2>
      <p>{t('cancellation.scheduled.summary', { date: format.date(effectiveAt) })}</p>
      {replaced && (
        <p>
          {t('cancellationResume.bringsBack', {
            target: targetName(t, names, replaced.target, account.subscription.plan.pricing),
            date: format.date(replaced.effectiveAt),
          })}
        </p>
      )}
      {account.user.canManageBilling ? (
        <>
          {/* Resuming takes nothing away, so it needs no confirmation. */}
          <button type="button" className="button button-primary" disabled={resume.pending} onClick={resume.run}>
            {resume.pending ? t('cancellation.scheduled.resuming') : t('cancellation.scheduled.resume')}
          </button>
          {resume.error !== null && <ErrorNotice error={resume.error} />}
        </>
      ) : (
        <p>{t('cancellation.scheduled.askAdmin')}</p>
      )}
    </section>
  );
}

import type { AccountView } from '@planshift/shared/api';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogNames } from '../../domain-text/catalog-names';
import { targetName } from '../../domain-text/describe-change';
import { useFormat } from '../../i18n/format';
import { ChangeList } from '../../ui/change-list';
import { ErrorNotice } from '../../ui/error-notice';

type ScheduledChange = NonNullable<AccountView['scheduledChange']>;

type Props = Readonly<{
  account: AccountView;
  scheduled: ScheduledChange;
  cancel: Readonly<{ run: () => void; pending: boolean; error: unknown }>;
}>;

/** A change waiting for the period end (a downgrade, fewer seats…): what and when, and a way to cancel it. */
export function ScheduledChangeBanner({ account, scheduled, cancel }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useCatalogNames(account.catalogNames);
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const ids = { heading: useId(), dialogTitle: useId(), dialogBody: useId() };
  const date = format.date(scheduled.effectiveAt);
  const target = targetName(t, names, scheduled.target, account.subscription.plan.pricing);
  return (
    <section className="banner" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('account.scheduled.heading')}</h2>
      <p>{t('account.scheduled.summary', { date, target })}</p>
      {scheduled.changes.length > 0 && <ChangeList changes={scheduled.changes} names={names} />}
      {account.user.canManageBilling && (
        <>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              dialog.current?.showModal();
              keep.current?.focus(); // the safe choice has the focus
            }}
          >
            {t('account.scheduled.cancel')}
          </button>
          <dialog ref={dialog} className="dialog" aria-labelledby={ids.dialogTitle} aria-describedby={ids.dialogBody}>
            <h2 id={ids.dialogTitle}>{t('account.scheduled.confirmTitle')}</h2>
            <p id={ids.dialogBody}>{t('account.scheduled.confirmBody', { date })}</p>
            {cancel.error !== null && <ErrorNotice error={cancel.error} />}
            <div className="actions">
              <button type="button" className="button button-danger" disabled={cancel.pending} onClick={cancel.run}>
                {cancel.pending ? t('account.scheduled.canceling') : t('account.scheduled.confirm')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                ref={keep}
                onClick={() => dialog.current?.close()}
              >
                {t('account.scheduled.keep')}
              </button>
            </div>
          </dialog>
        </>
      )}
    </section>
  );
}

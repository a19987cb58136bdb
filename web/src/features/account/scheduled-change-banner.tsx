import type { AccountView } from '@planshift/bff/api-types';
import type { ChangeDescriptor } from '@planshift/shared/quote';
import type { TFunction } from 'i18next';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ErrorNotice } from '../../ui/error-notice';
import { cycleName } from './subscription-facts';
import { type CatalogNames, useCatalogNames } from './use-catalog-names';

type ScheduledChange = NonNullable<AccountView['scheduledChange']>;

type Props = Readonly<{
  account: AccountView;
  scheduled: ScheduledChange;
  cancel: Readonly<{ run: () => void; pending: boolean; error: unknown }>;
}>;

function describeChange(t: TFunction, names: CatalogNames, change: ChangeDescriptor): string {
  switch (change.kind) {
    case 'plan_change':
      return t('account.scheduled.changes.plan', {
        from: names.plan(change.fromPlanId),
        to: names.plan(change.toPlanId),
      });
    case 'quantity_change':
      return t('account.scheduled.changes.quantity', { from: change.from, to: change.to });
    case 'interval_change':
      return t('account.scheduled.changes.interval', { from: cycleName(t, change.from), to: cycleName(t, change.to) });
    case 'add_on_change': {
      const name = names.addOn(change.addOnId);
      if (change.to === 0) return t('account.scheduled.changes.addOnRemoved', { name });
      if (change.from === 0) return t('account.scheduled.changes.addOnAdded', { name });
      return t('account.scheduled.changes.addOn', { name, from: change.from, to: change.to });
    }
  }
}

/** A change waiting for the period end (a downgrade, fewer seats…): what and when, and a way to cancel it. */
export function ScheduledChangeBanner({ account, scheduled, cancel }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useCatalogNames(account, true);
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const ids = { heading: useId(), dialogTitle: useId(), dialogBody: useId() };
  const { target } = scheduled;
  const perSeat = account.subscription.plan.pricing === 'per_seat' || target.quantity > 1;
  const plan = names.plan(target.planId);
  const date = format.date(scheduled.effectiveAt);
  return (
    <section className="banner" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('account.scheduled.heading')}</h2>
      <p>
        {t('account.scheduled.summary', {
          date,
          target: perSeat
            ? t('account.scheduled.targetSeats', { plan, count: target.quantity })
            : t('account.scheduled.targetFlat', { plan }),
        })}
      </p>
      {scheduled.changes.length > 0 && (
        <ul className="plain-list">
          {scheduled.changes.map((change) => (
            <li key={`${change.kind}-${'addOnId' in change ? change.addOnId : ''}`}>
              {describeChange(t, names, change)}
            </li>
          ))}
        </ul>
      )}
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

import type { OptionsView } from '@planshift/shared/api';
import type { ChangeRequest } from '@planshift/shared/eligibility';
import { type Period, periodAt } from '@planshift/shared/periods';
import type { Quote, QuoteResult } from '@planshift/shared/quote';
import { currentPeriod } from '@planshift/shared/subscription';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogNames } from '../../domain-text/catalog-names';
import { useFormat } from '../../i18n/format';
import { ChangeList } from '../../ui/change-list';
import { NextBillTable } from './next-bill-table';
import { PeriodPicture } from './period-picture';
import { QuoteLinesTable } from './quote-lines-table';
import { quoteProblem } from './quote-problem';
import type { Agreement } from './server-agreement';
import { ServerCheck } from './server-check';

type Props = Readonly<{
  options: OptionsView;
  names: CatalogNames;
  request: ChangeRequest;
  live: QuoteResult;
  agreement: Agreement;
}>;

/** The quote's element id: the phone's quote bar links down to it. */
export const QUOTE_SUMMARY_ID = 'your-quote';

/**
 * The live quote beside every step, priced in the browser by the engine on every choice: the
 * period picture, what changes now and later, each line explained, due now, the credit and the
 * next bill; then what the server's own quote said.
 */
export function QuoteSummary({ options, names, request, live, agreement }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  return (
    <aside id={QUOTE_SUMMARY_ID} className="card quote-summary" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('changePlan.summary.heading')}</h2>
      {!live.ok ? (
        <div className="notice notice-warning">
          <p>{t('changePlan.summary.cannotPrice')}</p>
          <ul className="plain-list">
            {live.errors.map((problem) => (
              <li key={`${problem.reason}:${problem.field}`}>{quoteProblem(t, names, problem, request)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          {live.quote.noChange && (
            <p className="notice notice-info">{t(`changePlan.summary.noChange.${live.quote.noChange.reason}`)}</p>
          )}
          <PeriodPicture quote={live.quote} period={pictured(options, live.quote)} />
          {live.quote.appliedNow.length > 0 && (
            <>
              <h3>{t('changePlan.summary.nowHeading')}</h3>
              <ChangeList changes={live.quote.appliedNow} names={names} />
            </>
          )}
          {live.quote.scheduled && (
            <>
              <h3>
                {t('changePlan.summary.scheduledHeading', { date: format.date(live.quote.scheduled.effectiveAt) })}
              </h3>
              <ChangeList changes={live.quote.scheduled.changes} names={names} />
            </>
          )}
          {live.quote.replacesPendingChange && !live.quote.noChange && (
            <p className="notice notice-info">
              {live.quote.replacesPendingChange.kind === 'cancellation'
                ? t('cancellation.replacedByChange')
                : t('changePlan.summary.replaces', { date: format.date(live.quote.replacesPendingChange.effectiveAt) })}
            </p>
          )}
          <QuoteLinesTable quote={live.quote} catalog={options.catalog} names={names} />
          <NextBillTable nextBill={live.quote.nextBill} catalog={options.catalog} names={names} />
          {live.quote.provisioning === 'manual' && (
            <p className="muted">{t('changePlan.summary.manualProvisioning')}</p>
          )}
        </>
      )}
      <ServerCheck agreement={agreement} />
    </aside>
  );
}

/** The period the picture shows: the current one, or, starting an ended subscription again, the new one. */
function pictured(options: OptionsView, quote: Quote): Period {
  if (options.subscription.status !== 'canceled') return currentPeriod(options.subscription);
  return periodAt(quote.after.anchor, quote.after.interval, quote.after.periodIndex);
}

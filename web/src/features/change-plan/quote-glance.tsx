import type { QuoteResult } from '@planshift/shared/quote';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { QUOTE_SUMMARY_ID } from './quote-summary';

/**
 * On a phone the quote comes after the step: this bar, stuck to the bottom of the screen, keeps
 * the amount due now and the next bill in sight while the customer goes through the plan cards,
 * with a link down to the whole quote. Wider screens show the quote beside the step instead.
 */
export function QuoteGlance({ live }: Readonly<{ live: QuoteResult }>) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="quote-glance" aria-label={t('quoteGlance.label')}>
      {live.ok ? (
        <p>
          <span className="glance-figure">{t('quoteGlance.dueNow', { amount: format.money(live.quote.dueNow) })}</span>{' '}
          <span className="glance-figure">
            {t('quoteGlance.nextBill', {
              amount: format.money(live.quote.nextBill.amountDue),
              date: format.date(live.quote.nextBill.date),
            })}
          </span>
        </p>
      ) : (
        <p>{t('quoteGlance.cannotPrice')}</p>
      )}
      <a href={`#${QUOTE_SUMMARY_ID}`}>{t('quoteGlance.seeQuote')}</a>
    </section>
  );
}

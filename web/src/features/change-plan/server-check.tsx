import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { failureMessage } from '../../i18n/reasons';
import type { Agreement } from './server-agreement';

/** What the server's own quote said about the choice: agrees, differs (and by what), or could not be asked. */
export function ServerCheck({ agreement }: Readonly<{ agreement: Agreement }>) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="server-check" role="status">
      {agreement.state === 'checking' && <p className="muted">{t('changePlan.server.checking')}</p>}
      {agreement.state === 'agrees' && (
        <p className="muted">{t('changePlan.server.agrees', { dueNow: format.money(agreement.view.quote.dueNow) })}</p>
      )}
      {agreement.state === 'differs' && (
        <p className="notice notice-error">
          {t('changePlan.server.differs', {
            dueNow: format.money(agreement.view.quote.dueNow),
            nextBill: format.money(agreement.view.quote.nextBill.amountDue),
          })}
        </p>
      )}
      {agreement.state === 'failed' && (
        <div className="notice notice-error">
          <p>{t('changePlan.server.failed', { reason: failureMessage(t, agreement.error) })}</p>
          <button type="button" className="button button-secondary" onClick={agreement.retry}>
            {t('errors.retry')}
          </button>
        </div>
      )}
    </div>
  );
}

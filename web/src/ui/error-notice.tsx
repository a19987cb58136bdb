import { useTranslation } from 'react-i18next';
import { failureMessage } from '../i18n/reasons';

/** A failed load or action, said in words, with a way to try again when there is one. */
export function ErrorNotice({ error, onRetry }: Readonly<{ error: unknown; onRetry?: () => void }>) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="alert">
      <p>{failureMessage(t, error)}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}

import { CANCELLATION_COMMENT_MAX, CANCELLATION_REASONS, type CancellationReason } from '@planshift/shared/api';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { ErrorNotice } from '../../ui/error-notice';

type Props = Readonly<{
  submit: (request: Readonly<{ reason?: CancellationReason; comment?: string }>) => void;
  pending: boolean;
  error: unknown;
}>;

/** The optional reason (a short list, then the customer's own words), and the confirmation. */
export function CancelForm({ submit, pending, error }: Props) {
  const { t } = useTranslation();
  const ids = { heading: useId(), comment: useId(), hint: useId() };
  const [reason, setReason] = useState<CancellationReason | null>(null);
  const [comment, setComment] = useState('');
  return (
    <section className="card" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('cancellation.review.formHeading')}</h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (pending) return;
          const words = comment.trim();
          submit({ ...(reason ? { reason } : {}), ...(words ? { comment: words } : {}) });
        }}
      >
        <fieldset className="reasons">
          <legend>{t('cancellation.review.reasonLegend')}</legend>
          {CANCELLATION_REASONS.map((each) => (
            <label key={each} className="reason">
              <input
                type="radio"
                name="reason"
                value={each}
                checked={reason === each}
                onChange={() => setReason(each)}
              />
              {t(`cancellation.review.reasons.${each}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={ids.comment}>{t('cancellation.review.comment')}</label>
          <textarea
            id={ids.comment}
            name="comment"
            rows={4}
            maxLength={CANCELLATION_COMMENT_MAX}
            aria-describedby={ids.hint}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
          <p id={ids.hint} className="hint">
            {t('cancellation.review.commentHint', { max: CANCELLATION_COMMENT_MAX })}
          </p>
        </div>
        {error !== null && <ErrorNotice error={error} />}
        <div className="actions">
          <button type="submit" className="button button-danger" disabled={pending}>
            {pending ? t('cancellation.review.confirming') : t('cancellation.review.confirm')}
          </button>
          <Link className="button button-secondary" to={paths.account}>
            {t('cancellation.review.keep')}
          </Link>
        </div>
      </form>
    </section>
  );
}

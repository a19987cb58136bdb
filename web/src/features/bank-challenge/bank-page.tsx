import type { ChallengeDecision, PaymentChallengeView } from '@planshift/shared/api';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useAnswerChallenge, useChallenge } from '../../api/payment-methods';
import { returnFromBank } from '../../config/paths';
import { useFormat } from '../../i18n/format';
import { cardName } from '../../ui/cards/card-name';
import { ErrorNotice } from '../../ui/error-notice';
import { useDocumentTitle } from '../../ui/use-document-title';
import './bank-page.css';
import { QueryStatus } from '../../ui/query-status';

/**
 * The customer's bank asking them to confirm a payment (3-D Secure), simulated inside the portal:
 * who is paid, how much, with which card, until when; Approve or Fail. Answered (or already
 * ended), it sends the customer back where they came from, which then shows how the payment ended.
 */
export function BankPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('paymentMethods.bank.title'));
  const { challengeId = '' } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const challenge = useChallenge(challengeId);
  const answer = useAnswerChallenge();
  const headingId = useId();
  const returnTo = search.get('return');

  const decide = (decision: ChallengeDecision) => {
    if (answer.isPending) return;
    answer.mutate(
      { id: challengeId, decision },
      { onSuccess: () => navigate(returnFromBank(returnTo, challengeId), { replace: true }) },
    );
  };

  if (!challenge.isSuccess) return <QueryStatus query={challenge} />;
  const view = challenge.data;
  return (
    <section className="bank-page" aria-labelledby={headingId}>
      <p className="bank-name">{t('paymentMethods.bank.name')}</p>
      <h1 id={headingId}>{t('paymentMethods.bank.title')}</h1>
      <ChallengeSummary challenge={view} />
      {view.status === 'open' ? (
        <>
          <p className="bank-note">{t('paymentMethods.bank.simulated')}</p>
          {answer.isError && <ErrorNotice error={answer.error} />}
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              aria-disabled={answer.isPending || undefined}
              onClick={() => decide('approve')}
            >
              {t('paymentMethods.bank.approve')}
            </button>
            <button
              type="button"
              className="button button-danger"
              aria-disabled={answer.isPending || undefined}
              onClick={() => decide('fail')}
            >
              {t('paymentMethods.bank.fail')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="notice notice-warning" role="status">
            {t(`paymentMethods.bank.ended.${view.status}`)}
          </p>
          <Link to={returnFromBank(returnTo, challengeId)} className="button button-secondary">
            {t('paymentMethods.bank.return', { merchant: view.merchant })}
          </Link>
        </>
      )}
      {view.status === 'open' && (
        <p>
          <Link to={returnFromBank(returnTo, challengeId)}>{t('paymentMethods.bank.later')}</Link>
        </p>
      )}
    </section>
  );
}

function ChallengeSummary({ challenge }: Readonly<{ challenge: PaymentChallengeView }>) {
  const { t } = useTranslation();
  const format = useFormat();
  const amount = format.money(challenge.amount);
  return (
    <>
      <p className="bank-amount">
        {challenge.card
          ? t('paymentMethods.bank.body', { merchant: challenge.merchant, amount, card: cardName(t, challenge.card) })
          : t('paymentMethods.bank.bodyNoCard', { merchant: challenge.merchant, amount })}
      </p>
      {challenge.status === 'open' && (
        <p>
          {t('paymentMethods.bank.expires', {
            date: format.date(challenge.expiresAt),
            time: format.time(challenge.expiresAt),
          })}
        </p>
      )}
    </>
  );
}

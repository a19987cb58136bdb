import type { PaymentChallengeView } from '@planshift/shared/api';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { ApiFailure } from '../../api/api-failure';
import { useChallenge } from '../../api/payment-methods';
import { AUTHENTICATED_PARAM } from '../../config/paths';

/** How a Pay now that went to the customer's bank ended, once they are back on the account page. */
export type BankReturn =
  | Readonly<{ kind: 'paid'; invoiceId: string }>
  | Readonly<{ kind: 'refused'; invoiceId: string; error: ApiFailure }>
  | Readonly<{ kind: 'waiting'; challenge: PaymentChallengeView }>;

/**
 * Reads the challenge the bank's page sent the customer back with (`?authenticated=<id>`), hands
 * its outcome over once, and takes the parameter out of the address so a reload does not repeat it.
 */
export function useBankReturn(onReturn: (outcome: BankReturn) => void): void {
  const [search, setSearch] = useSearchParams();
  const id = search.get(AUTHENTICATED_PARAM);
  const challenge = useChallenge(id);
  const view = challenge.data;

  useEffect(() => {
    if (!id || !view || view.id !== id || !view.invoiceId) return;
    setSearch({}, { replace: true });
    if (view.status === 'succeeded') onReturn({ kind: 'paid', invoiceId: view.invoiceId });
    else if (view.status === 'open') onReturn({ kind: 'waiting', challenge: view });
    else {
      // Said as the API says any refused payment: the reason is the bank's answer, or its absence.
      const decline = view.status === 'expired' ? 'authentication_expired' : 'authentication_failed';
      const error = new ApiFailure(402, {
        code: 'payment_declined',
        message: decline,
        field: null,
        details: { decline },
      });
      onReturn({ kind: 'refused', invoiceId: view.invoiceId, error });
    }
  }, [id, view, setSearch, onReturn]);
}

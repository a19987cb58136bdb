import { API_ERROR_CODES } from '@planshift/shared/api';
import type { ChangeBlocker, PlanUnavailable } from '@planshift/shared/eligibility';
import type { TFunction } from 'i18next';
import { ApiFailure, type FailureCode } from '../api/api-failure';

/** Why Change is disabled, in words: one key per reason code (shared/src/eligibility/reasons.ts). */
export function blockerMessage(t: TFunction, blocker: ChangeBlocker, planName: (planId: string) => string): string {
  switch (blocker.reason) {
    case 'no_billing_permission':
      return t('eligibility.blockers.no_billing_permission');
    case 'unpaid_invoice':
      return t('eligibility.blockers.unpaid_invoice', { count: blocker.count });
    case 'subscription_not_active':
      return t('eligibility.blockers.subscription_not_active', {
        status: t(`account.status.${blocker.status}`).toLocaleLowerCase(),
      });
    case 'plan_not_changeable':
      return t('eligibility.blockers.plan_not_changeable', { plan: planName(blocker.planId) });
  }
}

/** Why a plan cannot be chosen, in words. */
export function planUnavailableMessage(t: TFunction, reason: PlanUnavailable, groupName: (id: string) => string) {
  switch (reason.reason) {
    case 'unknown_plan':
      return t('eligibility.plans.unknown_plan');
    case 'not_in_plan_group':
      return t('eligibility.plans.not_in_plan_group', { group: groupName(reason.group) });
    case 'sales_only':
      return t('eligibility.plans.sales_only');
    case 'interval_unavailable':
      return t('eligibility.plans.interval_unavailable');
    case 'currency_unavailable':
      return t('eligibility.plans.currency_unavailable', { currency: reason.currency });
  }
}

const DECLINES = ['card_declined', 'insufficient_funds', 'expired_card', 'processing_error'] as const;
/** How a payment that needed the customer's authentication at their bank ended without being made. */
const AUTHENTICATION_DECLINES = ['authentication_failed', 'authentication_expired'] as const;
/** The codes with a message of their own (`errors.codes.<code>`): every code of the API, and no answer at all. */
export const TRANSLATED_CODES = [...API_ERROR_CODES, 'network_error'] as const satisfies readonly FailureCode[];

/** A failed request in the reader's words: a card decline names its reason; unknown codes read generically. */
export function failureMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiFailure)) return t('errors.generic');
  if (error.code === 'payment_declined') {
    const decline = (error.details as { decline?: unknown } | undefined)?.decline;
    const known = DECLINES.find((code) => code === decline);
    if (known) return t(`payments.declined.${known}`);
    const authentication = AUTHENTICATION_DECLINES.find((code) => code === decline);
    return authentication ? t(`paymentMethods.declined.${authentication}`) : error.message;
  }
  const code = TRANSLATED_CODES.find((known) => known === error.code);
  return code ? t(`errors.codes.${code}`) : t('errors.generic');
}

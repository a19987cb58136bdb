import type { ApiErrorCode, ErrorBody } from '@planshift/shared/api';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { Refusal } from '../refusal';

/** The status each code answers with: one code, one status, wherever it is refused. */
export const STATUS_OF = {
  malformed_json: 400,
  bad_request: 400,
  invalid_type: 400,
  too_small: 400,
  too_big: 400,
  unknown_field: 400,
  invalid_format: 400,
  invalid_value: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  payment_declined: 402,
  forbidden: 403,
  csrf_token_invalid: 403,
  no_billing_permission: 403,
  not_found: 404,
  quote_not_found: 404,
  no_scheduled_change: 404,
  length_required: 411,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  payment_unavailable: 503,
  internal_error: 500,
  // The subscription cannot change right now, or moved meanwhile: a conflict.
  unpaid_invoice: 409,
  subscription_not_active: 409,
  plan_not_changeable: 409,
  renewal_due: 409,
  instant_before_period: 409,
  quote_expired: 409,
  quote_stale: 409,
  request_in_progress: 409,
  change_in_progress: 409,
  subscription_changed: 409,
  order_abandoned: 409,
  change_not_applied: 409,
  invoice_already_paid: 409,
  // A request the catalog, the quote or the key cannot satisfy.
  invalid_request: 422,
  unknown_plan: 422,
  not_in_plan_group: 422,
  sales_only: 422,
  interval_unavailable: 422,
  currency_unavailable: 422,
  quantity_not_integer: 422,
  below_min_quantity: 422,
  above_max_quantity: 422,
  quantity_not_adjustable: 422,
  unknown_addon: 422,
  addon_duplicate: 422,
  addon_incompatible: 422,
  addon_interval_unavailable: 422,
  addon_other_interval_held: 422,
  addon_interval_differs_from_plan: 422,
  amount_out_of_range: 422,
  no_change: 422,
  idempotency_key_reused: 422,
  idempotency_key_expired: 422,
  invalid_scenario: 422,
  scenario_not_found: 404,
  scenario_exists: 409,
  scenario_required: 404,
  too_many_scenarios: 429,
  nothing_scheduled: 409,
  // Cancelling at the period end, and resuming
  already_canceled: 409,
  cancellation_already_scheduled: 409,
  no_scheduled_cancellation: 404,
  tax_id_invalid: 400,
  plan_self_service: 422,
  too_many_sales_requests: 429,
  card_number_invalid: 422,
  card_expiry_invalid: 422,
  card_expired: 422,
  card_cvc_invalid: 422,
  payment_method_is_default: 409,
  payment_method_in_use: 409,
  too_many_payment_methods: 409,
} as const satisfies Record<ApiErrorCode, number>;

type StatusOf = typeof STATUS_OF;

/** The answer of a refusal: one typed response per code it may carry, so a route declares each status. */
export type Refused<C extends ApiErrorCode> = C extends ApiErrorCode
  ? Response & TypedResponse<JSONParsed<ErrorBody>, StatusOf[C], 'json'>
  : never;

/** Answers a refusal with its code's status. */
export function refuse<C extends ApiErrorCode>(c: Context, { error }: Refusal<C>): Refused<C> {
  return c.json(error, STATUS_OF[error.code]) as unknown as Refused<C>;
}

// Kept apart from error.ts and free of zod: the SPA imports the list at run time (to check that
// each code has a translation) without bundling the schema library.

/**
 * Every `code` an error answer of the API carries. The OpenAPI document lists them (the Error
 * schema's enum), the BFF's ApiError takes no other (so `tsc` fails on an unlisted one, the
 * engine's quote reasons included), the bad-input sweep fails on any answer outside them, and the
 * SPA has a message for each in every language.
 */
export const API_ERROR_CODES = [
  // The request as a whole
  'malformed_json',
  'unsupported_media_type',
  'length_required',
  'payload_too_large',
  'bad_request',
  'not_found',
  // A field of it (validationError in api-error.ts maps zod's issues to these)
  'invalid_type',
  'too_small',
  'too_big',
  'unknown_field',
  'invalid_format',
  'invalid_value',
  // Who is asking
  'unauthenticated',
  'forbidden',
  'csrf_token_invalid',
  'invalid_credentials',
  'too_many_attempts',
  'no_billing_permission',
  // Why a change cannot be quoted: the engine's reasons (shared/src/eligibility/reasons.ts, quote.ts)
  'invalid_request',
  'unpaid_invoice',
  'subscription_not_active',
  'plan_not_changeable',
  'unknown_plan',
  'not_in_plan_group',
  'sales_only',
  'interval_unavailable',
  'currency_unavailable',
  'quantity_not_integer',
  'below_min_quantity',
  'above_max_quantity',
  'quantity_not_adjustable',
  'unknown_addon',
  'addon_duplicate',
  'addon_incompatible',
  'addon_interval_unavailable',
  'addon_other_interval_held',
  'addon_interval_differs_from_plan',
  'renewal_due',
  'instant_before_period',
  'amount_out_of_range',
  // Confirming a quote, cancelling a scheduled change, paying an invoice
  'quote_not_found',
  'quote_expired',
  'quote_stale',
  'no_change',
  'idempotency_key_reused',
  'idempotency_key_expired',
  'request_in_progress',
  'change_in_progress',
  'subscription_changed',
  'order_abandoned',
  'change_not_applied',
  'payment_declined',
  'payment_unavailable',
  'no_scheduled_change',
  'invoice_already_paid',
  // QA routes (not in production)
  'invalid_scenario',
  // A bug: logged, and nothing more said
  'internal_error',
  // Cancelling at the period end, and resuming
  'already_canceled',
  'cancellation_already_scheduled',
  'no_scheduled_cancellation',
  // Billing details, and asking sales
  'tax_id_invalid',
  'plan_self_service',
  'too_many_sales_requests',
  // Cards on file (checkCard's reasons, each with its field), and what a card change may not do
  'card_number_invalid',
  'card_expiry_invalid',
  'card_expired',
  'card_cvc_invalid',
  'payment_method_is_default',
  'payment_method_in_use',
  'too_many_payment_methods',
  // Scenarios (QA, not in production)
  'scenario_not_found',
  'scenario_exists',
  'scenario_required',
  'too_many_scenarios',
  'nothing_scheduled',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

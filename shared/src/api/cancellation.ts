import { z } from 'zod';
import { epochSecondsSchema } from '../periods/periods-schema';

/** Why a customer leaves, as the cancel review offers it: a short list, then their own words. */
export const CANCELLATION_REASONS = [
  'too_expensive',
  'missing_features',
  'switching_service',
  'not_using_enough',
  'other',
] as const;
export const cancellationReasonSchema = z.enum(CANCELLATION_REASONS);
export type CancellationReason = z.output<typeof cancellationReasonSchema>;

/** A comment is a few sentences, not a document. */
export const CANCELLATION_COMMENT_MAX = 500;

/** POST /api/subscription/cancellation: the optional reason and comment; `{}` gives none. */
export const cancellationRequestSchema = z.strictObject({
  reason: cancellationReasonSchema.optional(),
  comment: z.string().trim().max(CANCELLATION_COMMENT_MAX).optional(),
});
export type CancellationRequest = z.output<typeof cancellationRequestSchema>;

/**
 * The subscription's cancellation: scheduled (it ends at the period end, and can still be
 * resumed) or ended (the period-end run canceled it; it can be started again).
 */
export const cancellationViewSchema = z.object({
  id: z.string(),
  status: z.enum(['scheduled', 'ended']),
  /** When the subscription ends (ended): the end of the period it was cancelled in. */
  effectiveAt: epochSecondsSchema,
  reason: cancellationReasonSchema.nullable(),
  requestedAt: epochSecondsSchema,
});
export type CancellationView = z.output<typeof cancellationViewSchema>;

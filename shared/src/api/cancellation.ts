import { z } from 'zod';
import { epochSecondsSchema } from '../periods/periods-schema';
import { CANCELLATION_COMMENT_MAX, CANCELLATION_REASONS } from './cancellation-reasons';
import { scheduledChangeSchema } from './scheduled-change';

/** One of the reasons the cancel review offers. */
export const cancellationReasonSchema = z.enum(CANCELLATION_REASONS);

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
  replacedChange: scheduledChangeSchema.nullable().meta({
    description:
      'The change scheduled for the same period end that the cancellation replaced; resuming schedules it again',
  }),
});
export type CancellationView = z.output<typeof cancellationViewSchema>;

/**
 * DELETE /api/subscription/cancellation: the subscription continues. It renews at the period
 * end, with the change the cancellation had replaced scheduled again, if there was one.
 */
export const resumeViewSchema = z.object({
  renewsAt: epochSecondsSchema,
  restoredChange: scheduledChangeSchema.nullable(),
});
export type ResumeView = z.output<typeof resumeViewSchema>;

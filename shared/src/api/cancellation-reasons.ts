// Kept apart from cancellation.ts and free of zod, as error-codes.ts is: the SPA's cancel review
// lists the reasons at run time without bundling the schema library.

/** Why a customer leaves, as the cancel review offers it: a short list, then their own words. */
export const CANCELLATION_REASONS = [
  'too_expensive',
  'missing_features',
  'switching_service',
  'not_using_enough',
  'other',
] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];

/** A comment is a few sentences, not a document. */
export const CANCELLATION_COMMENT_MAX = 500;

import type { ApiErrorCode, ErrorBody } from '@planshift/shared/api';

/**
 * An expected failure, as a use case returns it: one of the API's codes (shared/src/api), words
 * for people and logs, the field at fault. Which HTTP status it answers is the edge's business
 * (http/refuse.ts).
 */
export type Refusal<C extends ApiErrorCode = ApiErrorCode> = Readonly<{
  ok: false;
  error: ErrorBody & Readonly<{ code: C }>;
}>;

export function refusal<C extends ApiErrorCode>(
  code: C,
  message: string,
  field: string | null = null,
  details?: unknown,
): Refusal<C> {
  return { ok: false, error: { code, message, field, ...(details === undefined ? {} : { details }) } };
}

export const notFound = (what: string): Refusal<'not_found'> => refusal('not_found', `No such ${what}.`);

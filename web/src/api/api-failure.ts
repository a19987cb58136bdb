import type { ApiErrorCode, ErrorBody } from '@planshift/shared/api';

/**
 * The codes only the SPA gives a failure: no answer at all, and an answer that is not the BFF's
 * (a proxy's error page).
 */
export const SPA_ERROR_CODES = ['network_error', 'http_error'] as const;
export type FailureCode = ApiErrorCode | (typeof SPA_ERROR_CODES)[number];

type FailureBody = Omit<ErrorBody, 'code'> & Readonly<{ code: FailureCode }>;

/** A non-2xx answer (or no answer at all) from the BFF, with its stable error code. */
export class ApiFailure extends Error {
  override readonly name = 'ApiFailure';
  readonly status: number;
  readonly code: FailureCode;
  readonly field: string | null;
  readonly details: unknown;

  constructor(status: number, body: FailureBody) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.details = body.details;
  }
}

/** Whether an error is the BFF's answer with this code (and optionally this status). */
export function isApiFailure(error: unknown, code?: FailureCode): error is ApiFailure {
  return error instanceof ApiFailure && (code === undefined || error.code === code);
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'string' &&
    typeof (value as ErrorBody).message === 'string'
  );
}

/** What `failureFrom` reads of an answer: a fetch Response and hono's typed ClientResponse both have it. */
type AnswerLike = Readonly<{ status: number; statusText: string; json(): Promise<unknown> }>;

/** Turns a non-2xx response into an ApiFailure; a body that is not ours (a proxy's page) gets a generic code. */
export async function failureFrom(response: AnswerLike): Promise<ApiFailure> {
  const body: unknown = await response.json().catch(() => null);
  if (isErrorBody(body)) return new ApiFailure(response.status, { ...body, field: body.field ?? null });
  return new ApiFailure(response.status, {
    code: 'http_error',
    message: `${response.status} ${response.statusText}`.trim(),
    field: null,
  });
}

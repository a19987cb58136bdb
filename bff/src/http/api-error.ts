import type { ApiErrorCode, ErrorBody } from '@planshift/shared/api';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

export type { ErrorBody };

/** An expected failure with its HTTP status; anything else thrown is a bug and answers 500. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly field: string | null = null,
    readonly details?: unknown,
  ) {
    super(message);
  }

  body(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      field: this.field,
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `No such ${what}.`);

const ZOD_CODES: Record<string, ApiErrorCode> = {
  invalid_type: 'invalid_type',
  too_small: 'too_small',
  too_big: 'too_big',
  unrecognized_keys: 'unknown_field',
  invalid_format: 'invalid_format',
  invalid_value: 'invalid_value',
  not_multiple_of: 'invalid_value',
  invalid_union: 'invalid_value',
  custom: 'invalid_value',
};

/** A 400 naming the first offending field, with every issue for clients that show them all. */
export function validationError(error: z.ZodError, prefix?: string): ApiError {
  const issues = error.issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    return {
      field: [prefix, ...path.map(String)].filter(Boolean).join('.') || null,
      code: ZOD_CODES[issue.code] ?? 'invalid_value',
      message: issue.message,
    };
  });
  const first = issues[0] ?? { field: null, code: 'invalid_value', message: 'Invalid request.' };
  return new ApiError(400, first.code, first.message, first.field, { issues });
}

import { API_ERROR_CODES, type ApiErrorCode } from '@planshift/shared/api';
import type { z } from 'zod';
import { type Refusal, refusal } from '../refusal';

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

/** A schema's own check names its code in the issue's params (shared's billing details do): one of the API's. */
function ownCode(issue: z.core.$ZodIssue): ApiErrorCode | undefined {
  const code = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
  return API_ERROR_CODES.find((known) => known === code);
}

/** A 400 naming the first offending field, with every issue for clients that show them all. */
export function validationRefusal(error: z.ZodError, prefix?: string): Refusal {
  const issues = error.issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    return {
      field: [prefix, ...path.map(String)].filter(Boolean).join('.') || null,
      code: ownCode(issue) ?? ZOD_CODES[issue.code] ?? 'invalid_value',
      message: issue.message,
    };
  });
  const first = issues[0] ?? { field: null, code: 'invalid_value', message: 'Invalid request.' };
  return refusal(first.code, first.message, first.field, { issues });
}

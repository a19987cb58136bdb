import type { ApiErrorCode, ErrorBody } from '@planshift/shared/api';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../observability/logger';
import { requestLog } from '../observability/request-logging';

// What Hono or its middleware may refuse a request with, in the BFF's own words: one code for
// one error, whichever layer noticed it (json-body.ts answers the same for the same problem).
const HTTP_EXCEPTIONS: Readonly<Record<number, readonly [code: ApiErrorCode, field: string | null]>> = {
  400: ['bad_request', null],
  401: ['unauthenticated', null],
  403: ['forbidden', null],
  404: ['not_found', null],
  411: ['length_required', 'Content-Length'],
  413: ['payload_too_large', 'Content-Length'],
  415: ['unsupported_media_type', 'Content-Type'],
};

/**
 * For what was thrown, not returned: Hono's own refusals answer their status with the BFF's code;
 * anything else is a bug: logged (through the request's logger, with its id, when it has one),
 * and a bare 500. Expected failures are returned (http/refuse.ts).
 */
export function errorHandler(log: Pick<Logger, 'error'>) {
  return (error: Error, c: Context): Response => {
    if (error instanceof HTTPException && error.status < 500) {
      const [code, field] = HTTP_EXCEPTIONS[error.status] ?? ['bad_request', null];
      return c.json<ErrorBody>({ code, message: error.message || 'The request was refused.', field }, error.status);
    }
    (requestLog(c) ?? log).error({ err: error }, 'unhandled error');
    return c.json<ErrorBody>(
      { code: 'internal_error', message: 'Something went wrong on our side.', field: null },
      500,
    );
  };
}

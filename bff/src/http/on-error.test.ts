import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { describe, expect, it, vi } from 'vitest';
import { refusal } from '../refusal';
import { errorHandler } from './on-error';
import { refuse } from './refuse';

const log = { error: vi.fn() };
const onError = errorHandler(log);

function appThrowing(error: unknown) {
  return new Hono()
    .get('/', () => {
      throw error;
    })
    .onError(onError);
}

describe('the answer to an error thrown by a route', () => {
  // Expected failures are returned, not thrown: a refusal answers its code's status and its body.
  it('is a refusal’s own status and body', async () => {
    const app = new Hono().get('/', (c) => refuse(c, refusal('quote_stale', 'Stale.', 'quoteId'))).onError(onError);
    const response = await app.request('/');
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ code: 'quote_stale', message: 'Stale.', field: 'quoteId' });
  });

  it('maps each HTTPException of Hono (or its middleware) to the code the BFF answers for that status', async () => {
    for (const [status, code, field] of [
      [400, 'bad_request', null],
      [401, 'unauthenticated', null],
      [403, 'forbidden', null],
      [404, 'not_found', null],
      [411, 'length_required', 'Content-Length'],
      [413, 'payload_too_large', 'Content-Length'],
      [415, 'unsupported_media_type', 'Content-Type'],
      [422, 'bad_request', null],
    ] as const) {
      const response = await appThrowing(new HTTPException(status as ContentfulStatusCode)).request('/');
      expect(response.status, String(status)).toBe(status);
      expect(await response.json(), String(status)).toMatchObject({ code, field });
    }
  });

  it('is a 500 internal_error for anything else, logged and not described', async () => {
    log.error.mockClear();
    for (const error of [new Error('secret detail'), new HTTPException(502, { message: 'upstream' })]) {
      const response = await appThrowing(error).request('/');
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        code: 'internal_error',
        message: 'Something went wrong on our side.',
        field: null,
      });
    }
    expect(log.error).toHaveBeenCalledTimes(2);
    expect(log.error.mock.calls[0]?.[0]).toMatchObject({ err: { message: 'secret detail' } });
  });
});

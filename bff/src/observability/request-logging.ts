import type { Context, MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { type PinoLogger, pinoLogger } from 'hono-pino';
import type { Logger } from './logger';

/** The request id travels in this header both ways: a proxy's id is kept, and answered back. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * Gives each request an id (the caller's X-Request-Id when it is well-formed: at most 255 word
 * characters, '-' or '='; otherwise a new UUID), answers it in the same header, and logs the
 * request's answer in one line. Every line logged through the request's logger (requestLog)
 * carries the id. Headers are left out of the lines: they hold session cookies.
 */
export function requestLogging(log: Logger): MiddlewareHandler[] {
  // hono-pino makes each request's logger a child of the one given, bound to that one's own
  // bindings() once more: a world's logger's fields would be written twice on every line. The
  // logger it is given says it has none; its children still inherit them.
  const unbound: Logger = Object.create(log, { bindings: { value: () => ({}) } });
  return [
    requestId({ headerName: REQUEST_ID_HEADER }),
    pinoLogger({
      pino: unbound,
      http: {
        // The id is the child logger's binding (on every line), not the answer line's own field.
        reqId: false,
        referRequestIdKey: '-',
        onReqBindings: (c) => ({ reqId: c.var.requestId, req: { method: c.req.method, url: c.req.path } }),
        onResBindings: (c) => ({ res: { status: c.res.status } }),
        onResMessage: () => 'request completed',
      },
    }),
  ];
}

/** The request's logger, when request logging runs for it. */
export function requestLog(c: Context): PinoLogger | undefined {
  return (c.var as { logger?: PinoLogger }).logger;
}

import type { MiddlewareHandler } from 'hono';
import { refusal } from '../refusal';
import { nulField, nulRefusal } from './nul-text';
import { refuse } from './refuse';

const TAKES_BODY = new Set(['POST', 'PUT', 'PATCH']);
const LARGEST_BODY = 64 * 1024;
// Only an inline QA scenario may be large.
const LARGEST_SCENARIO = 32 * 1024 * 1024;

/**
 * The type/subtype of a Content-Type (RFC 9110 §8.3.1), without its parameters: RFC 8259 defines
 * none for application/json (a charset has no effect; JSON is UTF-8), so they are not looked at.
 */
function essenceOf(contentType: string): string {
  const end = contentType.indexOf(';');
  return (end === -1 ? contentType : contentType.slice(0, end)).trim().toLowerCase();
}

/**
 * Every POST, PUT and PATCH under /api carries a JSON body, `{}` when there is nothing to say:
 * it is checked and parsed here, before any route (session, validators, handler) runs, so a
 * body that is not JSON never reaches a route that would otherwise ignore it. Hono keeps the
 * parsed body, and the route's validator reads it from there: each body is parsed once.
 *
 * JSON only, so a cross-site form cannot send it without a preflight (state-changing routes also
 * need the session's CSRF token, session-middleware.ts). The size is judged from Content-Length:
 * Hono's bodyLimit re-streams every body and quarters POST throughput.
 */
// Where a whole scenario may be sent: far larger than any other body.
const SCENARIO_PATHS = new Set(['/api/test/reset', '/api/test/scenarios']);

export const jsonBody: MiddlewareHandler = async (c, next) => {
  if (!TAKES_BODY.has(c.req.method)) return next();
  const contentType = c.req.header('content-type');
  if (contentType === undefined || essenceOf(contentType) !== 'application/json') {
    return refuse(c, refusal('unsupported_media_type', 'Send the body as application/json.', 'Content-Type'));
  }
  // This is the one judge of the media type: the routes' own gate (@hono/zod-openapi) matches a
  // narrower pattern than RFC 9110 and would refuse `application/json;` or a space before `;`.
  if (contentType !== 'application/json') c.req.raw.headers.set('content-type', 'application/json');
  // Digits only (RFC 9110 §8.6): Number() would also read '', '+5', '0x10' and '1e3'.
  const declared = c.req.header('content-length');
  if (declared === undefined || !/^\d+$/.test(declared)) {
    return refuse(c, refusal('length_required', 'Send the body with a Content-Length.', 'Content-Length'));
  }
  const length = Number(declared);
  if (length > (SCENARIO_PATHS.has(c.req.path) ? LARGEST_SCENARIO : LARGEST_BODY)) {
    return refuse(c, refusal('payload_too_large', 'The request body is too large.', 'Content-Length'));
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    // An empty body is not JSON either: one rule for every route, with or without a body schema.
    return refuse(
      c,
      refusal('malformed_json', 'The request body is not valid JSON; send {} when there is nothing to send.'),
    );
  }
  const nul = nulField(body);
  if (nul) return refuse(c, nulRefusal(nul.join('.')));
  return next();
};

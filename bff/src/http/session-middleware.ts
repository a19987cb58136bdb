import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { hashSessionId, wallClock } from '../auth/sessions';
import { signValue, verifySignedValue } from '../auth/signed-value';
import { ApiError } from './api-error';
import type { AppDeps, AppEnv } from './app-env';

export const SESSION_COOKIE = 'planshift_session';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Ctx = Parameters<MiddlewareHandler>[0];

export function setSessionCookie(c: Ctx, deps: AppDeps, sessionId: string) {
  setCookie(c, SESSION_COOKIE, signValue(sessionId, deps.env.SESSION_SECRET), {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.env.NODE_ENV === 'production',
    path: '/',
    maxAge: 7 * 24 * 3600,
  });
}

/** The session id from the signed cookie, or null when missing or tampered with. */
export function sessionIdFrom(c: Ctx, deps: AppDeps): string | null {
  const raw = getCookie(c, SESSION_COOKIE);
  return raw ? verifySignedValue(raw, deps.env.SESSION_SECRET) : null;
}

export function clearSessionCookie(c: Ctx) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/**
 * Requires a signed-in session, and on state-changing requests the session's CSRF token in
 * X-CSRF-Token: a cross-site form cannot read it, so it cannot send it.
 */
export function requireSession(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const sessionId = sessionIdFrom(c, deps);
    const session = sessionId ? await deps.store.findSession(hashSessionId(sessionId), wallClock()) : null;
    const user = session ? await deps.store.findUser(session.userId) : null;
    if (!session || !user) throw new ApiError(401, 'unauthenticated', 'Sign in to continue.');
    if (MUTATING.has(c.req.method) && c.req.header('x-csrf-token') !== session.csrfToken) {
      throw new ApiError(403, 'csrf_token_invalid', 'The request is missing its CSRF token.', 'X-CSRF-Token');
    }
    c.set('session', session);
    c.set('user', user);
    await next();
  };
}

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

/** Signed cookies already verified, by app, mapped to their session's hash: a bounded memo. */
const verifiedCookies = new WeakMap<AppDeps, Map<string, string>>();
const VERIFIED_COOKIES_KEPT = 10_000;

/**
 * The hash of the session id in the signed cookie, or null when missing or tampered with.
 * Checking the signature and hashing the id cost more than the rest of a session lookup, and
 * their answer for a given cookie never changes, so it is remembered.
 */
export function sessionHashFrom(c: Ctx, deps: AppDeps): string | null {
  const raw = getCookie(c, SESSION_COOKIE);
  if (!raw) return null;
  const memo = verifiedCookies.get(deps) ?? new Map<string, string>();
  verifiedCookies.set(deps, memo);
  const known = memo.get(raw);
  if (known) return known;
  const sessionId = verifySignedValue(raw, deps.env.SESSION_SECRET);
  if (!sessionId) return null;
  const hash = hashSessionId(sessionId);
  if (memo.size >= VERIFIED_COOKIES_KEPT) memo.delete(memo.keys().next().value as string);
  memo.set(raw, hash);
  return hash;
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
    const idHash = sessionHashFrom(c, deps);
    const session = idHash ? await deps.store.findSession(idHash, wallClock()) : null;
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

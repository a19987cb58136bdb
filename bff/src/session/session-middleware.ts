import { SCENARIO_COOKIE } from '@planshift/shared/api';
import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from '../http/app-env';
import { router } from '../http/openapi';
import { refuse } from '../http/refuse';
import { refusal } from '../refusal';
import { hashSessionId } from './sessions';
import { signValue, verifySignedValue } from './signed-value';

export const SESSION_COOKIE = 'planshift_session';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Ctx = Parameters<MiddlewareHandler>[0];

export function setSessionCookie(c: Ctx, deps: AppDeps, sessionId: string) {
  const options = {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.env.NODE_ENV === 'production',
    path: '/',
    maxAge: 7 * 24 * 3600,
  } as const;
  setCookie(c, SESSION_COOKIE, signValue(sessionId, deps.env.SESSION_SECRET), options);
  // Signed in within a scenario, the browser's next requests act in it (docs/decisions/018).
  if (deps.scenarioId) setCookie(c, SCENARIO_COOKIE, deps.scenarioId, options);
}

/** Cookie headers already verified, by app, mapped to their session's hash: a bounded memo. */
const verifiedCookies = new WeakMap<AppDeps, Map<string, string>>();
const VERIFIED_COOKIES_KEPT = 10_000;
// A browser's Cookie header is far shorter; a longer one is checked every time rather than kept.
const LONGEST_REMEMBERED = 1024;

/**
 * The hash of the session id in the signed cookie, or null when missing or tampered with.
 * Parsing the header, checking the signature and hashing the id cost more than the rest of a
 * session lookup, and their answer for a given Cookie header never changes, so it is remembered.
 */
export function sessionHashFrom(c: Ctx, deps: AppDeps): string | null {
  const header = c.req.header('cookie');
  if (!header) return null;
  const memo = verifiedCookies.get(deps) ?? new Map<string, string>();
  verifiedCookies.set(deps, memo);
  const known = memo.get(header);
  if (known) return known;
  const raw = getCookie(c, SESSION_COOKIE);
  const sessionId = raw ? verifySignedValue(raw, deps.env.SESSION_SECRET) : null;
  if (!sessionId) return null;
  const hash = hashSessionId(sessionId);
  if (header.length > LONGEST_REMEMBERED) return hash;
  if (memo.size >= VERIFIED_COOKIES_KEPT) memo.delete(memo.keys().next().value as string);
  memo.set(header, hash);
  return hash;
}

export function clearSessionCookie(c: Ctx) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  deleteCookie(c, SCENARIO_COOKIE, { path: '/' });
}

/**
 * Requires a signed-in session, and on state-changing requests the session's CSRF token in
 * X-CSRF-Token: a cross-site form cannot read it, so it cannot send it.
 */
export function requireSession(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const idHash = sessionHashFrom(c, deps);
    const signedIn = idHash ? await deps.store.sessions.findSignedIn(idHash, deps.wall.now()) : null;
    if (!signedIn) return refuse(c, refusal('unauthenticated', 'Sign in to continue.'));
    const { session, user } = signedIn;
    if (MUTATING.has(c.req.method) && c.req.header('x-csrf-token') !== session.csrfToken) {
      return refuse(c, refusal('csrf_token_invalid', 'The request is missing its CSRF token.', 'X-CSRF-Token'));
    }
    c.set('session', session);
    c.set('user', user);
    await next();
  };
}

/** A router whose every route at or below `path` needs a signed-in session. */
export function signedInRouter(deps: AppDeps, path: string) {
  const app = router();
  // A path ending in /* also matches the path without it, so one guard runs once per request.
  app.use(`${path}/*`, requireSession(deps));
  return app;
}

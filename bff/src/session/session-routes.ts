import { createRoute, z } from '@hono/zod-openapi';
import { errorBodySchema, type SessionView, sessionViewSchema as sessionSchema } from '@planshift/shared/api';
import type { AppDeps } from '../http/app-env';
import { clientAddress } from '../http/client-address';
import { errors, json, jsonBody, router, signedInRoute } from '../http/openapi';
import { refuse } from '../http/refuse';
import { refusal } from '../refusal';
import type { UserRecord } from '../store/records';
import { clearSessionCookie, requireSession, sessionHashFrom, setSessionCookie } from './session-middleware';
import { canManageBilling, signIn } from './sessions';
import type { SignInThrottle } from './sign-in-throttle';

const signInSchema = z
  .strictObject({ email: z.email().max(254), password: z.string().min(1).max(200) })
  .meta({ id: 'SignIn' });

const sessionView = (user: UserRecord, csrfToken: string): SessionView => ({
  user: { id: user.id, name: user.name, email: user.email, role: user.role, canManageBilling: canManageBilling(user) },
  accountId: user.accountId,
  csrfToken,
});

export function sessionRoutes(deps: AppDeps, throttle: SignInThrottle) {
  const app = router();

  app.use('/api/session', async (c, next) => (c.req.method === 'POST' ? next() : requireSession(deps)(c, next)));

  return app
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/session',
        summary: 'Sign in with e-mail and password',
        request: { body: jsonBody(signInSchema) },
        responses: {
          200: json(sessionSchema, 'Signed in; the session cookie is set.'),
          ...errors(400, 401, 415),
          429: {
            ...json(
              errorBodySchema,
              'Too many failed attempts for this e-mail or from this address: wait, then try again.',
            ),
            headers: z.object({ 'Retry-After': z.string().meta({ description: 'Seconds to wait.' }) }),
          },
        },
      }),
      async (c) => {
        const { email, password } = c.req.valid('json');
        const attempt = throttle.attempt(email, clientAddress(c, deps.env.TRUST_PROXY_HOPS));
        const signedIn = await signIn(deps.store, email, password, attempt, deps.wall.now());
        if (signedIn.kind === 'throttled') {
          const seconds = signedIn.retryAfterSeconds;
          c.header('Retry-After', String(seconds));
          return refuse(
            c,
            refusal('too_many_attempts', `Too many attempts; try again in ${seconds} s.`, null, {
              retryAfter: seconds,
            }),
          );
        }
        if (signedIn.kind === 'refused') {
          return refuse(c, refusal('invalid_credentials', 'The e-mail or password is wrong.', 'email'));
        }
        setSessionCookie(c, deps, signedIn.sessionId);
        return c.json(sessionView(signedIn.user, signedIn.session.csrfToken), 200);
      },
    )

    .openapi(
      signedInRoute({
        method: 'get',
        path: '/api/session',
        summary: 'The signed-in user and the CSRF token',
        responses: { 200: json(sessionSchema, 'The session') },
      }),
      (c) => c.json(sessionView(c.get('user'), c.get('session').csrfToken), 200),
    )

    .openapi(
      signedInRoute({
        method: 'delete',
        path: '/api/session',
        summary: 'Sign out',
        responses: { 204: { description: 'Signed out' } },
      }),
      async (c) => {
        const idHash = sessionHashFrom(c, deps);
        if (idHash) await deps.store.sessions.delete(idHash);
        clearSessionCookie(c);
        return c.body(null, 204);
      },
    );
}

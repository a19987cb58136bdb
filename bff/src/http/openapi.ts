import { createRoute, OpenAPIHono, type RouteConfig, type z } from '@hono/zod-openapi';
import { errorBodySchema } from '@planshift/shared/api';
import type { AppEnv } from './app-env';
import { refuse } from './refuse';
import { validationRefusal } from './validation-refusal';

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

/** A named answer schema: its id and description in the OpenAPI document. */
export const answer = <T extends z.ZodType>(schema: T, id: string, description: string) =>
  json(schema.meta({ id, description }), description);

type ErrorAnswers<S extends number> = { [K in S]: ReturnType<typeof json<typeof errorBodySchema>> };

/** The error answers a route declares, keyed by their literal statuses so that its typed client sees each one. */
export const errors = <const S extends readonly number[]>(...statuses: S) =>
  Object.fromEntries(statuses.map((status) => [status, json(errorBodySchema, `Error ${status}`)])) as ErrorAnswers<
    S[number]
  >;

/** A router whose validation failures answer 400 with the offending field, like every other error. */
export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return refuse(c, validationRefusal(result.error, result.target === 'json' ? undefined : result.target));
      }
    },
  });
}

/** Routes that need a signed-in session (the cookie): anonymous requests answer 401 unauthenticated. */
export const SIGNED_IN = [{ session: [] }];
/** State-changing routes: the session, and its CSRF token in X-CSRF-Token (403 csrf_token_invalid). */
export const SIGNED_IN_WITH_CSRF = [{ session: [], csrf: [] }];

type SignedInRoute = Omit<RouteConfig, 'security' | 'path'> & { path: string };
/** A read answers 401 without the session; a write also 403 without its CSRF token. */
type SignedInRefusals<R extends SignedInRoute> = R['method'] extends 'get' ? 401 : 401 | 403;

/**
 * A route for signed-in customers: its security and the refusals that security implies are
 * written here once, so a route declares only what is its own.
 */
export function signedInRoute<const R extends SignedInRoute>(route: R) {
  const read = route.method === 'get';
  return createRoute({
    ...route,
    security: read ? SIGNED_IN : SIGNED_IN_WITH_CSRF,
    responses: { ...route.responses, ...(read ? errors(401) : errors(401, 403)) } as R['responses'] &
      ErrorAnswers<SignedInRefusals<R>>,
  });
}

/** The security schemes SIGNED_IN and SIGNED_IN_WITH_CSRF name, for the OpenAPI document. */
export function registerSecuritySchemes(app: ReturnType<typeof router>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'planshift_session',
    description: 'Set by POST /api/session.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'csrf', {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: 'The csrfToken of the session answer.',
  });
}

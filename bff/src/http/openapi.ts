import { OpenAPIHono, z } from '@hono/zod-openapi';
import { validationError } from './api-error';
import type { AppEnv } from './app-env';
import { API_ERROR_CODES } from './error-codes';

export const errorSchema = z
  .object({
    code: z.enum(API_ERROR_CODES).meta({ description: 'Stable, machine-readable reason, e.g. below_min_quantity.' }),
    message: z.string(),
    field: z.string().nullable().meta({ description: 'The offending field, e.g. addOns.1.quantity.' }),
    details: z.unknown().optional(),
  })
  .meta({ id: 'Error' });

/** Unix seconds: every instant in the API, as the engine counts them. */
export const instantSchema = z.int().meta({ description: 'Unix time in seconds (UTC).' });

export const moneySchema = z
  .object({ amount: z.int().meta({ description: 'Integer minor units.' }), currency: z.string().length(3) })
  .meta({ id: 'Money' });

/** A JSON object whose shape the engine's TypeScript types define (shared/src), documented by name. */
export const engineObject = (id: string, description: string) => z.any().meta({ id, description, type: 'object' });

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, json(errorSchema, `Error ${status}`)]));

/** A router whose validation failures answer 400 with the offending field, like every other error. */
export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target === 'json' ? undefined : result.target);
    },
  });
}

/** Routes that need a signed-in session (the cookie): anonymous requests answer 401 unauthenticated. */
export const SIGNED_IN = [{ session: [] }];
/** State-changing routes: the session, and its CSRF token in X-CSRF-Token (403 csrf_token_invalid). */
export const SIGNED_IN_WITH_CSRF = [{ session: [], csrf: [] }];

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

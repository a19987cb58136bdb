import { z } from 'zod';
import { roleSchema } from '../account/account-schema';

/** The person signed in, and whether their role lets them manage billing. */
export const userViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  canManageBilling: z.boolean(),
});
export type UserView = z.output<typeof userViewSchema>;

/** GET/POST /api/session: who is signed in, and the token state-changing requests must send. */
export const sessionViewSchema = z
  .object({
    user: userViewSchema,
    accountId: z.string(),
    csrfToken: z.string().meta({ description: 'Send it as X-CSRF-Token on every state-changing request.' }),
  })
  .meta({ id: 'Session' });
export type SessionView = z.output<typeof sessionViewSchema>;

import { z } from 'zod';
import { localeSchema, roleSchema } from '../account/account-schema';
import { currencyCodeSchema } from '../money/money-schema';
import { epochSecondsSchema } from '../periods/periods-schema';
import { readonlyArrayOf } from '../wire/readonly-array';

// The QA routes' answers (/api/test/*): absent in production.

/** A demo person to sign in as, from the development sign-in page. */
export const personaSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  password: z.string(),
  accountName: z.string(),
  planId: z.string(),
  currency: currencyCodeSchema,
  locale: localeSchema,
});
export type Persona = z.output<typeof personaSchema>;

/** GET /api/test/personas. */
export const personasViewSchema = z.object({ personas: readonlyArrayOf(personaSchema) }).meta({ id: 'Personas' });
export type PersonasView = z.output<typeof personasViewSchema>;

/** The system clock as QA drives it. */
export const testClockViewSchema = z
  .object({
    now: epochSecondsSchema,
    iso: z.string(),
    frozen: z.boolean().meta({ description: 'True while a test clock is set.' }),
  })
  .meta({ id: 'Clock' });
export type TestClockView = z.output<typeof testClockViewSchema>;

import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoPath = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The only module that reads `process.env`: everything else receives a typed, validated `Env`. */
const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
    WEB_DIST: z.string().min(1).default(repoPath('web/dist')),
    DATABASE_FILE: z.string().min(1).default(repoPath('data/planshift.sqlite')),
    /** Where the simulated payment provider keeps its charges, so they outlive a crash of the BFF. */
    PAYMENTS_LEDGER_FILE: z.string().min(1).optional(),
    /** How long the simulated card processor takes to answer (after it has charged). */
    PAYMENTS_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
    /** Signs session cookies. Outside production a fresh one per process is fine. */
    SESSION_SECRET: z.string().min(32).optional(),
    /** Which scenario seeds an empty database (outside production). */
    SEED_SCENARIO: z.string().default('demo'),
  })
  .transform((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'required in production' });
      return z.NEVER;
    }
    return {
      ...env,
      SESSION_SECRET: env.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
      PAYMENTS_LEDGER_FILE: env.PAYMENTS_LEDGER_FILE ?? `${env.DATABASE_FILE}.payments.jsonl`,
    };
  });

export type Env = z.output<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  return parsed.data;
}

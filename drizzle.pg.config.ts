import { defineConfig } from 'drizzle-kit';

// PostgreSQL's schema and migrations, beside SQLite's (drizzle.config.ts): one of each per dialect.
// `generate` needs no database; `npm run db:migrate` applies them (bff/src/cli/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './bff/src/db/pg-schema.ts',
  out: './bff/drizzle-pg',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/planshift' },
});

import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './bff/src/db/schema.ts',
  out: './bff/drizzle',
  dbCredentials: { url: process.env.DATABASE_FILE ?? './data/planshift.sqlite' },
});

// drizzle-kit reads this file; the schema and migrations arrive with the BFF's persistence layer.
export default {
  dialect: 'sqlite',
  schema: './bff/src/db/schema.ts',
  out: './bff/drizzle',
  dbCredentials: { url: process.env.DATABASE_FILE ?? './data/planshift.sqlite' },
};

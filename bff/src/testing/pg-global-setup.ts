import type { TestProject } from 'vitest/node';
import { migratePostgres } from '../db/migrate-pg';
import { startPgCluster } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated template database of the run's throwaway PostgreSQL (TEST_DATABASE=postgres), else ''. */
    pgTemplateUrl: string;
  }
}

/**
 * With TEST_DATABASE=postgres, one throwaway PostgreSQL server for the whole Vitest run, holding a
 * migrated template database: each test system copies it into a database of its own
 * (`create database … template`, a file copy) instead of migrating one. Without it, nothing.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.TEST_DATABASE !== 'postgres') {
    project.provide('pgTemplateUrl', '');
    return undefined;
  }
  const cluster = await startPgCluster();
  await migratePostgres(cluster.url);
  project.provide('pgTemplateUrl', cluster.url);
  return () => cluster.stop();
}

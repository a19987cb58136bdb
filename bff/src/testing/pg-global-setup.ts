import type { TestProject } from 'vitest/node';
import { migratePostgres } from '../db/migrate-pg';
import { startPgCluster } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated template database of the run's throwaway PostgreSQL (TEST_DATABASE=postgres). */
    pgTemplateUrl: string;
  }
}

/**
 * The project on PostgreSQL (TEST_DATABASE=postgres, vitest.config.ts) gets one throwaway
 * PostgreSQL server for the whole Vitest run, holding a migrated template database: each test
 * system copies it into a database of its own (`create database … template`, a file copy)
 * instead of migrating one.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPgCluster();
  await migratePostgres(cluster.url);
  project.provide('pgTemplateUrl', cluster.url);
  return () => cluster.stop();
}

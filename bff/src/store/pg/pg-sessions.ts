import type { Instant } from '@planshift/shared/periods';
import { and, eq, gt, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import * as t from '../../db/pg-schema';
import type { SessionRecord, UserRecord } from '../records';
import type { SessionRepository } from '../session-repository';
import type { PgContext } from './pg-context';
import { rowOf } from './pg-json-rows';

/** A signed-in request's session and user in one round trip, parsed and planned once per connection. */
const signedIn = new PgDialect().sqlToQuery(sql`
  select row_to_json(${t.sessions}) as session, row_to_json(${t.users}) as user
  from ${t.sessions} join ${t.users} on ${t.users.id} = ${t.sessions.userId}
  where ${t.sessions.idHash} = ${sql.placeholder('idHash')} and ${t.sessions.expiresAt} > ${sql.placeholder('now')}
`);

/**
 * Users and sessions, read every time: unlike SQLite's store, no cache, since another instance
 * may sign a session out (or a reset replace the users) and nothing tells this one yet.
 */
export class PgSessions implements SessionRepository {
  constructor(private readonly ctx: PgContext) {}

  async findUserByEmail(email: string): Promise<UserRecord | null> {
    const [user] = await this.ctx.db.select().from(t.users).where(eq(t.users.email, email.toLowerCase()));
    return user ?? null;
  }

  async findUser(userId: string): Promise<UserRecord | null> {
    const [user] = await this.ctx.db.select().from(t.users).where(eq(t.users.id, userId));
    return user ?? null;
  }

  async create(session: SessionRecord): Promise<void> {
    await this.ctx.db.insert(t.sessions).values(session);
  }

  async find(idHash: string, now: Instant): Promise<SessionRecord | null> {
    const [session] = await this.ctx.db
      .select()
      .from(t.sessions)
      .where(and(eq(t.sessions.idHash, idHash), gt(t.sessions.expiresAt, now)));
    return session ?? null;
  }

  async findSignedIn(
    idHash: string,
    now: Instant,
  ): Promise<Readonly<{ session: SessionRecord; user: UserRecord }> | null> {
    const { rows } = await this.ctx.db.$client.query<{
      session: Record<string, unknown>;
      user: Record<string, unknown>;
    }>({ name: 'signed-in', text: signedIn.sql, values: [idHash, now] });
    const [row] = rows;
    return row ? { session: rowOf(t.sessions, row.session), user: rowOf(t.users, row.user) } : null;
  }

  async delete(idHash: string): Promise<void> {
    await this.ctx.db.delete(t.sessions).where(eq(t.sessions.idHash, idHash));
  }
}

import type { Instant } from '@planshift/shared/periods';
import { and, eq, gt, sql } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { SessionRecord, UserRecord } from '../records';
import type { SessionRepository } from '../session-repository';
import type { SqliteContext } from './sqlite-context';

/** Users and sessions, cached once read: they never change once written (a reset clears the caches). */
export class SqliteSessions implements SessionRepository {
  readonly #session;
  readonly #user;

  constructor(private readonly ctx: SqliteContext) {
    const p = sql.placeholder;
    this.#session = ctx.db
      .select()
      .from(t.sessions)
      .where(and(eq(t.sessions.idHash, p('idHash')), gt(t.sessions.expiresAt, p('now'))))
      .prepare();
    this.#user = ctx.db
      .select()
      .from(t.users)
      .where(eq(t.users.id, p('userId')))
      .prepare();
  }

  async findUserByEmail(email: string): Promise<UserRecord | null> {
    return this.ctx.db.select().from(t.users).where(eq(t.users.email, email.toLowerCase())).get() ?? null;
  }

  async findUser(userId: string): Promise<UserRecord | null> {
    const cached = this.ctx.users.get(userId);
    if (cached) return cached;
    const user = this.#user.get({ userId }) ?? null;
    if (user) this.ctx.users.set(userId, user);
    return user;
  }

  async create(session: SessionRecord): Promise<void> {
    this.ctx.db.insert(t.sessions).values(session).run();
  }

  async find(idHash: string, now: Instant): Promise<SessionRecord | null> {
    const cached = this.ctx.sessions.get(idHash);
    if (cached) return cached.expiresAt > now ? cached : null;
    const session = this.#session.get({ idHash, now }) ?? null;
    if (session) this.ctx.sessions.set(idHash, session);
    return session;
  }

  async findSignedIn(
    idHash: string,
    now: Instant,
  ): Promise<Readonly<{ session: SessionRecord; user: UserRecord }> | null> {
    const session = await this.find(idHash, now);
    const user = session && (await this.findUser(session.userId));
    return session && user ? { session, user } : null;
  }

  async delete(idHash: string): Promise<void> {
    this.ctx.sessions.delete(idHash);
    this.ctx.db.delete(t.sessions).where(eq(t.sessions.idHash, idHash)).run();
  }
}

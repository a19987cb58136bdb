import type { Instant } from '@planshift/shared/periods';
import type { SessionRecord, UserRecord } from './records';

/** Users and their sign-in sessions. */
export interface SessionRepository {
  findUserByEmail(email: string): Promise<UserRecord | null>;
  findUser(userId: string): Promise<UserRecord | null>;
  create(session: SessionRecord): Promise<void>;
  find(idHash: string, now: Instant): Promise<SessionRecord | null>;
  delete(idHash: string): Promise<void>;
}

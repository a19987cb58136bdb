import type { Instant } from '@planshift/shared/periods';
import type { SessionRecord, UserRecord } from './records';

/** Users and their sign-in sessions. */
export interface SessionRepository {
  findUserByEmail(email: string): Promise<UserRecord | null>;
  findUser(userId: string): Promise<UserRecord | null>;
  create(session: SessionRecord): Promise<void>;
  find(idHash: string, now: Instant): Promise<SessionRecord | null>;
  /** The unexpired session and its user, as every signed-in request needs them: null when either is missing. */
  findSignedIn(idHash: string, now: Instant): Promise<Readonly<{ session: SessionRecord; user: UserRecord }> | null>;
  delete(idHash: string): Promise<void>;
}

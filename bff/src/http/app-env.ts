import type { SessionRecord, UserRecord } from '../store/records';

export type { AppDeps } from '../deps';

/** What a route's context carries once the session is checked. */
export type AppEnv = {
  Variables: {
    session: SessionRecord;
    user: UserRecord;
  };
};

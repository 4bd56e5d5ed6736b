import type { Db } from '../db/connect';
import type { UserRow } from '../db/users';
import type { SignInLimits } from '../auth/rate-limit';

/** What every handler can reach: the database, the clock, limits and (once signed in) the caller. */
export interface AppDeps {
  db: Db;
  now: () => Date;
  limits: SignInLimits;
  /** PUBLIC_URL: the portal's origin as users reach it; else each request's own origin. */
  publicUrl?: string;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    user: UserRow;
    token: string;
  };
}

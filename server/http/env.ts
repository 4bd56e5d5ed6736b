import type { UserRow } from '../db/users';
import type { AppDeps } from '../deps';

/** What every handler can reach: the services' dependencies and (once signed in) the caller. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    user: UserRow;
    token: string;
  };
}

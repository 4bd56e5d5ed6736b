import type { AppDeps } from '../deps';
import type { Caller } from '../services/auth';

/** What every handler can reach: the services' dependencies and (once signed in) the caller. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    user: Caller;
    token: string;
  };
}

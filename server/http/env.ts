import type { AppDeps } from '../deps';
import type { Caller } from '../services/auth';

/** What every handler can reach: the services' dependencies and (once signed in) the caller. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** TRUST_PROXY: how many reverse proxies in front whose X-Forwarded-For/-Proto to believe (0: none). */
    trustProxy: number;
    /** The headers of every API answer to this request (http/security.ts apiHeaders; used by http/respond.ts). */
    apiHeaders: Readonly<Record<string, string>>;
    user: Caller;
    token: string;
  };
}

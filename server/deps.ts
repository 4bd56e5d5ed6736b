import type { VendorLinks } from '@shared/domain';
import type { SignInLimits } from './auth/rate-limit';
import type { Db } from './db/connect';
import type { PublicKey } from './licensing/keys';
import type { ServerKey } from './services/server-key';
import type { Metrics } from './observe/metrics';

/** What the services run with: the database, the clock, sign-in limits and the portal's origin. */
export interface AppDeps {
  db: Db;
  now: () => Date;
  limits: SignInLimits;
  /** The portal's origin as users reach it (PUBLIC_URL, else the server's own), for absolute links. */
  publicUrl: string;
  /** CONTACT_URL and UPGRADE_URL: where "contact us" and "upgrade" link unless a company has its own (absent: none). */
  vendorLinks?: VendorLinks;
  /** The server's own key: signs device certificates. */
  serverKey: ServerKey;
  /** The vendor keys license files must be signed with (VENDOR_PUBLIC_KEY_FILE, else the demo key). */
  vendorKeys: readonly PublicKey[];
  /** Where the routes count what they did (absent: not counted; in-process tests). */
  metrics?: Metrics;
}

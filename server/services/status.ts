import { portalLinks } from '@shared/domain';
import type { StatusResponse } from '@shared/schemas';
import type { AppDeps } from '../deps';
import { visibleLicensesAndRole } from './access';
import type { Caller } from './auth';
import { linksOfCompany } from './vendor-links';
import { userView } from './views';

/**
 * The extension's compact view: per license its counters, validity, the caller's role and links to
 * the portal pages on the configured origin (never the request's Host header, which the client
 * chooses: links to a host of an attacker's choosing would end up in the extension); and where the
 * company's "contact us" and "upgrade" messages link.
 */
export async function portalStatus(deps: AppDeps, user: Caller): Promise<StatusResponse> {
  const origin = deps.publicUrl;
  const { licenses, role } = await visibleLicensesAndRole(deps.db.kysely, user);
  const links = linksOfCompany(deps, user.company);
  return {
    user: userView(user, role),
    licenses: licenses.map((l) => ({
      id: l.id,
      name: l.name,
      status: l.status,
      validUntil: l.validUntil,
      role: l.role,
      activations: l.activations,
      seats: l.seats,
      deactivations: l.deactivations,
      links: portalLinks(origin, l.id, l.role),
    })),
    checkedAt: deps.now().toISOString(),
    links,
  };
}

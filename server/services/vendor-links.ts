import { NO_VENDOR_LINKS, vendorLinksOf, type VendorLinks } from '@shared/domain';
import { findCompany } from '../db/users';
import type { CompanyTable } from '../db/schema';
import type { AppDeps } from '../deps';

/** Where a company's "contact us" and "upgrade" messages link: its own links, else the server's. */
export function linksOfCompany(deps: AppDeps, company: Pick<CompanyTable, 'contact_url' | 'upgrade_url'>): VendorLinks {
  return vendorLinksOf(
    { contact: company.contact_url, upgrade: company.upgrade_url },
    deps.vendorLinks ?? NO_VENDOR_LINKS,
  );
}

/** The links of the company with this (internal) id; the server's defaults if it is gone. */
export async function companyLinks(deps: AppDeps, companyId: string): Promise<VendorLinks> {
  const company = await findCompany(deps.db.kysely, companyId);
  return company ? linksOfCompany(deps, company) : (deps.vendorLinks ?? NO_VENDOR_LINKS);
}

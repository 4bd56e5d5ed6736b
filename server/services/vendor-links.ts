import { NO_VENDOR_LINKS, vendorLinksOf, type VendorLinks } from '@shared/domain';
import type { CompanyTable } from '../db/schema';
import type { AppDeps } from '../deps';

/** Where a company's "contact us" and "upgrade" messages link: its own links, else the server's. */
export function linksOfCompany(deps: AppDeps, company: Pick<CompanyTable, 'contact_url' | 'upgrade_url'>): VendorLinks {
  return vendorLinksOf(
    { contact: company.contact_url, upgrade: company.upgrade_url },
    deps.vendorLinks ?? NO_VENDOR_LINKS,
  );
}

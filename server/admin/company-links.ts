import { HttpUrlSchema } from '@shared/schemas';
import type { Db } from '../db/connect';
import { recordAudit } from '../db/audit';
import { findCompanyByPublicId, setCompanyLinks } from '../db/users';
import { writeTransaction } from '../db/transaction';
import { optional, required, UsageError, type Flags } from './args';
import { vendorAudit, VendorError } from './operations';
import type { VendorCommand } from './commands';

/** What to change: a new URL, null (back to the server's default), or absent (unchanged). */
interface CompanyLinksChange {
  contactUrl?: string | null;
  upgradeUrl?: string | null;
}

/**
 * Sets where one company's "contact us" and "upgrade" messages link. Null clears a link: the
 * company then gets the server's CONTACT_URL / UPGRADE_URL again.
 */
async function setLinks(db: Db, companyPublicId: string, change: CompanyLinksChange, now = new Date()) {
  const company = await findCompanyByPublicId(db.kysely, companyPublicId);
  if (!company) throw new VendorError(`--company: no company "${companyPublicId}"`);
  const next = {
    contact_url: change.contactUrl === undefined ? company.contact_url : change.contactUrl,
    upgrade_url: change.upgradeUrl === undefined ? company.upgrade_url : change.upgradeUrl,
  };
  await writeTransaction(db, async (trx) => {
    await setCompanyLinks(trx, company.id, next);
    const detail = { contactUrl: next.contact_url, upgradeUrl: next.upgrade_url };
    await recordAudit(trx, vendorAudit(company.id, null, 'company.links', detail, now.toISOString()));
  });
  // null: the server's default applies.
  return { companyId: company.public_id, contactUrl: next.contact_url, upgradeUrl: next.upgrade_url };
}

function url(name: string, value: string): string {
  if (!HttpUrlSchema.safeParse(value).success)
    throw new UsageError(`--${name} must be an http:// or https:// URL (got "${value}")`);
  return value;
}

const str = { type: 'string' } as const;

export const companyLinksCommand: VendorCommand = {
  usage: 'company links --company X [--contact-url URL] [--upgrade-url URL] | --clear   (none set: the server default)',
  options: { company: str, 'contact-url': str, 'upgrade-url': str, clear: { type: 'boolean' } },
  run: (db, f: Flags) => {
    const contact = optional(f, 'contact-url');
    const upgrade = optional(f, 'upgrade-url');
    const company = required(f, 'company');
    if (f.clear === true) {
      if (contact !== undefined || upgrade !== undefined)
        throw new UsageError('--clear resets both links: give it without --contact-url or --upgrade-url');
      return setLinks(db, company, { contactUrl: null, upgradeUrl: null });
    }
    if (contact === undefined && upgrade === undefined)
      throw new UsageError('give --contact-url, --upgrade-url or both, or --clear');
    return setLinks(db, company, {
      ...(contact !== undefined ? { contactUrl: url('contact-url', contact) } : {}),
      ...(upgrade !== undefined ? { upgradeUrl: url('upgrade-url', upgrade) } : {}),
    });
  },
};

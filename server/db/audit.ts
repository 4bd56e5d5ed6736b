import type { Kysely } from 'kysely';
import { compiledQuery, rowPlaces, rowValues } from './compiled';
import type { AuditEventTable, Database } from './schema';

export interface AuditEntry {
  companyId: string;
  /** null when the vendor CLI acted. */
  actorUserId: string | null;
  /** Who, readably: the user's email or "vendor". */
  actor: string;
  licenseId: string | null;
  action: string;
  opId?: string | null;
  detail?: Record<string, unknown>;
  at: string;
}

const auditRow = (entry: AuditEntry) => ({
  company_id: entry.companyId,
  actor_user_id: entry.actorUserId,
  actor: entry.actor,
  license_id: entry.licenseId,
  action: entry.action,
  op_id: entry.opId ?? null,
  detail_json: JSON.stringify(entry.detail ?? {}),
  at: entry.at,
});

const AUDIT_COLUMNS = [
  'company_id',
  'actor_user_id',
  'actor',
  'license_id',
  'action',
  'op_id',
  'detail_json',
  'at',
] as const satisfies ReadonlyArray<keyof AuditEventTable>;

const insertAudits = compiledQuery((db, rows) =>
  db.insertInto('audit_events').values(Array.from({ length: rows }, (_, r) => rowPlaces(AUDIT_COLUMNS, r))),
);

/** Appends one event; call it inside the transaction that made the change. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await recordAudits(db, [entry]);
}

/** Appends events in order (one insert per 100), inside the transaction that made the changes. */
export async function recordAudits(db: Kysely<Database>, entries: readonly AuditEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += 100) {
    const rows = entries.slice(start, start + 100).map(auditRow);
    await insertAudits(db, rows.length, rowValues(AUDIT_COLUMNS, rows));
  }
}

export interface AuditQuery {
  companyId?: string;
  licenseId?: string;
  limit: number;
}

/** Newest first. */
export async function listAudit(db: Kysely<Database>, query: AuditQuery) {
  let q = db
    .selectFrom('audit_events')
    .innerJoin('companies', 'companies.id', 'audit_events.company_id')
    .selectAll('audit_events')
    .select('companies.public_id as company');
  if (query.companyId) q = q.where('audit_events.company_id', '=', query.companyId);
  if (query.licenseId) q = q.where('audit_events.license_id', '=', query.licenseId);
  const rows = await q.orderBy('audit_events.id', 'desc').limit(query.limit).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    company: r.company,
    actor: r.actor,
    actorUserId: r.actor_user_id,
    licenseId: r.license_id,
    action: r.action,
    opId: r.op_id,
    detail: JSON.parse(r.detail_json) as Record<string, unknown>,
  }));
}

export interface LicenseEventQuery {
  licenseId: string;
  /** Only this user's own actions (a license user sees what they did, a manager everything). */
  actorUserId?: string;
  /** Events older than this id (the page after the last one seen). */
  before?: number;
  action?: string;
  limit: number;
}

/** One license's events, newest first, one page (index audit_license_id). */
export async function licenseEvents(db: Kysely<Database>, query: LicenseEventQuery) {
  let q = db.selectFrom('audit_events').selectAll().where('license_id', '=', query.licenseId);
  if (query.actorUserId) q = q.where('actor_user_id', '=', query.actorUserId);
  if (query.before !== undefined) q = q.where('id', '<', query.before);
  if (query.action) q = q.where('action', '=', query.action);
  const rows = await q.orderBy('id', 'desc').limit(query.limit).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    licenseId: query.licenseId,
    at: r.at,
    actor: r.actor,
    byVendor: r.actor_user_id === null,
    kind: r.action,
    detail: JSON.parse(r.detail_json) as Record<string, unknown>,
  }));
}

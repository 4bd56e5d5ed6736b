import { eventText } from '@shared/commands';
import { english } from '@shared/i18n';
import type { Device, License, LicenseEvent, LicenseUser } from '@shared/schemas';
import type { CsvCell } from '@shared/files';

/**
 * A list as a CSV file: its header, its rows (dates in ISO 8601) and a file name. A file is data
 * that scripts and spreadsheets read: its column names and values (status, role, the event's
 * line) are English whatever the page's language, so the same export reads the same everywhere
 * (the pages show all of it translated).
 */
export interface CsvExport {
  fields: string[];
  rows: CsvCell[][];
  filename: string;
}

/** An ISO 8601 time in UTC as the file writes it (the cache keeps the server's form). */
const iso = (at: string | null) => (at ? new Date(at).toISOString() : '');

/**
 * "devices-codeglass-offline-organization-2026-11-28.csv": what, whose (the license's name in lower
 * case, each run of other characters than a-z and 0-9 one "-"), when (the day in UTC).
 */
export function csvFilename(what: string, license: Pick<License, 'name'> | null, now: Date): string {
  const name = (license?.name ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${[what, name, now.toISOString().slice(0, 10)].filter(Boolean).join('-')}.csv`;
}

export function devicesCsv(devices: readonly Device[], license: License | null, now: Date): CsvExport {
  return {
    fields: ['hostname', 'os', 'user', 'hardware id', 'status', 'first activated', 'last checked', 'deactivated'],
    rows: devices.map((d) => [
      d.hostname,
      d.os,
      d.userEmail,
      d.hardwareId,
      d.active ? 'active' : 'inactive',
      iso(d.firstActivatedAt),
      iso(d.lastCheckedAt),
      iso(d.deactivatedAt),
    ]),
    filename: csvFilename('devices', license, now),
  };
}

export function usersCsv(users: readonly LicenseUser[], license: License | null, now: Date): CsvExport {
  return {
    fields: ['email', 'first name', 'last name', 'role', 'assigned'],
    rows: users.map((u) => [
      u.email,
      u.firstName,
      u.lastName,
      u.isManager ? 'license manager' : 'license user',
      iso(u.assignedAt),
    ]),
    filename: csvFilename('users', license, now),
  };
}

export function eventsCsv(events: readonly LicenseEvent[], license: License | null, now: Date): CsvExport {
  const limits = { maxDeactivations: license?.maxDeactivations ?? null };
  return {
    fields: ['id', 'at', 'actor', 'by vendor', 'kind', 'what', 'detail'],
    rows: events.map((e) => [
      e.id,
      iso(e.at),
      e.actor,
      e.byVendor ? 'yes' : 'no',
      e.kind,
      english(eventText(e, limits)),
      JSON.stringify(e.detail),
    ]),
    filename: csvFilename('activity', license, now),
  };
}

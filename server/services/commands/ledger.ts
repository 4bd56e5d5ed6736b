import type { Kysely } from 'kysely';
import { isManagerOf, type DeviceActor } from '@shared/domain';
import { deactivateDevices } from '../../db/devices';
import { saveLicenseCounters } from '../../db/license-version';
import { licenseWithCaller } from '../../db/license-access';
import type { LicenseRow } from '../../db/licenses';
import type { Database } from '../../db/schema';
import type { UserRow } from '../../db/users';

interface Entry {
  license: LicenseRow;
  actor: DeviceActor;
  /** The license's version when the chunk read it: changed once version is past it. */
  readVersion: number;
}

type Counters = Pick<LicenseRow, 'version' | 'active_devices' | 'seats_used' | 'deactivation_count'>;

/**
 * Devices the chunk decided to turn off were no longer active when written: someone changed them
 * without the license's lock. The chunk is rolled back and run again on fresh rows.
 */
export class DevicesChanged extends Error {}

/**
 * The licenses of one sync chunk, read once under the chunk's locks, with the caller's standing
 * on each. Commands decide on these rows and count their effects here; the chunk writes each
 * changed license once at the end (saveLicenseCounters), under one new version for every row it
 * changed. The chunk holds the locks (PostgreSQL) or the one write lock (SQLite), so nobody else
 * changes these licenses meanwhile.
 */
export class LicenseLedger {
  private readonly entries = new Map<string, Entry | null>();
  /** Devices turned off by the chunk's resets and not written yet, per license. */
  private readonly deactivated = new Map<string, string[]>();

  constructor(
    private readonly trx: Kysely<Database>,
    private readonly user: UserRow,
  ) {}

  /** A license of the caller's company and the caller on it, or undefined (rule 9). */
  async standing(licenseId: string): Promise<{ license: LicenseRow; actor: DeviceActor } | undefined> {
    if (!this.entries.has(licenseId)) {
      const row = await licenseWithCaller(this.trx, this.user.company_id, this.user.id, licenseId);
      if (!row) this.entries.set(licenseId, null);
      else {
        const { appointed, assigned, ...license } = row;
        const isManager = isManagerOf(license.subscription_kind, appointed);
        const actor = { userId: this.user.id, isManager, holdsSeat: assigned };
        this.entries.set(licenseId, { license, actor, readVersion: license.version });
      }
    }
    return this.entries.get(licenseId) ?? undefined;
  }

  /** The version every row this chunk changes on the license is stamped with. */
  stamp(licenseId: string): number {
    const entry = this.known(licenseId);
    entry.license.version = entry.readVersion + 1;
    return entry.license.version;
  }

  /** Counts a change (differences) and returns the license's deactivation count after it. */
  count(licenseId: string, change: { activeDevices?: number; seats?: number; deactivations?: number }): number {
    const { license } = this.known(licenseId);
    license.active_devices += change.activeDevices ?? 0;
    license.seats_used += change.seats ?? 0;
    license.deactivation_count += change.deactivations ?? 0;
    return license.deactivation_count;
  }

  /** The counters now, to put back if the command that changes them next is rolled back. */
  snapshot(): Map<string, Counters> {
    const copy = new Map<string, Counters>();
    for (const [id, e] of this.entries) if (e) copy.set(id, { ...pickCounters(e.license) });
    return copy;
  }

  restore(snapshot: Map<string, Counters>): void {
    for (const [id, e] of this.entries) {
      const saved = snapshot.get(id);
      if (e && saved) Object.assign(e.license, saved);
      // A license first read by the rolled-back command is read again when next needed.
      if (e && !saved) this.entries.delete(id);
    }
  }

  /**
   * Turns the device off at the next write of the devices (the caller counts it): a reset then
   * writes nothing itself, and a chunk of resets costs one UPDATE per license instead of one each.
   */
  deactivate(licenseId: string, deviceId: string): void {
    this.known(licenseId);
    const ids = this.deactivated.get(licenseId);
    if (ids) ids.push(deviceId);
    else this.deactivated.set(licenseId, [deviceId]);
  }

  /** Writes the deactivations recorded so far: before anything reads or writes devices itself. */
  async writeDevices(at: string): Promise<void> {
    for (const [licenseId, ids] of this.deactivated) {
      const changed = await deactivateDevices(this.trx, ids, at, this.known(licenseId).license.version);
      if (changed !== ids.length) throw new DevicesChanged();
    }
    this.deactivated.clear();
  }

  /** Writes what the chunk changed: the devices, then every changed license once (its new version and counters). */
  async flush(at: string): Promise<void> {
    await this.writeDevices(at);
    for (const [id, e] of this.entries) {
      if (e && e.license.version !== e.readVersion) await saveLicenseCounters(this.trx, id, pickCounters(e.license));
    }
  }

  private known(licenseId: string): Entry {
    const entry = this.entries.get(licenseId);
    if (!entry) throw new Error(`license ${licenseId} was not read in this chunk`);
    return entry;
  }
}

const pickCounters = (l: LicenseRow): Counters => ({
  version: l.version,
  active_devices: l.active_devices,
  seats_used: l.seats_used,
  deactivation_count: l.deactivation_count,
});

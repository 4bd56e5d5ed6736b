import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  BatchRow,
  DeviceRow,
  License,
  LicenseEvent,
  LicenseUser,
  LeaseRow,
  MetaRow,
  OutboxRow,
  OutcomeRow,
} from '../schemas';
import { DB_NAME, declareVersions } from './versions';

/** The one Dexie database: the cache (licenses, devices, users, events, meta) and the outbox (with its batches). */
export class PortalDb extends Dexie {
  licenses!: EntityTable<License, 'id'>;
  devices!: EntityTable<DeviceRow, 'id'>;
  users!: Table<LicenseUser, [string, string]>;
  meta!: EntityTable<MetaRow, 'key'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  leases!: EntityTable<LeaseRow, 'batchId'>;
  outcomes!: EntityTable<OutcomeRow, 'batchId'>;
  batches!: EntityTable<BatchRow, 'groupId'>;
  events!: EntityTable<LicenseEvent, 'id'>;

  /** `upTo` opens an older schema version; only the migration tests use it. */
  constructor(
    name = DB_NAME,
    options: { upTo?: number; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
  ) {
    const { upTo, ...dexieOptions } = options;
    super(name, dexieOptions);
    declareVersions(this, upTo);
  }
}

/** Open (creating or upgrading) the portal database. */
export function createPortalDb(name = DB_NAME): PortalDb {
  return new PortalDb(name);
}

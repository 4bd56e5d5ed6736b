// What the stores are built of: the portal they share (client, database, clock, sync engine),
// values that follow the cache, a per-license cache, and the one way to queue a command.
export * from './portal';
export type { PerLicenseState } from './per-license';
export type { QueueResult } from './queue-command';

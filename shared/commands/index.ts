// The command kinds the clients know: one module each (./device-reset.ts, ...), their table
// (./table.ts), and what every kind shares (previews, pending ids, the Activity tab's lines).
export * from './types';
export * from './preview';
export * from './pending-ids';
export * from './table';
export * from './activity';
export { deviceReset } from './device-reset';
export { licenseReset, type LicenseResetPreview } from './license-reset';
export { licenseGrant } from './license-grant';
export { checkGrantCode, type GrantCheck } from './grant-code';
export { userAssign } from './user-assign';
export { userUnassign } from './user-unassign';
export { userResetPassword } from './user-reset-password';
export { generateInitialPassword } from './initial-password';

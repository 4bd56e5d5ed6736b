export * from './portal';
export * from './loading';
export * from './types';
export * from './session';
export * from './outbox';
export * from './licenses';
export * from './devices';
export * from './users';
export type { PerLicenseState } from './per-license';
